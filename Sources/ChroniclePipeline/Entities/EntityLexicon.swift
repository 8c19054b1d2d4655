import Foundation

/// The word lists the entity stage reads around names, from `Resources/entities/`: the words
/// titles are made of, the titles that mark the next name as a person's, the head nouns that
/// say what kind of thing a name names (at its end, "Dolmabahçe Palace", or as a descriptor
/// before it, "the palace Dolmabahçe"), and the position words of photo captions.
struct EntityLexicon: Sendable {
    let titleWords: Set<String>
    let personTitles: Set<String>
    let headNouns: [String: EntityType]
    let descriptorNouns: [String: EntityType]
    let captionPositions: Set<String>

    static let shared = EntityLexicon(bundle: .module)

    init(
        titleWords: Set<String>, personTitles: Set<String> = [], headNouns: [String: EntityType] = [:],
        descriptorNouns: [String: EntityType] = [:], captionPositions: Set<String> = []
    ) {
        self.titleWords = titleWords
        self.personTitles = personTitles
        self.headNouns = headNouns
        self.descriptorNouns = descriptorNouns
        self.captionPositions = captionPositions
    }

    init(bundle: Bundle) {
        func lines(_ name: String, _ ext: String) -> [String] {
            // `.process` flattens the folders: the `entities_` prefix keeps the names apart.
            let url = bundle.url(forResource: "entities_" + name, withExtension: ext)
            let text = url.flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? ""
            return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        }
        func types(_ name: String) -> [String: EntityType] {
            var table: [String: EntityType] = [:]
            for line in lines(name, "tsv") {
                let columns = line.split(separator: "\t")
                if columns.count == 2, let type = EntityType(rawValue: String(columns[1])) { table[String(columns[0])] = type }
            }
            return table
        }
        self.init(
            titleWords: Set(lines("titles", "txt")), personTitles: Set(lines("person_titles", "txt")), headNouns: types("head_nouns"),
            descriptorNouns: types("descriptor_nouns"),
            captionPositions: Set(lines("caption_positions", "txt")))
    }

    func isTitleWord(_ token: String) -> Bool { titleWords.contains(token.lowercased()) }

    enum TitleNumber { case singular, plural }

    /// "President" (singular), "Presidents" (plural), or nil for a word that is no capitalised
    /// person's title.
    func personTitle(_ token: String) -> TitleNumber? {
        guard token.first?.isUppercase == true else { return nil }
        let word = token.lowercased()
        if personTitles.contains(word) { return .singular }
        if word.hasSuffix("ies"), personTitles.contains(String(word.dropLast(3)) + "y") { return .plural }
        if word.hasSuffix("s"), personTitles.contains(String(word.dropLast())) { return .plural }
        return nil
    }

    /// The type a name's last word gives it ("Palace": LOC), if any.
    func headType(of name: String) -> EntityType? {
        guard let last = name.split(separator: " ").last, name.contains(" ") else { return nil }
        return headNouns[last.lowercased()]
    }

    /// A caption position word: "Center", "L", "3rd".
    func isCaptionPosition(_ token: String) -> Bool {
        let word = token.lowercased()
        if captionPositions.contains(word) { return true }
        let digits = word.prefix { $0.isASCII && $0.isNumber }
        return !digits.isEmpty && ["st", "nd", "rd", "th"].contains(String(word.dropFirst(digits.count)))
    }
}
