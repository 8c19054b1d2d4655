import ChroniclePipeline

/// A CoNLL-2003 style file: one token a line (token first, tag last), a blank line between
/// sentences, `-DOCSTART-` lines between documents. The lines are kept as read so a writer can
/// reproduce them with a predicted column appended.
package struct CoNLLFile: Sendable {
    package struct Sentence: Sendable {
        /// Indexes into `lines` of the sentence's token lines.
        package var lines: [Int]
        /// The whitespace-separated columns of each token line.
        package var columns: [[String]]

        package var tokens: [String] { columns.map { $0[0] } }

        /// The column `offset` places from the end of each row (0: the last column, as the gold
        /// tag of a CoNLL file; 1: the one before, the gold tag of a file already tagged), `O`
        /// where a row is too short.
        package func tags(fromEnd offset: Int = 0) -> [String] {
            columns.map { $0.count > offset + 1 ? $0[$0.count - 1 - offset] : "O" }
        }
    }

    package struct Document: Sendable {
        package var sentences: [Sentence]
    }

    package var lines: [String]
    package var documents: [Document]

    package var tokenCount: Int { documents.reduce(0) { $0 + $1.sentences.reduce(0) { $0 + $1.lines.count } } }
}

package enum CoNLLReader {
    package static let documentStart = "-DOCSTART-"

    /// Splits the text into documents and sentences. A file without `-DOCSTART-` lines is one
    /// document.
    package static func read(_ text: String) -> CoNLLFile {
        var lines: [String] = []
        var documents: [CoNLLFile.Document] = []
        var sentences: [CoNLLFile.Sentence] = []
        var current = CoNLLFile.Sentence(lines: [], columns: [])

        func closeSentence() {
            if !current.lines.isEmpty { sentences.append(current) }
            current = CoNLLFile.Sentence(lines: [], columns: [])
        }
        func closeDocument() {
            closeSentence()
            if !sentences.isEmpty { documents.append(CoNLLFile.Document(sentences: sentences)) }
            sentences = []
        }

        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            let index = lines.count
            lines.append(String(line))
            let columns = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if columns.isEmpty {
                closeSentence()
            } else if columns[0] == documentStart {
                closeDocument()
            } else {
                current.lines.append(index)
                current.columns.append(columns.map(String.init))
            }
        }
        // A final newline leaves one empty string behind that is no line of the file.
        if text.hasSuffix("\n") { lines.removeLast() }
        closeDocument()
        return CoNLLFile(lines: lines, documents: documents)
    }
}
