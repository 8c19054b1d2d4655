/// What the opening of the first paragraph says before the story starts.
struct Dateline: Equatable, Sendable {
    /// `ISTANBUL, TURKEY`
    var place: String?
    /// An agency credited in the dateline (`(Reuters)`, `| Xinhua |`).
    var agency: String?
    /// A date stamp in a header segment.
    var stamp: DateStamp?
    /// The paragraph with the dateline removed.
    var rest: Scalars
}

/// Finds datelines at the start of the first paragraph:
/// `ISTANBUL, TURKEY | Xinhua | Delegations ...` (header segments separated by pipes),
/// `KYIV, May 16 (Reuters) - Ukraine said ...`, `ISTANBUL (AP) — ...`. The place is written in
/// capitals (a region after the comma may be capitalised normally); the story follows a dash
/// or a pipe.
struct DatelineFinder: Sendable {
    let resources: TextResources
    let agencies: AgencyFinder
    let dates: PublicationDateFinder

    init(resources: TextResources = .shared) {
        self.resources = resources
        agencies = AgencyFinder(resources: resources)
        dates = PublicationDateFinder(resources: resources)
    }

    func dateline(in paragraph: Scalars) -> Dateline? {
        headerSegments(paragraph) ?? classic(paragraph)
    }

    /// A line that is nothing but a place in capitals (`ISTANBUL, TURKEY`).
    func placeOnly(_ line: Scalars) -> String? {
        let parts = line.split(separator: ",").map { $0.trimmed() }
        guard !parts.isEmpty, parts.count <= 3, isCapitalsPlace(parts[0]),
            parts.dropFirst().allSatisfy({ isCapitalsPlace($0) || isNamePlace($0) })
        else { return nil }
        return parts.map(\.string).joined(separator: ", ")
    }

    /// `PLACE | Agency | story`: every segment before the story is a place, agency or stamp.
    private func headerSegments(_ paragraph: Scalars) -> Dateline? {
        guard paragraph.contains("|") else { return nil }
        let segments = paragraph.split(separator: "|", omittingEmptySubsequences: false)
        guard segments.count >= 2, let story = segments.last?.trimmed(), LineShape(Array(story)).isProse
        else { return nil }
        var result = Dateline(rest: Array(story))
        for segment in segments.dropLast() {
            let part = Array(segment.trimmed())
            if part.isEmpty { continue }
            if let agency = agencies.agency(part) {
                result.agency = result.agency ?? agency
            } else if let stamp = dates.stamp(line: part) {
                result.stamp = result.stamp ?? stamp
            } else if let place = placeOnly(part) {
                result.place = result.place ?? place
            } else {
                return nil
            }
        }
        return result
    }

    /// `KYIV, Ukraine, May 16 (Reuters) - story` / `ISTANBUL (AP) — story`.
    private func classic(_ paragraph: Scalars) -> Dateline? {
        // The dateline ends at the first dash that stands between spaces, early in the line.
        var separator: Range<Int>?
        var i = 0
        while i < min(paragraph.count, 100) {
            if paragraph[i].isDash, i > 0, paragraph[i - 1].isSpace {
                var end = i + 1
                while end < paragraph.count, paragraph[end].isDash { end += 1 }
                if end < paragraph.count, paragraph[end].isSpace {
                    separator = (i - 1)..<(end + 1)
                    break
                }
            }
            i += 1
        }
        guard let separator else { return nil }
        var head = paragraph[..<separator.lowerBound].trimmed()
        let rest = Array(paragraph[separator.upperBound...].trimmed())
        guard let first = rest.first, first.isUpper || first.isOpeningPunctuation || first.isASCIIDigit else { return nil }
        var result = Dateline(rest: rest)
        if head.last == ")", let open = head.lastIndex(of: "(") {
            guard let agency = agencies.agency(head[(open + 1)..<(head.endIndex - 1)]) else { return nil }
            result.agency = agency
            head = head[..<open].trimmed()
        }
        // Drop a trailing "May 16" / "16 May" / "Friday".
        var parts = head.split(separator: ",").map { $0.trimmed() }
        while let last = parts.last, parts.count > 1, isShortDate(last) { parts.removeLast() }
        guard !parts.isEmpty, parts.count <= 3, isCapitalsPlace(parts[0]),
            parts.dropFirst().allSatisfy({ isCapitalsPlace($0) || isNamePlace($0) })
        else { return nil }
        result.place = parts.map(\.string).joined(separator: ", ")
        return result
    }

    /// One to four words in capitals: `ISTANBUL`, `NEW YORK`, `ST. PETERSBURG`.
    private func isCapitalsPlace(_ part: ArraySlice<Unicode.Scalar>) -> Bool {
        let words = part.wordRanges()
        guard (1...4).contains(words.count) else { return false }
        var letters = 0
        for scalar in part {
            if scalar.isLetter {
                if scalar.isLower { return false }
                letters += 1
            } else if !(scalar.isSpace || scalar == "." || scalar == "'" || scalar == "’" || scalar.isHyphen) {
                return false
            }
        }
        return letters >= 2
    }

    /// `Ukraine`, `New South Wales`: capitalised words.
    private func isNamePlace(_ part: ArraySlice<Unicode.Scalar>) -> Bool {
        let words = part.wordRanges()
        guard (1...4).contains(words.count) else { return false }
        return words.allSatisfy { part[$0].first?.isUpper == true && part[$0].allSatisfy { $0.isLetter || $0 == "." || $0.isHyphen } }
    }

    private func isShortDate(_ part: ArraySlice<Unicode.Scalar>) -> Bool {
        let words = part.wordRanges().map { lowercasedKey(part[$0]) }
        guard !words.isEmpty, words.count <= 2 else { return false }
        return words.allSatisfy { resources.months[$0] != nil || Int($0) != nil || resources.stampWords.contains($0) }
    }
}
