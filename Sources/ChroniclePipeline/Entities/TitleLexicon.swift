import Foundation

/// The words titles are made of, from `entities_titles.txt`.
struct TitleLexicon: Sendable {
    let words: Set<String>

    static let shared = TitleLexicon(bundle: .module)

    init(words: Set<String>) { self.words = words }

    init(bundle: Bundle) {
        let url = bundle.url(forResource: "entities_titles", withExtension: "txt")
        let text = url.flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? ""
        words = Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }

    func isTitleWord(_ token: String) -> Bool { words.contains(token.lowercased()) }
}
