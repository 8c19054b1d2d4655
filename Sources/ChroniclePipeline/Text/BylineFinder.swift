/// A byline as printed and what it names.
struct Byline: Equatable, Sendable {
    var text: String
    var authors: [String]
    var agency: String?
}

/// Recognises bylines: `By Vladimir Soldatkin and Andrew Osborn, Reuters` -> authors
/// ["Vladimir Soldatkin", "Andrew Osborn"], agency Reuters. A byline is a short line of
/// capitalised names after "By"; anything with a lower-case word that is not a name particle
/// ("By Friday, the talks had ended.") is a sentence, not a byline.
struct BylineFinder: Sendable {
    let agencies: AgencyFinder

    init(resources: TextResources = .shared) { agencies = AgencyFinder(resources: resources) }

    /// Lower-case words that occur inside personal names.
    static let particles: Set<String> = [
        "de", "da", "del", "della", "der", "den", "di", "du", "van", "von", "la", "le", "bin", "bint", "al", "el",
        "ibn", "y", "dos", "das", "ter", "st.",
    ]

    /// The byline a whole line consists of (`By ...`, or names credited to a known agency:
    /// `Jane Doe, Reuters`), or nil.
    func byline(line: Scalars) -> Byline? {
        guard line.count <= 160, line.count > 4 else { return nil }
        if line[0] == "B", line[1] == "y" || line[1] == "Y", line[2] == " " { return parse(line, requirePrefix: true) }
        // Cheap test first: without "By", the line must end in ", <known agency>".
        guard line.count <= 80, let cut = line.lastIndex(where: { $0 == "," || $0 == "|" || $0.isDash && $0 != "-" }),
            agencies.agency(line[(cut + 1)...]) != nil,
            let found = parse(line, requirePrefix: false), !found.authors.isEmpty
        else { return nil }
        return found
    }

    /// The byline a page's author field holds (`Jane Doe`, `By Jane Doe, AFP`, `Reuters`).
    func byline(authorField: String) -> Byline? {
        let line = LineNormalizer.lines(of: authorField).first ?? []
        guard !line.isEmpty else { return nil }
        if let agency = agencies.agency(line) { return Byline(text: line.string, authors: [], agency: agency) }
        return parse(line, requirePrefix: false)
    }

    private func parse(_ line: Scalars, requirePrefix: Bool) -> Byline? {
        var body = line[...]
        if body.count > 3, body[0] == "B", body[1] == "y" || body[1] == "Y", body[2] == " " {
            body = body.dropFirst(3)
        } else if requirePrefix {
            return nil
        }
        // "Jane Doe, Reuters" / "Jane Doe | AFP" / "Jane Doe - Xinhua": the trailing agency.
        var agency: String?
        if let cut = body.lastIndex(where: { $0 == "," || $0 == "|" || $0.isDash && $0 != "-" }) {
            if let found = agencies.agency(body[(cut + 1)...]) {
                agency = found
                body = body[..<cut]
            }
        }
        if agency == nil, let cut = Array(body).firstIndex(of: Scalars(" - ")).map({ $0 + body.startIndex }),
            let found = agencies.agency(body[(cut + 3)...])
        {
            agency = found
            body = body[..<cut]
        }
        // "Jane Doe in Kyiv": the place the reporter filed from is not part of a name.
        let words = body.wordRanges()
        for (n, range) in words.enumerated() where n > 0 && lowercasedKey(body[range]) == "in" {
            body = body[..<range.lowerBound]
            break
        }
        var authors: [String] = []
        for part in splitNames(body) {
            guard let name = validName(part) else { return nil }
            authors.append(name)
        }
        guard !authors.isEmpty || agency != nil else { return nil }
        return Byline(text: line.string, authors: authors, agency: agency)
    }

    /// "A, B and C" / "A & B" -> ["A", "B", "C"].
    private func splitNames(_ text: ArraySlice<Unicode.Scalar>) -> [ArraySlice<Unicode.Scalar>] {
        var parts: [ArraySlice<Unicode.Scalar>] = []
        for piece in text.split(separator: ",") {
            var rest = piece[...]
            while true {
                let words = rest.wordRanges()
                guard let and = words.first(where: {
                    let w = lowercasedKey(rest[$0])
                    return w == "and" || w == "&"
                }) else { break }
                parts.append(rest[..<and.lowerBound])
                rest = rest[and.upperBound...]
            }
            parts.append(rest)
        }
        return parts.map { $0.trimmed() }.filter { !$0.isEmpty }
    }

    /// A personal name: one to five capitalised words (name particles allowed).
    private func validName(_ name: ArraySlice<Unicode.Scalar>) -> String? {
        let words = name.wordRanges()
        guard (1...5).contains(words.count), name.count <= 50 else { return nil }
        for range in words {
            let word = name[range]
            guard let first = word.first, first.isLetter else { return nil }
            if first.isUpper { continue }
            if Self.particles.contains(lowercasedKey(word)) { continue }
            return nil
        }
        return name.string
    }
}
