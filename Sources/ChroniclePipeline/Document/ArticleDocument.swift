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
        self.stages = []
    }

    /// The text under a span.
    public func text(of span: TextSpan) -> String {
        let scalars = text.unicodeScalars
        let start = scalars.index(scalars.startIndex, offsetBy: span.start)
        let end = scalars.index(start, offsetBy: span.length)
        return String(scalars[start..<end])
    }
}
