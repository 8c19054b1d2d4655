import ChronicleFoundation

/// The words a set of rules is written with, by the role each plays in them, so that the rules
/// name roles and the English stays in a resource table: the temporal grammar asks whether a token
/// is `.definite`, not whether it is "the". The table's columns: a word or a phrase (its words
/// separated by single spaces: "and a half"), the role, and a value for the roles that have one.
/// An unknown role, a missing or needless value, a row given twice and a role without words are
/// errors that name the file.
struct WordRoles<Role: WordRole>: Sendable {
    /// One-word entry -> the roles it plays, each with its value ("" for roles without one).
    /// Keyed by the word alone: a look-up hashes one string, and a word plays few roles.
    private let words: WordTable<[(role: Role, value: String)]>
    /// Role -> its entries in the order of the file (prefixes, suffixes).
    private var entries: [Role: [String]] = [:]
    /// Role -> its entries split into words, longest first.
    private var phrases: [Role: [(words: [String], value: String)]] = [:]

    init(reader: ResourceReader, path: String) throws(ResourceError) {
        var words: [String: [(role: Role, value: String)]] = [:]
        for line in try reader.lines(path) {
            let columns = line.columns
            func fail(_ problem: String) -> ResourceError { ResourceError(file: path, line: line.number, problem: problem) }
            guard (2...3).contains(columns.count) else { throw fail("\(columns.count) columns, expected 2 or 3") }
            let entry = columns[0]
            let value = columns.count == 3 ? columns[2] : ""
            guard let role = Role(rawValue: columns[1]) else { throw fail("'\(entry)' has unknown role '\(columns[1])'") }
            switch role.value {
            case .none where !value.isEmpty: throw fail("role '\(role.rawValue)' takes no value")
            case .integer where Int(value) == nil: throw fail("role '\(role.rawValue)' needs a whole number")
            case .code where value.isEmpty: throw fail("role '\(role.rawValue)' needs a value")
            default: break
            }
            let parts = entry.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            guard !parts.contains(where: \.isEmpty) else { throw fail("'\(entry)' has an empty word") }
            guard !(entries[role]?.contains(entry) ?? false) else { throw fail("'\(entry)' is given twice as '\(role.rawValue)'") }
            entries[role, default: []].append(entry)
            if parts.count == 1 { words[entry, default: []].append((role, value)) }
            phrases[role, default: []].append((parts, value))
        }
        self.words = WordTable(words)
        if let missing = Role.allCases.first(where: { entries[$0] == nil }) {
            throw ResourceError(file: path, problem: "no words for role '\(missing.rawValue)'")
        }
        for role in phrases.keys { phrases[role]?.sort { $0.words.count > $1.words.count } }
    }

    /// Whether `word` plays `role` (a one-word entry).
    func has(_ word: String, _ role: Role) -> Bool { value(word, role) != nil }

    /// The value `word` has in `role`, nil if it does not play it.
    func value(_ word: String, _ role: Role) -> String? { words[word]?.first { $0.role == role }?.value }

    func int(_ word: String, _ role: Role) -> Int? { value(word, role).flatMap { Int($0) } }

    /// The entries of `role` as the file gives them, for roles of prefixes and suffixes.
    func entries(_ role: Role) -> [String] { entries[role] ?? [] }

    /// The longest entry of `role` whose words stand from `start` on (`word` gives the word at an
    /// index, nil past the end): the index after its last word, and its value.
    func phrase(_ role: Role, at start: Int, word: (Int) -> String?) -> (end: Int, value: String)? {
        for phrase in phrases[role] ?? [] where phrase.words.indices.allSatisfy({ word(start + $0) == phrase.words[$0] }) {
            return (start + phrase.words.count, phrase.value)
        }
        return nil
    }
}
