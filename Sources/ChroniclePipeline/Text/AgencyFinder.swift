/// Recognises news agencies and publishers from the known lists in `Resources/text`.
///
/// The agency is who wrote the report, so signals are ranked (the strongest present wins,
/// the first seen within a rank):
/// 1. the byline (`By ..., Reuters`) or the page's author field;
/// 2. a credit: a line that is only the agency (`Xinhua`, `- Reuters`, `Source: Xinhua`),
///    a header segment (`| Xinhua |`) or a dateline credit (`KYIV (Reuters) -`);
/// 3. a photo credit (`/ AFP`), only for wire agencies: picture agencies (EPA, Getty) credit
///    the photo, never the text.
/// Agencies merely mentioned in the body ("a source told AFP") are not credits.
struct AgencyFinder: Sendable {
    enum Rank: Int, Comparable, Sendable {
        case photo = 1, credit, byline
        static func < (a: Rank, b: Rank) -> Bool { a.rawValue < b.rawValue }
    }

    /// The best agency seen so far.
    struct Evidence: Sendable {
        private(set) var agency: String?
        private var rank: Rank?

        mutating func add(_ agency: String?, rank: Rank) {
            guard let agency else { return }
            if let current = self.rank, current >= rank { return }
            self.agency = agency
            self.rank = rank
        }
    }

    let resources: TextResources

    init(resources: TextResources = .shared) { self.resources = resources }

    /// The agency a name denotes, when it is one that writes reports.
    func agency(_ name: some RandomAccessCollection<Unicode.Scalar>) -> String? {
        let trimmed = Array(name).trimmed()
        guard !trimmed.isEmpty, trimmed.count <= 40, let agency = resources.agency(named: lowercasedKey(trimmed))
        else { return nil }
        return agency.photoOnly ? nil : agency.name
    }

    /// A line that only credits an agency: `Xinhua`, `- Reuters`, `(AFP)`, `Source: Xinhua
    /// Editor: Zhao Yinuo`.
    func creditLine(_ line: Scalars) -> String? {
        guard line.count <= 80 else { return nil }
        var body = line[...]
        while let first = body.first, first.isDash || first == "(" || first == "[" || first.isSpace { body = body.dropFirst() }
        while let last = body.last, last == ")" || last == "]" || last.isSpace || last == "." { body = body.dropLast() }
        let lower = Scalars(lowercasedKey(body).unicodeScalars)
        guard lower.count == body.count else { return nil }
        for label in ["source:", "source :", "credit:", "agency:"] {
            let marker = Scalars(label)
            if lower.hasPrefix(marker, at: 0) {
                var rest = body.dropFirst(marker.count)
                // "Source: Xinhua Editor: Zhao Yinuo": the desk credit after the source.
                let restLower = Scalars(lowercasedKey(rest).unicodeScalars)
                if let editor = restLower.firstIndex(of: Scalars("editor")) {
                    rest = rest.prefix(editor)
                }
                return agency(rest)
            }
        }
        return agency(body)
    }

    /// The agency credited at the end of a photo credit (`Handout / MINISTRY / AFP`).
    func photoAgency(_ credit: ArraySlice<Unicode.Scalar>) -> String? {
        let parts = credit.split { $0 == "/" || $0 == "," || $0 == ";" || $0 == "(" || $0 == ")" }
        for part in parts.reversed() {
            var words = part.trimmed()
            if let via = Array(words).firstIndex(of: Scalars(" via ")) { words = Array(words)[..<via] }
            if let found = agency(words) { return found }
        }
        return nil
    }

    /// The publisher named in a line of page chrome (`Get the RNZ app`), whole words only.
    func publisher(mentionedIn line: Scalars) -> String? {
        for (alias, name) in resources.publisherAliases {
            // Short acronyms must match in capitals ("RNZ", not "rnz").
            if line.containsWord(alias, caseInsensitive: alias.count > 4) { return name }
        }
        return nil
    }

    /// The canonical publisher for a name (`Radio New Zealand` -> `RNZ`), or the name as given.
    func canonicalPublisher(_ name: String) -> String {
        resources.publishers[name.lowercased()] ?? name
    }
}
