/// A paragraph of the clean text and the sentences it holds.
public struct Paragraph: Codable, Sendable, Equatable {
    public var span: TextSpan
    /// Indexes into `ArticleDocument.sentences`.
    public var sentences: Range<Int>

    public init(span: TextSpan, sentences: Range<Int>) {
        self.span = span
        self.sentences = sentences
    }
}

/// A sentence and the tokens it holds.
public struct Sentence: Codable, Sendable, Equatable {
    public var span: TextSpan
    /// Indexes into `ArticleDocument.tokens`.
    public var tokens: Range<Int>

    public init(span: TextSpan, tokens: Range<Int>) {
        self.span = span
        self.tokens = tokens
    }
}

/// A word, number or punctuation mark.
public struct Token: Codable, Sendable, Equatable {
    public var span: TextSpan
    public var text: String

    public init(span: TextSpan, text: String) {
        self.span = span
        self.text = text
    }
}
