import ChroniclePipeline

/// A TIMEX3 date value with the days it covers worked out once: merging compares each new
/// mention's time with the times of many events, and parsing the strings for each comparison
/// was most of its cost.
struct EventTime: Sendable, Equatable {
    let value: String
    /// First and last day (since 1970-01-01) of a year, month or day value.
    let firstDay: Int?
    let lastDay: Int?
    /// The day of a value precise to the day (or finer), else nil.
    let day: Int?

    init(_ value: String) {
        self.value = value
        if let range = TimexRange(value: value), let first = CalendarDay.days(of: range.first), let last = CalendarDay.days(of: range.last) {
            // A month's range ends on "-31" whatever its length: end it on its real last day.
            (firstDay, lastDay) = (first, min(last, Self.lastDay(ofMonthOf: range.last) ?? last))
        } else {
            (firstDay, lastDay) = (nil, nil)
        }
        day = value.count >= 10 ? CalendarDay.days(of: value) : nil
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
