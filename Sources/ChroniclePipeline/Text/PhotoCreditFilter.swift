/// Photo credits are page furniture (`Photo: Handout / MINISTRY / AFP`). A caption that is a
/// real sentence keeps its sentence; a caption reduced to a name ("Rustem Umyerov (Illustrative
/// photo: ...)") goes. The credited agency is reported as a weak agency signal.
struct PhotoCreditFilter: Sendable {
    enum Result: Equatable {
        case unchanged
        /// The whole line is a credit or a caption without a sentence.
        case drop(agency: String?)
        /// The line with the credit cut out.
        case replace(Scalars, agency: String?)
    }

    let agencies: AgencyFinder

    init(resources: TextResources = .shared) { agencies = AgencyFinder(resources: resources) }

    static let leadingMarkers = [
        "photo:", "photos:", "photo by", "photograph:", "photograph by", "picture:", "pictures:", "image:",
        "images:", "credit:", "photo credit", "file photo", "illustrative photo", "screenshot:", "video:",
    ].map { Scalars($0) }
    static let creditMarkers = [
        "photo:", "photos:", "photo by ", "photograph:", "photograph by ", "picture:", "image:", "credit:",
    ].map { Scalars($0) }

    static let keywords = ["photo", "image", "picture", "credit", "screenshot", "video:"].map { Scalars($0) }

    /// One pass over the line, trying the keywords only where their first letter occurs.
    private static func mentionsKeyword(_ line: Scalars) -> Bool {
        for (i, scalar) in line.enumerated() {
            let c = scalar.asciiLowercased
            guard c == "p" || c == "i" || c == "c" || c == "s" || c == "v" else { continue }
            for keyword in keywords where keyword[0] == c && line.hasPrefix(keyword, at: i) { return true }
        }
        return false
    }

    func clean(_ line: Scalars) -> Result {
        // Cheap scalar search first: most lines mention no photo at all.
        guard line.count <= 1500, Self.mentionsKeyword(line) else { return .unchanged }
        let lower = Scalars(lowercasedKey(line).unicodeScalars)
        guard lower.count == line.count else { return .unchanged }

        var start = 0
        while start < lower.count, lower[start] == "(" || lower[start] == "[" { start += 1 }
        if Self.leadingMarkers.contains(where: { lower.hasPrefix($0, at: start) }) {
            return .drop(agency: agencies.photoAgency(line[start...]))
        }

        // "(Illustrative photo: MARTIN DIVISEK / EPA)" anywhere in the line.
        var text = line
        var agency: String?
        var lowerText = lower
        var changed = false
        while let open = lowerText.firstIndex(of: "("),
            let close = lowerText[open...].firstIndex(of: ")"),
            Self.creditMarkers.contains(where: { marker in
                lowerText[open..<close].firstIndex(of: marker) != nil
            })
        {
            agency = agency ?? agencies.photoAgency(text[(open + 1)..<close])
            text.removeSubrange(open...close)
            lowerText.removeSubrange(open...close)
            changed = true
        }

        // "... in Istanbul. Photo: Handout / MINISTRY / AFP" after the caption's last sentence.
        for marker in Self.creditMarkers {
            var from = 0
            while let found = lowerText.firstIndex(of: marker, from: from) {
                from = found + 1
                var before = found
                while before > 0, text[before - 1].isSpace { before -= 1 }
                guard before > 0, text[before - 1].isSentenceTerminal || text[before - 1].isClosingPunctuation,
                    found > 0, text[found - 1].isSpace
                else { continue }
                agency = agency ?? agencies.photoAgency(text[(found + marker.count)...])
                text.removeSubrange(before...)
                lowerText.removeSubrange(before...)
                changed = true
                break
            }
        }
        guard changed else { return .unchanged }
        let cleaned = LineNormalizer.lines(of: text.string).first ?? []
        guard LineShape(cleaned).isProse else { return .drop(agency: agency) }
        return .replace(cleaned, agency: agency)
    }
}
