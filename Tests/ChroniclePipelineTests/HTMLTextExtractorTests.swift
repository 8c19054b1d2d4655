import Testing

@testable import ChroniclePipeline

struct HTMLTextExtractorTests {
    let extractor = HTMLTextExtractor()

    static let page = """
        <!DOCTYPE html>
        <html lang="en"><head>
        <meta charset="utf-8">
        <title>Harbour bridge reopens after repairs | Coastline Herald</title>
        <meta property="og:title" content="Harbour bridge reopens after two-year repairs">
        <meta property="og:site_name" content="Coastline Herald">
        <meta property="article:published_time" content="2024-03-08T09:15:00+01:00">
        <meta name="author" content="Lena Marsh">
        <style>body { color: red; } p > a { }</style>
        <script>var x = "<p>not text</p>"; if (a < b) { run(); }</script>
        </head>
        <body>
        <header><a href="/">Coastline Herald</a><nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
        <div class="teaser"><a href="/other">Ferry fares to rise in spring</a></div>
        <main>
        <article>
        <h1>Harbour bridge reopens after two-year repairs</h1>
        <p>The harbour bridge in Port Adler reopened on Friday after two years of repairs, the city council said.</p>
        <p>Engineers replaced 1,200 steel cables &amp; resurfaced the deck at a cost of &euro;48&nbsp;million.<br>Traffic is expected to return to normal by Monday.</p>
        <figure><img src="bridge.jpg" alt="The bridge"><figcaption>Photo: Lena Marsh</figcaption></figure>
        <p>&ldquo;It&#8217;s a relief for everyone,&rdquo; Mayor Ines Kohl told reporters &#x2014; adding that tolls would stay unchanged.</p>
        <aside><p>Read more: Council budget approved</p></aside>
        <form><button>Subscribe</button><input type="email"></form>
        <noscript><p>Enable JavaScript</p></noscript>
        <p>Share</p>
        </article>
        </main>
        <footer><p>&copy; 2024 Coastline Herald. All rights reserved.</p></footer>
        </body></html>
        """

    @Test func convertsArticleElementToParagraphs() {
        let page = extractor.extract(Self.page)
        #expect(
            page.text == """
                Harbour bridge reopens after two-year repairs

                The harbour bridge in Port Adler reopened on Friday after two years of repairs, the city council said.

                Engineers replaced 1,200 steel cables & resurfaced the deck at a cost of €48 million.
                Traffic is expected to return to normal by Monday.

                Photo: Lena Marsh

                “It’s a relief for everyone,” Mayor Ines Kohl told reporters — adding that tolls would stay unchanged.

                Share
                """)
        #expect(page.title == "Harbour bridge reopens after two-year repairs")
        #expect(page.publishedAt == "2024-03-08T09:15:00+01:00")
        #expect(page.author == "Lena Marsh")
        #expect(page.siteName == "Coastline Herald")
    }

    @Test func stageRunsTextRulesOnHTML() throws {
        let document = try runHTML(Self.page)
        #expect(
            paragraphTexts(document) == [
                "The harbour bridge in Port Adler reopened on Friday after two years of repairs, the city council said.",
                "Engineers replaced 1,200 steel cables & resurfaced the deck at a cost of €48 million.",
                "Traffic is expected to return to normal by Monday.",
                "“It’s a relief for everyone,” Mayor Ines Kohl told reporters — adding that tolls would stay unchanged.",
            ])
        let m = document.metadata
        #expect(m.title == "Harbour bridge reopens after two-year repairs")
        #expect(m.source == "Coastline Herald")
        #expect(m.byline == "Lena Marsh")
        #expect(m.authors == ["Lena Marsh"])
        #expect(m.publicationDate == "2024-03-08")
        #expect(m.publicationTime == "09:15")
        #expect(m.timeZone == "+01:00")
        #expect(m.dateSource == .stamp)
        checkSegments(document)
    }

    @Test func decodesEntities() {
        let page = extractor.extract(
            "<p>Tom &amp; Jerry &lt;3 caf&eacute; &#233; &#xE9; &#X00E9; &quot;q&quot; &apos;a&apos; &hellip; &unknown; & alone &#146;</p>")
        #expect(page.text == "Tom & Jerry <3 café é é é \"q\" 'a' … &unknown; & alone ’")
    }

    @Test func toleratesBrokenMarkup() {
        let page = extractor.extract(
            "<P CLASS=lead>Rain fell <b>all<i> day</b> in Lisbon.<p>Floods closed roads<!-- comment <p> --> a < b <br/>then cleared. <div unclosed=\"x")
        #expect(page.text == "Rain fell all day in Lisbon.\n\nFloods closed roads a < b\nthen cleared.")
    }

    @Test func prefersMainWithoutArticleAndDropsLinkMenus() {
        let html = """
            <body><div><a href="/a">World</a> <a href="/b">Business</a> <a href="/c">Culture</a></div>
            <main><p>The river rose by 3.5 metres overnight, forcing the evacuation of 400 homes, officials said.</p>
            <p>See also: <a href="/x">Storm Ciara hits the coast</a></p></main>
            <p>Unrelated teaser paragraph outside the main element that should be ignored entirely.</p></body>
            """
        let page = extractor.extract(html)
        #expect(
            page.text == "The river rose by 3.5 metres overnight, forcing the evacuation of 400 homes, officials said.")
    }

    @Test func titleFallsBackToH1ThenTitleElement() {
        #expect(extractor.extract("<h1>Storm &amp; flood warning</h1><p>x</p>").title == "Storm & flood warning")
        #expect(extractor.extract("<title>Dam opens - Valley News</title><p>x</p>").title == "Dam opens")
        #expect(
            extractor.extract("<time datetime=\"2023-11-02\">2 November</time>").publishedAt == "2023-11-02")
    }

    @Test func typicalNewsPage() throws {
        let html = """
            <!doctype html><html><head><meta charset="utf-8"><title>Floods hit northern towns - The Valley Post</title>
            <meta property="og:title" content="Floods hit northern towns">
            <meta property="og:site_name" content="The Valley Post">
            <meta name="author" content="Priya Nair">
            <script>window.dataLayer=[];</script></head>
            <body class="article">
            <div id="top-bar"><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></div>
            <div class="container">
             <div class="breadcrumbs"><a href="/news">News</a> &raquo; <a href="/news/local">Local</a></div>
             <div class="content">
              <h1 class="headline">Floods hit northern towns</h1>
              <div class="meta">By <a href="/authors/priya">Priya Nair</a> <span class="date">Published: 12 March 2024, 08:15 GMT</span></div>
              <div class="share"><a href="#">Facebook</a><a href="#">Twitter</a><a href="#">Email</a></div>
              <div class="body">
               <p><strong>TRENTON, N.J.</strong> — Rivers burst their banks across three northern towns on Monday, forcing 1,500 residents from their homes.</p>
               <p>Emergency crews worked through the night. &quot;We have never seen water this high,&quot; said fire chief Dan O&#39;Reilly.</p>
               <div class="ad">Advertisement</div>
               <p>The weather service expects 40mm more rain by Wednesday.</p>
               <div class="related"><h3>Related</h3><ul><li><a href="/a">Storm season starts early</a></li><li><a href="/b">How to prepare for floods</a></li></ul></div>
               <p>Schools in the area will stay closed until Thursday, officials said.</p>
              </div>
              <div class="tags">Tags: <a href="/t/floods">floods</a> <a href="/t/weather">weather</a></div>
              <div class="comments"><h3>Comments (12)</h3><p>Sign in to comment.</p></div>
             </div>
            </div>
            <div class="footer-links"><a href="/about">About us</a> <a href="/privacy">Privacy</a></div>
            <p>&copy; 2024 The Valley Post. All rights reserved.</p>
            </body></html>
            """
        let document = try runHTML(html)
        #expect(paragraphTexts(document) == [
            "Rivers burst their banks across three northern towns on Monday, forcing 1,500 residents from their homes.",
            "Emergency crews worked through the night. \"We have never seen water this high,\" said fire chief Dan O'Reilly.",
            "The weather service expects 40mm more rain by Wednesday.",
            "Schools in the area will stay closed until Thursday, officials said.",
        ])
        let m = document.metadata
        #expect(m.title == "Floods hit northern towns")
        #expect(m.source == "The Valley Post")
        #expect(m.byline == "By Priya Nair")
        #expect(m.authors == ["Priya Nair"])
        #expect(m.dateline == "TRENTON, N.J.")
        #expect(m.publicationDate == "2024-03-12")
        #expect(m.publicationTime == "08:15")
        #expect(m.timeZone == "+00:00")
        #expect(m.dateSource == .stamp)
        #expect(m.agency == nil)
        checkSegments(document)
    }

    @Test func structuredDataDateAndHiddenBlocks() {
        let html = """
            <head><script type="application/ld+json">{"@type":"NewsArticle","datePublished" : "2022-10-05T14:00:00+03:00"}</script></head>
            <body><p>Crews restored power to 9,000 homes overnight, the utility said.</p>
            <div style="display: none"><p>Hidden promo text</p></div><p hidden>Also hidden</p></body>
            """
        let page = extractor.extract(html)
        #expect(page.publishedAt == "2022-10-05T14:00:00+03:00")
        #expect(page.text == "Crews restored power to 9,000 homes overnight, the utility said.")
    }

    @Test func toleratesMissingHeadEndAndPageWideForm() {
        let noHeadEnd = "<html><head><title>Budget vote</title><body><p>The assembly passed the budget by 61 votes to 40 on Wednesday.</p></body>"
        #expect(extractor.extract(noHeadEnd).text == "The assembly passed the budget by 61 votes to 40 on Wednesday.")
        #expect(extractor.extract(noHeadEnd).title == "Budget vote")
        let wrapped = """
            <body><form id="page"><svg><title>icon</title></svg><div class="story"><p>The assembly passed the budget by 61 votes to 40 on Wednesday.</p></div>
            <input type="submit" value="Search"></form></body>
            """
        let page = extractor.extract(wrapped)
        #expect(page.text == "The assembly passed the budget by 61 votes to 40 on Wednesday.")
        #expect(page.title == nil)
    }

    @Test func bylineAgencyFromAuthorMeta() throws {
        let html = """
            <html><head><meta name="author" content="By Omar Haddad, AFP"></head><body><article>
            <p>The ceasefire in the northern province held for a third day on Sunday, monitors said.</p>
            </article></body></html>
            """
        let document = try runHTML(html)
        #expect(document.metadata.byline == "By Omar Haddad, AFP")
        #expect(document.metadata.authors == ["Omar Haddad"])
        #expect(document.metadata.agency == "AFP")
        #expect(document.metadata.dateSource == .unknown)
        #expect(document.metadata.publicationDate == nil)
    }
}
