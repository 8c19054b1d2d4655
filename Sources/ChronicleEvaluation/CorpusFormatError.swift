import Foundation

/// A corpus file that does not say what its reader expects: the readers of every corpus (TimeML,
/// ECB+, SemEval TimeLine) throw this one error, naming the file once they know it.
package struct CorpusFormatError: Error, CustomStringConvertible {
    package let description: String

    package init(description: String) { self.description = description }

    /// `parse` of the UTF-8 text of `url`; a format error names the file.
    package static func reading<Value>(_ url: URL, _ parse: (String) throws -> Value) throws -> Value {
        do {
            return try parse(String(contentsOf: url, encoding: .utf8))
        } catch let error as CorpusFormatError {
            throw CorpusFormatError(description: "\(url.path): \(error.description)")
        }
    }
}
