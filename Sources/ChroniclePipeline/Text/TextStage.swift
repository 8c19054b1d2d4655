import ChronicleFoundation

/// The first stage: turns the submitted article (plain text or an HTML page) into clean body
/// text, publication metadata, and paragraphs, sentences and tokens with scalar offsets.
///
/// Precedence of metadata (what the client supplied always wins):
/// - title: supplied > HTML (og:title, h1, <title>) > headline line above the body;
/// - source: supplied > og:site_name > copyright holder > known publisher named in the chrome;
/// - date: supplied > ` date` prefix > stamp (HTML markup, then a printed stamp) > the day in
///   the page's address (`/2013/09/18/`) > inferred ("today" = the latest full date the text
///   gives) > unknown;
/// - url: supplied > a line holding only the page's address;
/// - byline: printed byline > HTML author field; agency: see `AgencyFinder`.
public struct TextStage: PipelineStage {
    public let name = "text"
    let resources: TextResources

    public init() throws(ResourceError) { resources = try TextResources.bundled.get() }

    public func process(_ document: inout ArticleDocument) throws(PipelineError) {
        let input = document.input
        var supplied: DateStamp?
        if let value = input.publishedAt {
            guard let parsed = PublicationDateFinder.parseISO8601(value) else { throw .invalidPublishedAt(value) }
            supplied = parsed
        }

        var page: HTMLPage?
        let raw: String
        switch input.body {
        case .text(let text): raw = text
        case .html(let html):
            let extracted = HTMLTextExtractor(resources: resources).extract(html)
            page = extracted
            raw = extracted.text
        }

        let knownTitle = input.title ?? page?.title
        let article = ArticleBodyExtractor(resources: resources).extract(
            lines: LineNormalizer.lines(of: raw), knownTitle: knownTitle)
        guard !article.paragraphs.isEmpty else { throw .emptyText }

        var metadata = document.metadata
        let agencies = AgencyFinder(resources: resources)
        metadata.title = knownTitle ?? article.title
        metadata.source = input.source ?? page?.siteName.map(agencies.canonicalPublisher)
            ?? article.copyrightHolder.map(agencies.canonicalPublisher) ?? article.chromePublisher

        var agency = article.agency
        var byline = article.byline
        if let author = page?.author, let fromPage = BylineFinder(resources: resources).byline(authorField: author) {
            agency.add(fromPage.agency, rank: .byline)
            if byline == nil { byline = fromPage }
        }
        metadata.agency = agency.agency
        metadata.byline = byline?.text
        metadata.authors = byline?.authors ?? []
        metadata.dateline = article.dateline
        if metadata.url == nil { metadata.url = article.pageURL }

        setPublicationDate(&metadata, supplied: supplied, page: page, article: article)

        let segments = Segmenter(resources: resources).segment(article.paragraphs)
        document.text = segments.text
        document.paragraphs = segments.paragraphs
        document.sentences = segments.sentences
        document.tokens = segments.tokens
        document.metadata = metadata
    }

    /// supplied > ` date` prefix > stamp (HTML markup first) > address > inferred > unknown. A
    /// time printed in a stamp of the same day completes a date that has none.
    private func setPublicationDate(
        _ metadata: inout ArticleMetadata, supplied: DateStamp?, page: HTMLPage?, article: ExtractedArticle
    ) {
        let pageStamp = page?.publishedAt.flatMap(PublicationDateFinder.parseISO8601)
        let stamp = pageStamp ?? article.stamp
        var chosen: DateStamp?
        if let supplied {
            chosen = supplied
            metadata.dateSource = .supplied
        } else if let prefix = article.prefixDate {
            chosen = DateStamp(date: prefix)
            metadata.dateSource = .prefix
        } else if let stamp {
            chosen = stamp
            metadata.dateSource = .stamp
        } else if let date = metadata.url.flatMap(PageURLFinder.date(in:)) {
            chosen = DateStamp(date: date)
            metadata.dateSource = .url
        } else if let relative = article.relativeStamp,
            let latest = PublicationDateFinder(resources: resources).latestFullDate(in: article.paragraphs)
        {
            chosen = DateStamp(date: latest, time: relative.time, timeZone: relative.timeZone)
            metadata.dateSource = .inferred
        } else {
            metadata.dateSource = .unknown
        }
        if var chosen {
            if chosen.time == nil, let stamp, stamp.date == chosen.date {
                chosen.time = stamp.time
                chosen.timeZone = stamp.timeZone
            }
            metadata.publicationDate = chosen.date
            metadata.publicationTime = chosen.time
            metadata.timeZone = chosen.timeZone
        }
    }
}
