import ChroniclePipeline

/// How much the pipeline found in an article.
package struct ExtractionCounts: Codable, Sendable, Equatable {
    package let paragraphs, sentences, tokens, entities, timexes, events, quotations, quotedTerms: Int

    enum CodingKeys: String, CodingKey {
        case paragraphs, sentences, tokens, entities, timexes, events, quotations
        case quotedTerms = "quoted_terms"
    }

    package init(_ document: ArticleDocument) {
        self.init(document, tokens: document.tokens.count, events: document.events.count)
    }

    /// A stored article's counts (its tokens and events are kept apart from its document).
    package init(_ record: ArticleRecord) {
        self.init(record.document, tokens: record.tokenSpans.count, events: record.events.count)
    }

    private init(_ document: ArticleDocument, tokens: Int, events: Int) {
        paragraphs = document.paragraphs.count
        sentences = document.sentences.count
        self.tokens = tokens
        entities = document.entities.count
        timexes = document.timexes.count
        self.events = events
        quotations = document.quotations.count
        quotedTerms = document.quotedTerms.count
    }
}

/// An article in lists: its metadata and counts, without the text.
package struct ArticleSummary: Encodable, Sendable {
    package let id: String
    package let receivedAt: String
    package let metadata: ArticleMetadata
    package let counts: ExtractionCounts

    package init(_ record: ArticleRecord) {
        id = record.id
        receivedAt = record.receivedAt
        metadata = record.document.metadata
        counts = ExtractionCounts(record)
    }

    enum CodingKeys: String, CodingKey {
        case id, metadata, counts
        case receivedAt = "received_at"
    }
}

/// An article in full: metadata, clean text and every annotation with its offsets.
package struct ArticleDetail: Encodable, Sendable {
    package let id: String
    package let receivedAt: String
    package let document: ArticleDocument

    package init(_ record: ArticleRecord) {
        id = record.id
        receivedAt = record.receivedAt
        document = record.fullDocument
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ExtractionView.CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(receivedAt, forKey: .receivedAt)
        try ExtractionView(document).encodeFields(into: &container)
    }
}

/// The full extraction of a document, as `POST /v1/extract` and `GET /v1/articles/{id}` show it.
package struct ExtractionView: Encodable, Sendable {
    package let document: ArticleDocument

    package init(_ document: ArticleDocument) { self.document = document }

    enum CodingKeys: String, CodingKey {
        case id, metadata, text, paragraphs, sentences, tokens, entities, timexes, timeline, events, quotations, stages, counts
        case receivedAt = "received_at"
        case quotedTerms = "quoted_terms"
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try encodeFields(into: &container)
    }

    func encodeFields(into container: inout KeyedEncodingContainer<CodingKeys>) throws {
        try container.encode(document.metadata, forKey: .metadata)
        try container.encode(document.text, forKey: .text)
        try container.encode(document.paragraphs, forKey: .paragraphs)
        try container.encode(document.sentences, forKey: .sentences)
        try container.encode(document.tokens, forKey: .tokens)
        try container.encode(document.entities, forKey: .entities)
        try container.encode(document.timexes, forKey: .timexes)
        try container.encode(ArticleTimeline(document).entries, forKey: .timeline)
        try container.encode(document.events, forKey: .events)
        try container.encode(document.quotations, forKey: .quotations)
        try container.encode(document.quotedTerms, forKey: .quotedTerms)
        try container.encode(document.stages, forKey: .stages)
        try container.encode(ExtractionCounts(document), forKey: .counts)
    }
}

/// The article's own timeline: its dates and times in calendar order, each with the days it
/// covers, so "March 2022", "Feb. 24, 2022" and "Friday" read as a sequence.
package struct ArticleTimeline: Sendable {
    package struct Entry: Encodable, Sendable {
        package let value: String
        package let first: String
        package let last: String
        package let text: String
        package let span: TextSpan
        package let granularity: String
    }

    package let entries: [Entry]

    package init(_ document: ArticleDocument) {
        entries = document.timexes.compactMap { timex -> Entry? in
            guard timex.type == .date || timex.type == .time, let range = TimexRange(value: timex.value) else { return nil }
            return Entry(value: timex.value, first: range.first, last: range.last, text: timex.text, span: timex.span, granularity: timex.granularity)
        }
        .sorted { ($0.first, $0.last, $0.span.start) < ($1.first, $1.last, $1.span.start) }
    }
}
