import Foundation

/// The word lists the text rules rely on, read once from `Resources/text/text_*.txt` (one entry a
/// line, `#` starts a comment). Keeping them as data lets the lists grow without code changes.
struct TextResources: Sendable {
    struct Agency: Sendable {
        let name: String
        /// Picture agencies (EPA, Getty) credit photos, never the report itself.
        let photoOnly: Bool
    }

    /// Lower-cased alias -> agency.
    let agencies: [String: Agency]
    /// Lower-cased alias -> canonical publisher name.
    let publishers: [String: String]
    /// Publisher aliases as scalars, longest first, for whole-word search in chrome lines.
    let publisherAliases: [(alias: Scalars, name: String)]
    /// Lower-cased glob patterns of boilerplate lines.
    let chromePatterns: [Scalars]
    /// Abbreviations whose stop never ends a sentence (case-sensitive, with the stop).
    let abbreviations: Set<String>
    /// Abbreviations whose stop ends a sentence only before a sentence starter.
    let ambiguousAbbreviations: Set<String>
    let sentenceStarters: Set<String>
    let attributionVerbs: Set<String>
    /// Lower-cased month name or abbreviation -> month number.
    let months: [String: Int]
    let stampWords: Set<String>
    let htmlEntities: [String: Unicode.Scalar]

    static let shared = TextResources()

    private init() {
        var agencies: [String: Agency] = [:]
        for line in Self.entries("agencies") {
            var body = Substring(line)
            let photo = body.hasPrefix("photo:")
            if photo { body = body.dropFirst("photo:".count) }
            let names = Self.fields(body)
            guard let canonical = names.first else { continue }
            for alias in names { agencies[alias.lowercased()] = Agency(name: canonical, photoOnly: photo) }
        }
        self.agencies = agencies

        var publishers: [String: String] = [:]
        var aliases: [(Scalars, String)] = []
        for line in Self.entries("publishers") {
            let names = Self.fields(Substring(line))
            guard let canonical = names.first else { continue }
            for alias in names {
                publishers[alias.lowercased()] = canonical
                aliases.append((Scalars(alias), canonical))
            }
        }
        self.publishers = publishers
        self.publisherAliases = aliases.sorted { $0.0.count > $1.0.count }

        chromePatterns = Self.entries("chrome_phrases").map { Scalars($0.lowercased()) }

        var abbreviations: Set<String> = []
        var ambiguous: Set<String> = []
        for line in Self.entries("abbreviations") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard let word = parts.first else { continue }
            if parts.count > 1, parts[1] == "~" { ambiguous.insert(String(word)) } else { abbreviations.insert(String(word)) }
        }
        self.abbreviations = abbreviations
        self.ambiguousAbbreviations = ambiguous
        sentenceStarters = Set(Self.entries("sentence_starters"))
        attributionVerbs = Set(Self.entries("attribution_verbs"))

        var months: [String: Int] = [:]
        for line in Self.entries("months") {
            let fields = Self.fields(Substring(line))
            guard let number = fields.first.flatMap({ Int($0) }) else { continue }
            for name in fields.dropFirst() { months[name.lowercased()] = number }
        }
        self.months = months
        stampWords = Set(Self.entries("stamp_words").map { $0.lowercased() })

        var entities: [String: Unicode.Scalar] = [:]
        for line in Self.entries("html_entities") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let code = UInt32(parts[1], radix: 16), let scalar = Unicode.Scalar(code)
            else { continue }
            entities[String(parts[0])] = scalar
        }
        htmlEntities = entities
    }

    func agency(named name: some StringProtocol) -> Agency? { agencies[name.lowercased()] }

    /// The entries of one resource file, comments and blank lines removed.
    private static func entries(_ name: String) -> [String] {
        // `.process` flattens resource folders into the bundle root, so the files carry a
        // `text_` prefix to stay clear of other stages' resources.
        let file = "text_" + name
        guard
            let url = Bundle.module.url(forResource: file, withExtension: "txt", subdirectory: "text")
                ?? Bundle.module.url(forResource: file, withExtension: "txt"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            // A missing list is a packaging error: fail loudly instead of silently keeping chrome.
            fatalError("ChroniclePipeline resource text/\(file).txt is missing from the bundle")
        }
        return text.split(whereSeparator: \.isNewline).compactMap { raw in
            let line = raw.trimmingCharacters(in: .whitespaces)
            return line.isEmpty || line.hasPrefix("#") ? nil : line
        }
    }

    private static func fields(_ line: Substring) -> [String] {
        line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
