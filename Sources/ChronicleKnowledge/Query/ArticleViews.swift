import ChroniclePipeline

/// How much the pipeline found in an article.
public struct ExtractionCounts: Codable, Sendable, Equatable {
    public let paragraphs, sentences, tokens, entities, timexes, events, quotations: Int

    public init(_ document: ArticleDocument) {
        self.init(document, tokens: document.tokens.count)
    }

    /// A stored article's counts (its tokens are kept apart from its document).
    public init(_ record: ArticleRecord) {
        self.init(record.document, tokens: record.tokenSpans.count)
    }

    private init(_ document: ArticleDocument, tokens: Int) {
        paragraphs = document.paragraphs.count
        sentences = document.sentences.count
        self.tokens = tokens
        entities = document.entities.count
        timexes = document.timexes.count
        events = document.events.count
        quotations = document.quotations.count
    }
}

/// An article in lists: its metadata and counts, without the text.
public struct ArticleSummary: Encodable, Sendable {
    public let id: String
    public let receivedAt: String
    public let metadata: ArticleMetadata
    public let counts: ExtractionCounts

    public init(_ record: ArticleRecord) {
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
public struct ArticleDetail: Encodable, Sendable {
    public let id: String
    public let receivedAt: String
    public let document: ArticleDocument

    public init(_ record: ArticleRecord) {
        id = record.id
        receivedAt = record.receivedAt
        document = record.fullDocument
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ExtractionView.CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(receivedAt, forKey: .receivedAt)
        try ExtractionView(document).encodeFields(into: &container)
    }
}

/// The full extraction of a document, as `POST /v1/extract` and `GET /v1/articles/{id}` show it.
public struct ExtractionView: Encodable, Sendable {
    public let document: ArticleDocument

    public init(_ document: ArticleDocument) { self.document = document }

    enum CodingKeys: String, CodingKey {
        case id, metadata, text, paragraphs, sentences, tokens, entities, timexes, timeline, events, quotations, stages, counts
        case receivedAt = "received_at"
    }

    public func encode(to encoder: any Encoder) throws {
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
        try container.encode(document.stages, forKey: .stages)
        try container.encode(ExtractionCounts(document), forKey: .counts)
    }
}

/// The article's own timeline: its dates and times in calendar order, each with the days it
/// covers, so "March 2022", "Feb. 24, 2022" and "Friday" read as a sequence.
public struct ArticleTimeline: Sendable {
    public struct Entry: Encodable, Sendable {
        public let value: String
        public let first: String
        public let last: String
        public let text: String
        public let span: TextSpan
        public let granularity: String
    }

    public let entries: [Entry]

    public init(_ document: ArticleDocument) {
        entries = document.timexes.compactMap { timex -> Entry? in
            guard timex.type == .date || timex.type == .time, let range = TimexRange(value: timex.value) else { return nil }
            return Entry(value: timex.value, first: range.first, last: range.last, text: timex.text, span: timex.span, granularity: timex.granularity)
        }
        .sorted { ($0.first, $0.last, $0.span.start) < ($1.first, $1.last, $1.span.start) }
    }
}
