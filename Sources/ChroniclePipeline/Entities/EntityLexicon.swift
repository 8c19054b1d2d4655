import ChronicleFoundation
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

    /// Loaded once per process; building a stage that needs it reports a missing or malformed file.
    static let bundled = Result { () throws(ResourceError) in try EntityLexicon(reader: .pipeline) }
    static var shared: EntityLexicon { bundled.required }

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

    init(reader: ResourceReader) throws(ResourceError) {
        func words(_ name: String) throws(ResourceError) -> Set<String> { Set(try reader.words("entities/entities_\(name).txt")) }
        func types(_ name: String) throws(ResourceError) -> [String: EntityType] {
            let path = "entities/entities_\(name).tsv"
            var table: [String: EntityType] = [:]
            for row in try reader.rows(path, columns: 2...2) {
                guard let type = EntityType(rawValue: row[1]) else {
                    throw ResourceError(file: path, problem: "'\(row[0])' has unknown entity type '\(row[1])'")
                }
                table[row[0]] = type
            }
            return table
        }
        self.init(
            titleWords: try words("titles"), personTitles: try words("person_titles"), headNouns: try types("head_nouns"),
            descriptorNouns: try types("descriptor_nouns"), captionPositions: try words("caption_positions"))
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
