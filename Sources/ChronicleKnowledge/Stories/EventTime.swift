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
        func stored(_ day: Int?) -> Int32 { day.flatMap { Int32(exactly: $0) } ?? Self.none }
        if let range = TimexRange(value: value), let first = CalendarDay.days(of: range.first), let last = CalendarDay.days(of: range.last),
            Int32(exactly: first) != nil, Int32(exactly: last) != nil
        {
            // A month's range ends on "-31" whatever its length: end it on its real last day.
            (self.first, self.last) = (stored(first), stored(min(last, Self.lastDay(ofMonthOf: range.last) ?? last)))
        } else {
            (self.first, self.last) = (Self.none, Self.none)
        }
        dayNumber = value.count >= 10 ? stored(CalendarDay.days(of: value)) : Self.none
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
