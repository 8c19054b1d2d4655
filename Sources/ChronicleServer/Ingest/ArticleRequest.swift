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

    /// `text` or `html`, never both (an empty one counts: a client sending both has a bug to
    /// hear about), not blank; a `url`, fetched or only recorded, is an http(s) URL. `null` is
    /// the same as leaving a field out. `docs/api.md` and the OpenAPI document say the same.
    func plan() throws(Problem) -> Plan {
        if text != nil && html != nil { throw .badRequest("give either \"text\" or \"html\", not both") }
        if let url, let problem = Self.urlProblem(url) { throw .badRequest(problem) }
        var metadata = ArticleInput(
            body: .text(""), title: title, url: url, source: source, publishedAt: publishedAt, externalID: externalID)
        if let text {
            guard !Self.isBlank(text) else { throw .badRequest("the article text is empty") }
            metadata.body = .text(text)
            return .process(metadata)
        }
        if let html {
            guard !Self.isBlank(html) else { throw .badRequest("the article text is empty") }
            metadata.body = .html(html)
            return .process(metadata)
        }
        if let url { return .fetch(url: url, metadata: metadata) }
        throw .badRequest("missing article: give \"text\", \"html\" or \"url\"")
    }

    /// Nothing but Unicode white space (scalar by scalar, as the OpenAPI pattern reads it).
    static func isBlank(_ body: String) -> Bool {
        body.unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }

    /// Why `url` is not an article address: `http://` or `https://` (any case), a host part of at
    /// least one character that is not `/`, `?` or `#`, and no space or control character
    /// anywhere. The OpenAPI document's pattern for `url` says exactly this.
    static func urlProblem(_ url: String) -> String? {
        let scalars = Array(url.unicodeScalars)
        let scheme = ["http://", "https://"].first { scheme in
            scalars.count > scheme.count && scalars.prefix(scheme.count).allSatisfy(\.isASCII)
                && String(String.UnicodeScalarView(scalars.prefix(scheme.count))).lowercased() == scheme
        }
        guard let scheme, scalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }),
            !"/?#".unicodeScalars.contains(scalars[scheme.count])
        else { return "url must be an http or https address (http://host/path), not '\(url)'" }
        return nil
    }
}
