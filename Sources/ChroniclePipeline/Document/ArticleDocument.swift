/// The one data model that flows through the pipeline: each stage reads what earlier stages
/// wrote and adds its own annotations. Every annotation carries scalar offsets into `text`.
public struct ArticleDocument: Codable, Sendable, Equatable {
    /// What was submitted, unchanged.
    public var input: ArticleInput
    /// The article body with page chrome removed; all offsets point into it.
    public var text: String
    public var metadata: ArticleMetadata
    public var paragraphs: [Paragraph]
    public var sentences: [Sentence]
    public var tokens: [Token]
    public var entities: [EntityMention]
    public var timexes: [TimexMention]
    public var events: [EventMention]
    public var quotations: [Quotation]
    /// Words in quote marks that are not speech: `a "strong reaction"`, `the "peaceful" end`.
    public var quotedTerms: [QuotedTerm]
    /// Names of the stages that have run, in order.
    public var stages: [String]

    public init(input: ArticleInput) {
        self.input = input
        self.text = ""
        self.metadata = ArticleMetadata(
            title: input.title, source: input.source, url: input.url, externalID: input.externalID)
        self.paragraphs = []
        self.sentences = []
        self.tokens = []
        self.entities = []
        self.timexes = []
        self.events = []
        self.quotations = []
        self.quotedTerms = []
        self.stages = []
    }

    // Stored form: tokens as packed `[start, end, start, end, ...]` scalar offsets, their text
    // taken from `text` again on decoding. Tokens are most of a document, and spelling each out
    // with its text would make the journal and snapshots several times larger and slower. The API
    // shows tokens in full through its own views.
    enum CodingKeys: String, CodingKey {
        case input, text, metadata, paragraphs, sentences, entities, timexes, events, quotations, stages
        case tokenSpans = "token_spans"
        case quotedTerms = "quoted_terms"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        input = try container.decode(ArticleInput.self, forKey: .input)
        text = try container.decode(String.self, forKey: .text)
        metadata = try container.decode(ArticleMetadata.self, forKey: .metadata)
        paragraphs = try container.decode([Paragraph].self, forKey: .paragraphs)
        sentences = try container.decode([Sentence].self, forKey: .sentences)
        entities = try container.decode([EntityMention].self, forKey: .entities)
        timexes = try container.decode([TimexMention].self, forKey: .timexes)
        events = try container.decode([EventMention].self, forKey: .events)
        quotations = try container.decode([Quotation].self, forKey: .quotations)
        // Documents stored before quoted terms were told apart have none.
        quotedTerms = try container.decodeIfPresent([QuotedTerm].self, forKey: .quotedTerms) ?? []
        stages = try container.decode([String].self, forKey: .stages)
        let spans = try container.decode([Int].self, forKey: .tokenSpans)
        let scalars = Array(text.unicodeScalars)
        guard spans.count.isMultiple(of: 2) else {
            throw DecodingError.dataCorruptedError(forKey: .tokenSpans, in: container, debugDescription: "odd number of offsets")
        }
        tokens = []
        tokens.reserveCapacity(spans.count / 2)
        for pair in stride(from: 0, to: spans.count, by: 2) {
            let start = spans[pair]
            let end = spans[pair + 1]
            guard 0 <= start, start <= end, end <= scalars.count else {
                throw DecodingError.dataCorruptedError(forKey: .tokenSpans, in: container, debugDescription: "token span out of the text")
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            tokens.append(Token(span: TextSpan(start: start, end: end), text: String(view)))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(input, forKey: .input)
        try container.encode(text, forKey: .text)
        try container.encode(metadata, forKey: .metadata)
        try container.encode(paragraphs, forKey: .paragraphs)
        try container.encode(sentences, forKey: .sentences)
        try container.encode(entities, forKey: .entities)
        try container.encode(timexes, forKey: .timexes)
        try container.encode(events, forKey: .events)
        try container.encode(quotations, forKey: .quotations)
        try container.encode(quotedTerms, forKey: .quotedTerms)
        try container.encode(stages, forKey: .stages)
        try container.encode(tokens.flatMap { [$0.span.start, $0.span.end] }, forKey: .tokenSpans)
    }

    /// The text under a span; a span running past the text (a damaged record) is cut at its end
    /// rather than trapping, so reading a bad record never brings the service down.
    public func text(of span: TextSpan) -> String {
        // Counting scalars over the UTF-8 bytes is several times faster than the scalar view's
        // index walk (the reads of `GET /v1/events` spent an eighth of their time there).
        var text = text  // `withUTF8` reads a native string's bytes in place, copying only a bridged one
        return text.withUTF8 { Self.cut($0, start: max(0, span.start), length: max(0, span.length)) }
    }

    /// The scalars `start..<start + length` of UTF-8 `bytes`, cut at their end.
    static func cut(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, length: Int) -> String {
        var offset = 0
        var scalars = 0  // scalars that start before `offset`
        func seek(_ target: Int) {
            while offset < bytes.count {
                if bytes[offset] & 0xC0 != 0x80 {  // a scalar's first byte
                    if scalars == target { return }
                    scalars += 1
                }
                offset += 1
            }
        }
        seek(start)
        let from = offset
        seek(start + length)
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<offset]), as: UTF8.self)
    }
}
