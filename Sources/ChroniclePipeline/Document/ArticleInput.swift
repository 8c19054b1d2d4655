/// What a client submits: the article body (plain text or an HTML page) and any metadata it knows.
package struct ArticleInput: Codable, Sendable, Equatable {
    package enum Body: Sendable, Equatable {
        case text(String)
        case html(String)
    }

    package var body: Body
    package var title: String?
    package var url: String?
    package var source: String?
    /// ISO 8601 date (`2025-05-16`) or date-time (`2025-05-16T23:35:00+08:00`), as supplied.
    package var publishedAt: String?
    package var externalID: String?

    package init(
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

    package static func text(_ text: String) -> ArticleInput { ArticleInput(body: .text(text)) }

    enum CodingKeys: String, CodingKey {
        case text, html, title, url, source
        case publishedAt = "published_at"
        case externalID = "external_id"
    }

    package init(from decoder: any Decoder) throws {
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

    package func encode(to encoder: any Encoder) throws {
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
