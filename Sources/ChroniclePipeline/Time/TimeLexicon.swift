import Foundation

/// The words of `Resources/time/time_words.tsv`, by category: months, weekdays, numbers,
/// units, seasons, parts of day, reference words, modifiers, and the cues of a future tense.
struct TimeLexicon: Sendable {
    enum Category: String, Sendable {
        case month, weekday, number, ordinal, unit, season, partofday, ref, relative, position, mod, set, future, holiday
    }

    /// Lower-case word (or two-word phrase for modifiers) -> category -> value.
    private let words: [String: [Category: String]]

    static let shared = TimeLexicon(bundle: .module)

    init(rows: [(String, Category, String)]) {
        var words: [String: [Category: String]] = [:]
        for (word, category, value) in rows { words[word, default: [:]][category] = value }
        self.words = words
    }

    init(bundle: Bundle) {
        let url = bundle.url(forResource: "time_words", withExtension: "tsv")
        let text = url.flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? ""
        var rows: [(String, Category, String)] = []
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 2, let category = Category(rawValue: String(columns[1])) else { continue }
            rows.append((String(columns[0]), category, columns.count > 2 ? String(columns[2]) : ""))
        }
        self.init(rows: rows)
    }

    func value(_ word: String, _ category: Category) -> String? { words[word]?[category] }

    func int(_ word: String, _ category: Category) -> Int? { value(word, category).flatMap { Int($0) } }

    func has(_ word: String, _ category: Category) -> Bool { words[word]?[category] != nil }
}
