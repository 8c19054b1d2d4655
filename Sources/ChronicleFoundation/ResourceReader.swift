import Foundation

/// The one reader of the files a target ships as resources: word lists, tables, patterns and
/// models. Text resources have one format: UTF-8, one entry a line, a line that starts with `#`
/// is a comment, blank lines are skipped, and columns are separated by tabs. Every problem is a
/// `ResourceError` that names the file, never an empty list that quietly matches nothing.
package struct ResourceReader: Sendable {
    /// A line of a text resource, with its 1-based number for error messages.
    package struct Line: Sendable {
        package let number: Int
        package let text: String

        /// The tab-separated columns, each trimmed of spaces (inside a line, the whitespace that
        /// is not a tab).
        package var columns: [String] {
            text.split(separator: "\t", omittingEmptySubsequences: false).map { String($0.trimming(where: \.isWhitespace)) }
        }
    }

    private enum Source: Sendable {
        case bundle(@Sendable () -> Bundle)
        case directory(URL)
    }

    private let source: Source

    /// The resources of a target: `bundle` is its `Bundle.module`.
    package init(bundle: @autoclosure @escaping @Sendable () -> Bundle) {
        source = .bundle(bundle)
    }

    /// The files under a folder, addressed by the same paths (a trainer reading the sources'
    /// resource folder, a test's own files).
    package init(directory: URL) {
        source = .directory(directory)
    }

    /// Where `path` (`"events/event_triggers.tsv"`) is. SwiftPM's `.process` rule flattens
    /// resource folders, which is why file names carry their folder as a prefix.
    package func url(_ path: String) throws(ResourceError) -> URL {
        let file = (path as NSString).lastPathComponent
        switch source {
        case .bundle(let bundle):
            let bundle = bundle()
            let folder = (path as NSString).deletingLastPathComponent
            let name = (file as NSString).deletingPathExtension
            let type = (file as NSString).pathExtension
            if !folder.isEmpty, let url = bundle.url(forResource: name, withExtension: type, subdirectory: folder) { return url }
            if let url = bundle.url(forResource: name, withExtension: type) { return url }
            throw ResourceError(file: path, problem: "missing from the bundle \(bundle.bundlePath)")
        case .directory(let directory):
            for url in [directory.appendingPathComponent(path), directory.appendingPathComponent(file)]
            where FileManager.default.fileExists(atPath: url.path) {
                return url
            }
            throw ResourceError(file: path, problem: "missing from \(directory.path)")
        }
    }

    /// The bytes of a binary resource.
    package func data(_ path: String) throws(ResourceError) -> Data {
        let url = try url(path)
        do {
            return try Data(contentsOf: url)
        } catch {
            throw ResourceError(file: path, problem: "unreadable: \(error.localizedDescription)")
        }
    }

    /// The entries of a text resource: comments and blank lines left out, each line trimmed.
    package func lines(_ path: String) throws(ResourceError) -> [Line] {
        let data = try data(path)
        guard let text = String(validating: data, as: UTF8.self) else {
            throw ResourceError(file: path, problem: "not UTF-8")
        }
        // Cut over the UTF-8 bytes: splitting the string by Characters found grapheme breaks in
        // every line, and the word clusters' and lemma tables' 280,000 lines took a third of a
        // second of every start. Lines end at "\n"; spaces and a Windows "\r" around a line go,
        // tabs stay, since they separate (possibly empty) columns.
        var lines: [Line] = []
        let bytes = text.utf8
        var number = 0
        var start = bytes.startIndex
        while start < bytes.endIndex {
            number += 1
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            var first = start
            var last = end
            while first < last, bytes[first] == UInt8(ascii: " ") || bytes[first] == UInt8(ascii: "\r") { first = bytes.index(after: first) }
            while last > first {
                let before = bytes.index(before: last)
                guard bytes[before] == UInt8(ascii: " ") || bytes[before] == UInt8(ascii: "\r") else { break }
                last = before
            }
            if first < last, bytes[first] != UInt8(ascii: "#") {
                lines.append(Line(number: number, text: String(Substring(text.utf8[first..<last]))))
            }
            start = end < bytes.endIndex ? bytes.index(after: end) : end
        }
        return lines
    }

    /// The entries of a one-column list.
    package func words(_ path: String) throws(ResourceError) -> [String] {
        let lines = try lines(path)
        if let line = lines.first(where: { $0.text.contains("\t") }) {
            throw ResourceError(file: path, line: line.number, problem: "a word list has one column")
        }
        return lines.map(\.text)
    }

    /// The rows of a table, each with a number of columns in `columns`.
    package func rows(_ path: String, columns: ClosedRange<Int>) throws(ResourceError) -> [[String]] {
        try lines(path).map { line throws(ResourceError) in
            let fields = line.columns
            guard columns.contains(fields.count) else {
                let expected = columns.count == 1 ? "\(columns.lowerBound)" : "\(columns.lowerBound) to \(columns.upperBound)"
                throw ResourceError(file: path, line: line.number, problem: "\(fields.count) columns, expected \(expected)")
            }
            return fields
        }
    }

    /// The value of a `# name: value` comment line (`# version: 3`), if the file has one.
    package func header(_ name: String, in path: String) throws(ResourceError) -> String? {
        let data = try data(path)
        let prefix = "# \(name):"
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) where line.hasPrefix(prefix) {
            return line.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}

extension Substring {
    /// Without the leading and trailing characters that are `padding`. (Foundation's
    /// `trimmingCharacters(in:)` bridged every line through `NSString`: the gazetteers' hundred
    /// thousand lines took half a second of every start.)
    func trimming(where padding: (Character) -> Bool) -> Substring {
        var start = startIndex
        var end = endIndex
        while start < end, padding(self[start]) { start = index(after: start) }
        while end > start, padding(self[index(before: end)]) { end = index(before: end) }
        return self[start..<end]
    }
}
