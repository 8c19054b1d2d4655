import ChronicleFoundation
import Foundation

/// The words of `Resources/time/time_words.tsv`, by category: months, weekdays, numbers,
/// units, seasons, parts of day, reference words, modifiers, and the cues of a future tense.
struct TimeLexicon: Sendable {
    enum Category: String, Sendable {
        case month, weekday, number, ordinal, unit, season, partofday, ref, relative, position, mod, set, future, holiday
    }

    /// Lower-case word (or two-word phrase for modifiers) -> its categories, each with its value.
    /// A word has one or two: scanned, they cost less than hashing the category (its name).
    private let words: WordTable<[(category: Category, value: String)]>

    /// Loaded once per process; building a stage that needs it reports a missing or malformed file.
    static let bundled = Result { () throws(ResourceError) in try TimeLexicon(reader: .pipeline) }
    static var shared: TimeLexicon { bundled.required }

    /// First words of multi-word holiday names.
    private let holidayFirstWords: Set<String>

    init(rows: [(String, Category, String)]) {
        var words: [String: [(category: Category, value: String)]] = [:]
        var holidayFirstWords: Set<String> = []
        for (word, category, value) in rows {
            // A later row of the same word and category replaces the earlier one.
            words[word, default: []].removeAll { $0.category == category }
            words[word, default: []].append((category, value))
            if category == .holiday, let first = word.split(separator: " ").first { holidayFirstWords.insert(String(first)) }
        }
        self.words = WordTable(words)
        self.holidayFirstWords = holidayFirstWords
    }

    init(reader: ResourceReader) throws(ResourceError) {
        let path = "time/time_words.tsv"
        var rows: [(String, Category, String)] = []
        for row in try reader.rows(path, columns: 2...3) {
            guard let category = Category(rawValue: row[1]) else {
                throw ResourceError(file: path, problem: "'\(row[0])' has unknown category '\(row[1])'")
            }
            rows.append((row[0], category, row.count > 2 ? row[2] : ""))
        }
        self.init(rows: rows)
    }

    func value(_ word: String, _ category: Category) -> String? { words[word]?.first { $0.category == category }?.value }

    /// Whether the word is in the lexicon at all.
    func isKnown(_ word: String) -> Bool { words[word] != nil }

    /// Whether a holiday's name starts with this word ("new" of "New Year's Day").
    func startsHoliday(_ word: String) -> Bool { holidayFirstWords.contains(word) }

    func int(_ word: String, _ category: Category) -> Int? { value(word, category).flatMap { Int($0) } }

    func has(_ word: String, _ category: Category) -> Bool { value(word, category) != nil }
}
