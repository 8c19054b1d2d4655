import ChroniclePipeline

/// Writes a CoNLL file back with one more column: every token line (and every `-DOCSTART-` line,
/// as `O`, so all non-blank lines keep the same column count) gets a tag appended, separated
/// like the line's own columns. Blank lines stay blank, so any conlleval-style scorer reads it.
package enum CoNLLWriter {
    /// `tags` follows `file.documents` -> sentences -> tokens.
    package static func write(_ file: CoNLLFile, tags: [[[String]]]) -> String {
        var appended = [String?](repeating: nil, count: file.lines.count)
        for (document, documentTags) in zip(file.documents, tags) {
            for (sentence, sentenceTags) in zip(document.sentences, documentTags) {
                for (line, tag) in zip(sentence.lines, sentenceTags) { appended[line] = tag }
            }
        }
        var output = ""
        output.reserveCapacity(file.lines.reduce(0) { $0 + $1.utf8.count + 8 })
        for (index, line) in file.lines.enumerated() {
            output += line
            if let tag = appended[index] {
                output += separator(of: line)
                output += tag
            } else if line.hasPrefix(CoNLLReader.documentStart) {
                output += separator(of: line)
                output += "O"
            }
            output += "\n"
        }
        return output
    }

    private static func separator(of line: String) -> String {
        line.contains("\t") ? "\t" : " "
    }
}
