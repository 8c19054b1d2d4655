import ChroniclePipeline

/// An event's date as a timeline writes it, `YYYY-MM-DD` with the unknown parts as `X`
/// (`2005-XX-XX` for a year, `2005-06-XX` for a month), and its place in calendar order.
///
/// Timelines put the coarser of two dates that start together first, as the task's gold does:
/// `2005-XX-XX`, then `2005-01-XX`, then `2005-01-29`.
package struct TimeLineDate: Sendable, Hashable, Comparable {
    /// `2005-06-XX`.
    package let text: String
    /// The days it covers.
    package let range: TimexRange

    /// The date of a TIMEX3 value at the precision it gives: days and times as the day, months as
    /// the month, years, seasons, quarters and weeks as the year (a timeline cannot write a week).
    /// Nil for values with no year (`PAST_REF`, `XXXX-06`, durations).
    package init?(timexValue value: String) {
        let parts = value.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        guard let year = parts.first, year.count == 4, year.allSatisfy(\.isASCIIDigit) else { return nil }
        var normalized = String(year)
        var text = "\(year)-XX-XX"
        if parts.count >= 2, parts[1].count == 2, parts[1].allSatisfy(\.isASCIIDigit), (1...12).contains(Int(parts[1])!) {
            normalized += "-\(parts[1])"
            text = "\(year)-\(parts[1])-XX"
            if parts.count >= 3, parts[2].count == 2, parts[2].allSatisfy(\.isASCIIDigit), (1...31).contains(Int(parts[2])!) {
                normalized += "-\(parts[2])"
                text = normalized
            }
        }
        guard let range = TimexRange(value: normalized) else { return nil }
        self.text = text
        self.range = range
    }

    /// The text says all the range does.
    package static func == (lhs: TimeLineDate, rhs: TimeLineDate) -> Bool { lhs.text == rhs.text }
    package func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// Earlier start first; of two that start on the same day, the one covering more.
    package static func < (lhs: TimeLineDate, rhs: TimeLineDate) -> Bool {
        if lhs.range.first != rhs.range.first { return lhs.range.first < rhs.range.first }
        return lhs.range.last > rhs.range.last
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
