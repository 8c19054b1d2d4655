import ChroniclePipeline

/// The JSON body of `POST /v1/articles` and `POST /v1/extract`, and one NDJSON line.
struct ArticleRequest: Decodable {
    var text: String?
    var html: String?
    var title: String?
    var url: String?
    var source: String?
    var publishedAt: String?
    var externalID: String?

    enum CodingKeys: String, CodingKey {
        case text, html, title, url, source
        case publishedAt = "published_at"
        case externalID = "external_id"
    }

    /// What to do with the request: process the body it carries, or fetch `url` first.
    enum Plan {
        case process(ArticleInput)
        case fetch(url: String, metadata: ArticleInput)
    }

    func plan() throws(Problem) -> Plan {
        var metadata = ArticleInput(
            body: .text(""), title: title, url: url, source: source, publishedAt: publishedAt, externalID: externalID)
        if let text, let html, !text.isEmpty, !html.isEmpty {
            throw .badRequest("give either \"text\" or \"html\", not both")
        }
        if let text, !text.allSatisfy(\.isWhitespace) {
            metadata.body = .text(text)
            return .process(metadata)
        }
        if let html, !html.allSatisfy(\.isWhitespace) {
            metadata.body = .html(html)
            return .process(metadata)
        }
        if text != nil || html != nil {
            throw .badRequest("the article text is empty")
        }
        if let url { return .fetch(url: url, metadata: metadata) }
        throw .badRequest("missing article: give \"text\", \"html\" or \"url\"")
    }
}
