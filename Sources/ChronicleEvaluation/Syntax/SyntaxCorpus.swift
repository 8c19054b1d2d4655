import ChroniclePipeline

/// The sentences of a CoNLL-2003 file with their part-of-speech tags (second column) and chunk
/// tags (third column), and each token's features computed once.
package struct SyntaxCorpus: Sendable {
    package var words: [[String]] = []
    package var tokens: [[TokenFeatures]] = []
    package var partsOfSpeech: [[String]] = []
    package var chunks: [[String]] = []

    package init(_ file: CoNLLFile) throws(CorpusFormatError) {
        for document in file.documents {
            for sentence in document.sentences {
                if let short = sentence.columns.first(where: { $0.count < 3 }) {
                    throw CorpusFormatError(description: "a token line with \(short.count) columns; part of speech and chunk are columns 2 and 3")
                }
                words.append(sentence.tokens)
                tokens.append(sentence.tokens.map(TokenFeatures.init))
                partsOfSpeech.append(sentence.columns.map { $0[1] })
                chunks.append(sentence.columns.map { $0[2] })
            }
        }
    }

    package var tokenCount: Int { words.reduce(0) { $0 + $1.count } }

    /// The tags of a column in a stable order: sorted by name.
    package static func tagSet(_ column: [[String]]) -> [String] { Set(column.joined()).sorted() }
}
