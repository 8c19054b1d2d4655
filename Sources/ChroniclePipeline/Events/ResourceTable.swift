import Foundation

/// The rows of a bundled tab-separated resource, without comments and blank lines.
enum ResourceTable {
    static func rows(_ name: String, in bundle: Bundle = .module) -> [[String]] {
        let url = bundle.url(forResource: name, withExtension: "tsv")
        let text = url.flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? ""
        return text.split(whereSeparator: \.isNewline).compactMap { line in
            guard !line.hasPrefix("#"), !line.allSatisfy(\.isWhitespace) else { return nil }
            return line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0) }
        }
    }

    /// The `# version: N` line of a resource, if any.
    static func version(_ name: String, in bundle: Bundle = .module) -> String? {
        let url = bundle.url(forResource: name, withExtension: "tsv")
        let text = url.flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? ""
        for line in text.split(whereSeparator: \.isNewline) where line.hasPrefix("# version:") {
            return line.dropFirst("# version:".count).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}
