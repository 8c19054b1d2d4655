/// What a client submits: the article body (plain text or an HTML page) and any metadata it knows.
public struct ArticleInput: Codable, Sendable, Equatable {
    public enum Body: Sendable, Equatable {
        case text(String)
        case html(String)
    }

    public var body: Body
    public var title: String?
    public var url: String?
    public var source: String?
    /// ISO 8601 date (`2025-05-16`) or date-time (`2025-05-16T23:35:00+08:00`), as supplied.
    public var publishedAt: String?
    public var externalID: String?

    public init(
        body: Body, title: String? = nil, url: String? = nil, source: String? = nil,
        publishedAt: String? = nil, externalID: String? = nil
    ) {
        self.body = body
        self.title = title
        self.url = url
        self.source = source
        self.publishedAt = publishedAt
        self.externalID = externalID
    }

    public static func text(_ text: String) -> ArticleInput { ArticleInput(body: .text(text)) }

    enum CodingKeys: String, CodingKey {
        case text, html, title, url, source
        case publishedAt = "published_at"
        case externalID = "external_id"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let html = try container.decodeIfPresent(String.self, forKey: .html) {
            body = .html(html)
        } else {
            body = .text(try container.decode(String.self, forKey: .text))
        }
        title = try container.decodeIfPresent(String.self, forKey: .title)
        url = try container.decodeIfPresent(String.self, forKey: .url)
        source = try container.decodeIfPresent(String.self, forKey: .source)
        publishedAt = try container.decodeIfPresent(String.self, forKey: .publishedAt)
        externalID = try container.decodeIfPresent(String.self, forKey: .externalID)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch body {
        case .text(let text): try container.encode(text, forKey: .text)
        case .html(let html): try container.encode(html, forKey: .html)
        }
        try container.encodeIfPresent(title, forKey: .title)
        try container.encodeIfPresent(url, forKey: .url)
        try container.encodeIfPresent(source, forKey: .source)
        try container.encodeIfPresent(publishedAt, forKey: .publishedAt)
        try container.encodeIfPresent(externalID, forKey: .externalID)
    }
}
