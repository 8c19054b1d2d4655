/// Joins the body paragraphs into the clean text (paragraphs separated by a blank line) and
/// cuts it into paragraphs, sentences and tokens, all with scalar offsets into that text.
struct Segmenter: Sendable {
    let sentences: SentenceSplitter
    let tokenizer: Tokenizer

    init(resources: TextResources = .shared) {
        sentences = SentenceSplitter(resources: resources)
        tokenizer = Tokenizer(resources: resources)
    }

    struct Result {
        var text: String
        var paragraphs: [Paragraph]
        var sentences: [Sentence]
        var tokens: [Token]
    }

    func segment(_ paragraphTexts: [Scalars]) -> Result {
        var text: Scalars = []
        text.reserveCapacity(paragraphTexts.reduce(0) { $0 + $1.count + 2 })
        var paragraphRanges: [Range<Int>] = []
        for paragraph in paragraphTexts {
            if !text.isEmpty { text.append(contentsOf: ["\n", "\n"]) }
            paragraphRanges.append(text.count..<(text.count + paragraph.count))
            text.append(contentsOf: paragraph)
        }

        var paragraphs: [Paragraph] = []
        var sentenceList: [Sentence] = []
        var tokens: [Token] = []
        for range in paragraphRanges {
            let firstSentence = sentenceList.count
            for sentence in sentences.sentences(in: text, range: range) {
                let firstToken = tokens.count
                for token in tokenizer.tokens(in: text, range: sentence) {
                    tokens.append(Token(span: TextSpan(start: token.lowerBound, end: token.upperBound), text: text[token].string))
                }
                sentenceList.append(
                    Sentence(span: TextSpan(start: sentence.lowerBound, end: sentence.upperBound), tokens: firstToken..<tokens.count))
            }
            paragraphs.append(
                Paragraph(span: TextSpan(start: range.lowerBound, end: range.upperBound), sentences: firstSentence..<sentenceList.count))
        }
        return Result(text: text.string, paragraphs: paragraphs, sentences: sentenceList, tokens: tokens)
    }
}
