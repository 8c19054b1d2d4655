import Testing

@testable import ChroniclePipeline

struct TextStageTests {
    @Test func normalizesWhitespaceAndSegments() throws {
        let text = "  The  museum\tin Zürich reopened on Friday.\u{00A0}\u{00A0}Visitors queued for hours.  \r\n\r\n\r\n“It’s a joy,” said the director, Dr. Eva Brunner.\n上海的游客也来了。  "
        let document = try runText(text)
        #expect(document.text == "The museum in Zürich reopened on Friday. Visitors queued for hours.\n\n“It’s a joy,” said the director, Dr. Eva Brunner.\n\n上海的游客也来了。")
        #expect(paragraphTexts(document).count == 3)
        #expect(sentenceTexts(document) == [
            "The museum in Zürich reopened on Friday.", "Visitors queued for hours.",
            "“It’s a joy,” said the director, Dr. Eva Brunner.", "上海的游客也来了。",
        ])
        #expect(document.paragraphs.map(\.span) == [
            TextSpan(start: 0, end: 67), TextSpan(start: 69, end: 118), TextSpan(start: 120, end: 129),
        ])
        #expect(document.paragraphs.map(\.sentences) == [0..<2, 2..<3, 3..<4])
        #expect(document.sentences[1].span == TextSpan(start: 41, end: 67))
        checkSegments(document)
    }

    @Test func emptyInputsThrow() {
        #expect(throws: PipelineError.emptyText) { try runText("  \n\t ") }
        #expect(throws: PipelineError.emptyText) { try runText("Home\nNews\nSport\nShare\n© 2024 Daily Example") }
        #expect(throws: PipelineError.emptyText) { try runHTML("<html><script>var a = 1;</script><nav>Home</nav></html>") }
    }

    @Test func suppliedTitleWinsAndItsLineIsRemoved() throws {
        let text = "Floods close schools in the north\n\nHeavy rain closed 40 schools in the northern districts on Thursday, officials said."
        let supplied = try runText(text, title: "Northern floods")
        #expect(supplied.metadata.title == "Northern floods")
        #expect(supplied.text == "Heavy rain closed 40 schools in the northern districts on Thursday, officials said.")
        let found = try runText(text)
        #expect(found.metadata.title == "Floods close schools in the north")
    }

    @Test func standardPipelineRunsTextEntitiesTimeEvents() throws {
        let document = try Pipeline.standard().run(.text("Heavy rain closed 40 schools on Thursday, officials said."))
        #expect(document.stages == ["text", "entities", "time", "events"])
        #expect(document.tokens.map(\.text) == ["Heavy", "rain", "closed", "40", "schools", "on", "Thursday", ",", "officials", "said", "."])
        #expect(document.metadata.dateSource == .unknown)
        checkSegments(document)
    }

    @Test func htmlPageEndToEnd() throws {
        let html = """
            <html><head><title>Quake relief | Daily Example</title>
            <meta property="article:published_time" content="2023-02-07T06:30:00Z"></head>
            <body><nav><a href="/">Home</a></nav>
            <article><header><h1>Aid reaches quake zone</h1><p class="byline">By Ali Demir</p></header>
            <p>ANTAKYA, TURKEY (Reuters) - Aid convoys reached the quake zone on Tuesday, the U.N. said.</p>
            <p>More than 2,000 rescuers from 20 countries were at work.</p>
            <div class="share"><a href="#">Share</a> <a href="#">Tweet</a></div>
            </article><footer>Terms of Use</footer></body></html>
            """
        let document = try runHTML(html)
        #expect(paragraphTexts(document) == [
            "Aid convoys reached the quake zone on Tuesday, the U.N. said.",
            "More than 2,000 rescuers from 20 countries were at work.",
        ])
        #expect(document.metadata.title == "Aid reaches quake zone")
        #expect(document.metadata.dateline == "ANTAKYA, TURKEY")
        #expect(document.metadata.agency == "Reuters")
        #expect(document.metadata.publicationDate == "2023-02-07")
        #expect(document.metadata.publicationTime == "06:30")
        #expect(document.metadata.timeZone == "+00:00")
        #expect(document.metadata.dateSource == .stamp)
        checkSegments(document)
    }
}
