/// A paragraph of the clean text and the sentences it holds.
package struct Paragraph: Codable, Sendable, Equatable {
    package var span: TextSpan
    /// Indexes into `ArticleDocument.sentences`.
    package var sentences: Range<Int>

    package init(span: TextSpan, sentences: Range<Int>) {
        self.span = span
        self.sentences = sentences
    }
}

/// A sentence and the tokens it holds.
package struct Sentence: Codable, Sendable, Equatable {
    package var span: TextSpan
    /// Indexes into `ArticleDocument.tokens`.
    package var tokens: Range<Int>

    package init(span: TextSpan, tokens: Range<Int>) {
        self.span = span
        self.tokens = tokens
    }
}

/// A word, number or punctuation mark.
package struct Token: Codable, Sendable, Equatable {
    package var span: TextSpan
    package var text: String

    package init(span: TextSpan, text: String) {
        self.span = span
        self.text = text
    }
}
