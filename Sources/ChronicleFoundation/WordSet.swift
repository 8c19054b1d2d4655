/// A list of lower-case words read from a one-column resource (`ResourceReader.words`), asked
/// whether it holds a lower-cased word: reporting verbs, stopwords. A word with a capital would
/// never match, so it is an error that names the file.
package struct WordSet: Sendable {
    private let words: Set<String>

    package init(reader: ResourceReader, path: String) throws(ResourceError) {
        let words = try reader.words(path)
        if let capitalized = words.first(where: { $0 != $0.lowercased() }) {
            throw ResourceError(file: path, problem: "'\(capitalized)' is not lower case")
        }
        self.words = Set(words)
    }

    package func contains(_ word: String) -> Bool { words.contains(word) }
}
