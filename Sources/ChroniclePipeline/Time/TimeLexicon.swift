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

    /// First words of multi-word holiday names.
    private let holidayFirstWords: Set<String>

    init(rows: [(String, Category, String)]) {
        var words: [String: [Category: String]] = [:]
        var holidayFirstWords: Set<String> = []
        for (word, category, value) in rows {
            words[word, default: [:]][category] = value
            if category == .holiday, let first = word.split(separator: " ").first { holidayFirstWords.insert(String(first)) }
        }
        self.words = words
        self.holidayFirstWords = holidayFirstWords
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

    /// Whether the word is in the lexicon at all.
    func isKnown(_ word: String) -> Bool { words[word] != nil }

    /// Whether a holiday's name starts with this word ("new" of "New Year's Day").
    func startsHoliday(_ word: String) -> Bool { holidayFirstWords.contains(word) }

    func int(_ word: String, _ category: Category) -> Int? { value(word, category).flatMap { Int($0) } }

    func has(_ word: String, _ category: Category) -> Bool { words[word]?[category] != nil }
}
