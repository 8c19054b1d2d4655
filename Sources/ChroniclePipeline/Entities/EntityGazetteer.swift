import ChronicleFoundation
import Foundation

/// Places, nationalities, organisations and given names from the generated gazetteer
/// resources (`scripts/build_gazetteer.py`): every alias maps to one canonical name, so
/// "Turkey", "Türkiye" and "Turkish" all lead to the same country.
package struct EntityGazetteer: Sendable {
    package enum Kind: String, Sendable {
        case country, capital, city, region, continent, demonym, organization
    }

    package struct Entry: Sendable, Equatable {
        package let kind: Kind
        /// The canonical name of what the alias names (the country for a demonym).
        package let canonical: String
        /// The country a place lies in, or a demonym belongs to.
        package let country: String?
    }

    /// Entries by alias key (see `EntityGazetteer.lookupKey`), most important first.
    private let entries: [String: [Entry]]
    /// Longest alias, in words, for multi-word matching.
    package let longestAlias: Int

    /// Loaded once per process; building a stage that needs it reports a missing or malformed file.
    package static let bundled = Result { () throws(ResourceError) in try EntityGazetteer(reader: .pipeline) }
    package static var shared: EntityGazetteer { bundled.required }

    /// First words of all aliases (lower case, undotted), with the most words an alias starting
    /// with it has: tokens that cannot start one are skipped, and no longer match is tried.
    private let firstWords: [String: Int]
    /// Common given names, lower case ("napoleon", "marco"); none is a place or organisation.
    private let givenNames: Set<String>

    init(entries: [String: [Entry]], givenNames: Set<String> = []) {
        self.entries = entries
        self.givenNames = givenNames
        longestAlias = entries.keys.map { $0.split(separator: " ").count }.max() ?? 0
        var firstWords: [String: Int] = [:]
        for key in entries.keys {
            let words = key.split(separator: " ")
            guard let first = words.first else { continue }
            firstWords[first.lowercased(), default: 0] = max(firstWords[first.lowercased()] ?? 0, words.count)
        }
        self.firstWords = firstWords
    }

    /// The most words of an alias that starts with this word (0: none does).
    package func longestAlias(startingWith word: String) -> Int {
        let key = word.contains(".") ? String(String.UnicodeScalarView(word.unicodeScalars.lazy.filter { $0 != "." })) : word
        return firstWords[key.lowercased()] ?? 0
    }

    /// The generated tables of `Resources/gazetteer/`. Kinds this gazetteer does not use
    /// (`former_country`) are left out.
    init(reader: ResourceReader) throws(ResourceError) {
        var entries: [String: [Entry]] = [:]
        // Places: alias, kind, canonical, country, population.
        for row in try reader.rows("gazetteer/gazetteer_places.tsv", columns: 5...5) {
            guard let kind = Kind(rawValue: row[1]) else { continue }
            let country = row[3].isEmpty ? nil : row[3]
            entries[Self.lookupKey(row[0]), default: []].append(Entry(kind: kind, canonical: row[2], country: country))
        }
        // Demonyms: demonym, country.
        for row in try reader.rows("gazetteer/gazetteer_demonyms.tsv", columns: 2...2) {
            entries[Self.lookupKey(row[0]), default: []].append(Entry(kind: .demonym, canonical: row[1], country: row[1]))
        }
        // Organisations: alias, canonical, kind.
        for row in try reader.rows("gazetteer/gazetteer_organizations.tsv", columns: 3...3) {
            entries[Self.lookupKey(row[0]), default: []].append(Entry(kind: .organization, canonical: row[1], country: nil))
        }
        // A country outranks a city of the same name ("Georgia"), a city a region.
        let rank: [Kind: Int] = [.country: 0, .organization: 1, .demonym: 2, .capital: 3, .city: 4, .region: 5, .continent: 6]
        let givenNames = Set(try reader.rows("gazetteer/gazetteer_given_names.tsv", columns: 2...2).map { $0[0].lowercased() })
        self.init(entries: entries.mapValues { $0.sorted { rank[$0.kind, default: 9] < rank[$1.kind, default: 9] } }, givenNames: givenNames)
    }

    /// Aliases are matched case-sensitively for short all-capital forms ("US" is not "us") and
    /// case-insensitively otherwise; dots are ignored ("U.S." is "US").
    package static func lookupKey(_ alias: String) -> String {
        // Most aliases are plain ASCII words with single spaces and no dots: they are their own
        // key but for case, and need none of the Unicode work below (this runs for every mention).
        if isPlainASCII(alias) {
            let upper = alias.utf8.count <= 4 && !alias.utf8.contains { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
            return upper ? alias : alias.lowercased()
        }
        let undotted = String(String.UnicodeScalarView(alias.unicodeScalars.lazy.filter { $0 != "." }.map { $0 == "’" ? "'" : $0 }))
        let words = undotted.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if words.count <= 4, words == words.uppercased() { return words }
        return words.lowercased()
    }

    /// Printable ASCII without dots, spaces only between words and one at a time.
    private static func isPlainASCII(_ alias: String) -> Bool {
        var previous = UInt8(ascii: " ")
        for byte in alias.utf8 {
            if byte == UInt8(ascii: " ") {
                if previous == UInt8(ascii: " ") { return false }
            } else if byte < 0x21 || byte > 0x7E || byte == UInt8(ascii: ".") {
                return false
            }
            previous = byte
        }
        return previous != UInt8(ascii: " ")
    }

    package func entries(for alias: String) -> [Entry] {
        entries[Self.lookupKey(alias)] ?? []
    }

    package func best(for alias: String) -> Entry? { entries(for: alias).first }

    /// The canonical name of a place or organisation, for joining spellings.
    package func canonicalName(for alias: String) -> String? {
        guard let entry = best(for: alias), entry.kind != .demonym else { return nil }
        return entry.canonical
    }

    /// Whether a word is a common given name ("Napoleon", "Marco").
    package func isGivenName(_ word: String) -> Bool { givenNames.contains(word.lowercased()) }

    /// The country a nationality adjective or demonym refers to ("Ukrainian" -> "Ukraine").
    package func country(forDemonym word: String) -> String? {
        entries(for: word).first { $0.kind == .demonym }?.canonical
    }
}
