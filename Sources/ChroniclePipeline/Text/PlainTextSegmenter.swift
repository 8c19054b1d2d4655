/// Sentences and tokens of a text as it is, with scalar offsets into it: blank lines separate
/// paragraphs, which the sentence splitter and tokenizer of the text stage then cut. For corpora
/// whose annotations point into their own text (TimeML), where the text stage's clean-up would
/// move the offsets.
package struct PlainTextSegmenter: Sendable {
    private let segmenter: Segmenter

    package init() { segmenter = Segmenter() }

    package func segment(_ text: String) -> (sentences: [Sentence], tokens: [Token]) {
        let scalars = Array(text.unicodeScalars)
        var sentences: [Sentence] = []
        var tokens: [Token] = []
        var start = 0
        var index = 0
        func closeParagraph(_ end: Int) {
            for sentence in segmenter.sentences.sentences(in: scalars, range: start..<end) {
                let first = tokens.count
                for token in segmenter.tokenizer.tokens(in: scalars, range: sentence) {
                    tokens.append(Token(span: TextSpan(start: token.lowerBound, end: token.upperBound), text: scalars[token].string))
                }
                if tokens.count > first {
                    sentences.append(Sentence(span: TextSpan(start: sentence.lowerBound, end: sentence.upperBound), tokens: first..<tokens.count))
                }
            }
        }
        while index < scalars.count {
            // A line holding only spaces between two line breaks ends a paragraph.
            if scalars[index] == "\n" {
                var next = index + 1
                while next < scalars.count, scalars[next] == " " || scalars[next] == "\t" || scalars[next] == "\r" { next += 1 }
                if next < scalars.count, scalars[next] == "\n" {
                    closeParagraph(index)
                    start = next + 1
                    index = next + 1
                    continue
                }
            }
            index += 1
        }
        closeParagraph(scalars.count)
        return (sentences, tokens)
    }
}
