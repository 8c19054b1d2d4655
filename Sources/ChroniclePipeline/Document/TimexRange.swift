/// The calendar days a TIMEX3 date value covers, as `YYYY-MM-DD` strings (inclusive), so values
/// of different granularity can be filtered and sorted together: `2025` covers 2025-01-01 to
/// 2025-12-31, `2025-05` covers May, `2025-05-16T04:19` covers one day. Reference values such as
/// `PAST_REF` and unknown parts (`XXXX`) cover nothing.
package struct TimexRange: Sendable, Equatable {
    package let first: String
    package let last: String

    package init?(value: String) {
        let parts = value.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        guard let year = parts.first, year.count == 4, year.allSatisfy(\.isNumber) else { return nil }
        switch parts.count {
        case 1:
            first = "\(year)-01-01"
            last = "\(year)-12-31"
        case 2 where parts[1].count == 2 && parts[1].allSatisfy(\.isNumber):
            first = "\(year)-\(parts[1])-01"
            // The month's last day: 2020-04 ends on 2020-04-30 (a month that is no month, `13`,
            // gets 31, which still sorts after its days).
            let days = GregorianCalendar.days(inMonth: Int(parts[1])!, year: Int(year)!)
            last = "\(year)-\(parts[1])-\(days)"
        case 3 where parts[1].count == 2 && parts[2].count == 2
            && parts[1].allSatisfy(\.isNumber) && parts[2].allSatisfy(\.isNumber):
            first = "\(year)-\(parts[1])-\(parts[2])"
            last = first
        default:
            return nil
        }
    }

    /// Whether the range meets `[from, to]`; either bound may be open.
    package func overlaps(from: String?, to: String?) -> Bool {
        if let from, last < from { return false }
        if let to, first > to { return false }
        return true
    }
}
