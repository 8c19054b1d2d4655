import Foundation

/// Reads one generated gazetteer file (`scripts/build_gazetteer.py`): tab-separated columns,
/// `#` comment lines. A missing file is empty, so what depends on it degrades, not fails.
enum GazetteerTable {
    static func rows(at url: URL?) -> [[Substring]] {
        guard let url, let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map {
            $0.split(separator: "\t", omittingEmptySubsequences: false)
        }
    }
}
