import ChroniclePipeline

/// A TIMEX3 date value with the days it covers worked out once: merging compares each new
/// mention's time with the times of many events, and parsing the strings for each comparison
/// was most of its cost.
/// Every mention and merged event holds one, so the days are kept as 32-bit numbers with a
/// sentinel for none (32 bytes in all, where three optional `Int`s made it 64).
struct EventTime: Sendable, Equatable {
    let value: String
    private let first: Int32
    private let last: Int32
    private let dayNumber: Int32
    private static let none = Int32.min

    /// First and last day (since 1970-01-01) of a year, month or day value.
    var firstDay: Int? { first == Self.none ? nil : Int(first) }
    var lastDay: Int? { last == Self.none ? nil : Int(last) }
    /// The day of a value precise to the day (or finer), else nil.
    var day: Int? { dayNumber == Self.none ? nil : Int(dayNumber) }

    init(_ value: String) {
        self.value = value
        (first, last, dayNumber) = Self.parsedQuickly(value) ?? Self.parsedGenerally(value)
    }

    /// First day, last day and day of any value, through its `TimexRange`.
    static func parsedGenerally(_ value: String) -> (first: Int32, last: Int32, day: Int32) {
        func stored(_ day: Int?) -> Int32 { day.flatMap { Int32(exactly: $0) } ?? Self.none }
        var (first, last) = (Self.none, Self.none)
        if let range = TimexRange(value: value), let firstDay = CalendarDay.days(of: range.first), let lastDay = CalendarDay.days(of: range.last),
            Int32(exactly: firstDay) != nil, Int32(exactly: lastDay) != nil
        {
            // A month's range ends on "-31" whatever its length: end it on its real last day.
            (first, last) = (stored(firstDay), stored(min(lastDay, Self.lastDay(ofMonthOf: range.last) ?? lastDay)))
        }
        return (first, last, value.count >= 10 ? stored(CalendarDay.days(of: value)) : Self.none)
    }

    /// The days of the values nearly every mention has, `YYYY`, `YYYY-MM` (a real month) and
    /// `YYYY-MM-DD...`, read straight from the bytes: the same days as the general path below,
    /// without its strings (building every mention's time that way was a tenth of a restart).
    /// Nil for any other shape.
    static func parsedQuickly(_ value: String) -> (first: Int32, last: Int32, day: Int32)? {
        var utf8 = value.utf8.makeIterator()
        func number(_ digits: Int) -> Int? {
            var result = 0
            for _ in 0..<digits {
                guard let byte = utf8.next(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                result = result * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return result
        }
        let count = value.utf8.count
        guard count == 4 || count == 7 || count >= 10, let year = number(4) else { return nil }
        if count == 4 {
            return (Int32(CalendarDay.days(year: year, month: 1, day: 1)), Int32(CalendarDay.days(year: year, month: 12, day: 31)), none)
        }
        guard utf8.next() == UInt8(ascii: "-"), let month = number(2), (1...12).contains(month) else { return nil }
        let monthEnd = CalendarDay.days(year: year, month: month, day: GregorianCalendar.days(inMonth: month, year: year))
        if count == 7 { return (Int32(CalendarDay.days(year: year, month: month, day: 1)), Int32(monthEnd), none) }
        guard utf8.next() == UInt8(ascii: "-"), let day = number(2) else { return nil }
        // Whatever follows the day ("T10:00") is finer than a day.
        if count > 10 {
            guard let next = utf8.next(), next != UInt8(ascii: "-") else { return nil }
        }
        let days = CalendarDay.days(year: year, month: month, day: day)
        return (Int32(days), Int32(min(days, monthEnd)), Int32(days))
    }

    /// The last day of the month of a `YYYY-MM-DD` date: the day before the next month's first.
    private static func lastDay(ofMonthOf date: String) -> Int? {
        let parts = date.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        let (nextYear, nextMonth) = month == 12 ? (year + 1, 1) : (year, month + 1)
        return CalendarDay.days(of: "\(nextYear)-\(nextMonth < 10 ? "0" : "")\(nextMonth)-01").map { $0 - 1 }
    }

    /// Whether the two can be the same moment: "2025-05" and "2025-05-16" can.
    func canBeSame(as other: EventTime) -> Bool {
        guard let firstDay, let lastDay, let otherFirst = other.firstDay, let otherLast = other.lastDay else { return value == other.value }
        return firstDay <= otherLast && otherFirst <= lastDay
    }

    /// Whole days between two day-precise values, nil when either is coarser.
    func dayGap(to other: EventTime) -> Int? {
        guard let day, let otherDay = other.day else { return nil }
        return abs(day - otherDay)
    }
}
