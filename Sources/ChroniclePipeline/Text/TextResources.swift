import ChronicleFoundation
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
    /// The verbs of a short attribution after a quotation: the pipeline's one list, which the
    /// entity and event stages read too.
    let reportingVerbs: WordSet
    /// Lower-cased month name or abbreviation -> month number.
    let months: [String: Int]
    let stampWords: Set<String>
    let htmlEntities: [String: Unicode.Scalar]

    /// Loaded once per process; building a stage that needs it reports a missing or malformed file.
    static let bundled = Result { () throws(ResourceError) in try TextResources(reader: .pipeline) }
    static var shared: TextResources { bundled.required }

    init(reader: ResourceReader) throws(ResourceError) {
        func entries(_ name: String) throws(ResourceError) -> [String] { try reader.words("text/text_\(name).txt") }
        var agencies: [String: Agency] = [:]
        for line in try entries("agencies") {
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
        for line in try entries("publishers") {
            let names = Self.fields(Substring(line))
            guard let canonical = names.first else { continue }
            for alias in names {
                publishers[alias.lowercased()] = canonical
                aliases.append((Scalars(alias), canonical))
            }
        }
        self.publishers = publishers
        self.publisherAliases = aliases.sorted { $0.0.count > $1.0.count }

        chromePatterns = try entries("chrome_phrases").map { Scalars($0.lowercased()) }

        var abbreviations: Set<String> = []
        var ambiguous: Set<String> = []
        for line in try entries("abbreviations") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard let word = parts.first else { continue }
            if parts.count > 1, parts[1] == "~" { ambiguous.insert(String(word)) } else { abbreviations.insert(String(word)) }
        }
        self.abbreviations = abbreviations
        self.ambiguousAbbreviations = ambiguous
        sentenceStarters = Set(try entries("sentence_starters"))
        reportingVerbs = try ReportingVerbs.bundled.get()

        var months: [String: Int] = [:]
        for line in try entries("months") {
            let fields = Self.fields(Substring(line))
            guard let number = fields.first.flatMap({ Int($0) }) else { continue }
            for name in fields.dropFirst() { months[name.lowercased()] = number }
        }
        self.months = months
        stampWords = Set(try entries("stamp_words").map { $0.lowercased() })

        var entities: [String: Unicode.Scalar] = [:]
        for line in try entries("html_entities") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let code = UInt32(parts[1], radix: 16), let scalar = Unicode.Scalar(code)
            else { continue }
            entities[String(parts[0])] = scalar
        }
        htmlEntities = entities
    }

    func agency(named name: some StringProtocol) -> Agency? { agencies[name.lowercased()] }

    private static func fields(_ line: Substring) -> [String] {
        line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
