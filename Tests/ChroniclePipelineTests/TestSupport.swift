import Foundation
import Testing

@testable import ChroniclePipeline

func runText(_ text: String, title: String? = nil, source: String? = nil, publishedAt: String? = nil) throws
    -> ArticleDocument
{
    var document = ArticleDocument(
        input: ArticleInput(body: .text(text), title: title, source: source, publishedAt: publishedAt))
    try TextStage().process(&document)
    return document
}

func runHTML(_ html: String, title: String? = nil) throws -> ArticleDocument {
    var document = ArticleDocument(input: ArticleInput(body: .html(html), title: title))
    try TextStage().process(&document)
    return document
}

func paragraphTexts(_ document: ArticleDocument) -> [String] {
    document.paragraphs.map { document.text(of: $0.span) }
}

func sentenceTexts(_ document: ArticleDocument) -> [String] {
    document.sentences.map { document.text(of: $0.span) }
}

/// How often `needle` occurs in the clean text.
func occurrences(of needle: String, in document: ArticleDocument) -> Int {
    document.text.components(separatedBy: needle).count - 1
}

/// The offsets invariants every document must satisfy: paragraphs joined by a blank line,
/// sentences inside their paragraph, tokens inside their sentence, `text(of:)` matching.
func checkSegments(_ document: ArticleDocument, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(paragraphTexts(document).joined(separator: "\n\n") == document.text, sourceLocation: sourceLocation)
    var nextSentence = 0
    var nextToken = 0
    for paragraph in document.paragraphs {
        #expect(paragraph.sentences.lowerBound == nextSentence, sourceLocation: sourceLocation)
        #expect(!paragraph.sentences.isEmpty, sourceLocation: sourceLocation)
        nextSentence = paragraph.sentences.upperBound
        for sentence in document.sentences[paragraph.sentences] {
            #expect(paragraph.span.contains(sentence.span), sourceLocation: sourceLocation)
            #expect(sentence.tokens.lowerBound == nextToken, sourceLocation: sourceLocation)
            nextToken = sentence.tokens.upperBound
            for token in document.tokens[sentence.tokens] {
                #expect(sentence.span.contains(token.span), sourceLocation: sourceLocation)
                #expect(document.text(of: token.span) == token.text, sourceLocation: sourceLocation)
                let hasSpace = token.text.contains { $0.isWhitespace }
                #expect(!hasSpace, sourceLocation: sourceLocation)
            }
        }
    }
    #expect(nextSentence == document.sentences.count, sourceLocation: sourceLocation)
    #expect(nextToken == document.tokens.count, sourceLocation: sourceLocation)
}
