/// Turns what a phrase means into a TIMEX3 type and value, anchored on the document creation
/// time (deictic words: "yesterday", "last week") or on the last date the text mentioned
/// ("a year earlier", "two days later"), in the direction the sentence's tense points to.
struct TimexResolver {
    /// `.future` when the words point forward, `.past` when they point back; otherwise the
    /// nearest date (a little ahead for months), and for weekdays and seasons the past one.
    enum Direction { case past, nearest, future }

    /// The article's date, if known.
    let creation: CalendarDate?
    /// The last resolved date of the text, as a value and the day it starts on.
    var lastValue: String?
    var lastDate: CalendarDate?

    init(creation: CalendarDate?) {
        self.creation = creation
    }

    struct Resolved {
        var type: TimexType
        var value: String
    }

    mutating func resolve(_ meaning: TemporalMeaning, direction: Direction) -> Resolved {
        let resolved = value(of: meaning, direction: direction)
        // A date reached from the last one ("a year earlier") is a comparison, not where the
        // text has moved: the next "a year ago" still counts from the first.
        if case .shifted(_, _, _, true) = meaning { return resolved }
        if case .unitOffset(_, _, true) = meaning { return resolved }
        if case .yearAgoComparison = meaning { return resolved }
        if resolved.type == .date || resolved.type == .time, let day = CalendarDate(iso: resolved.value) ?? firstDay(of: resolved.value) {
            lastValue = resolved.value
            lastDate = day
        }
        return resolved
    }

    // MARK: Values

    private func value(of meaning: TemporalMeaning, direction: Direction) -> Resolved {
        switch meaning {
        case let .date(year, month, day):
            return Resolved(type: .date, value: date(year: year, month: month, day: day, direction: direction))
        case let .weekday(day, relative):
            guard let creation else { return Resolved(type: .date, value: "XXXX-XX-XX") }
            return Resolved(type: .date, value: weekday(day, relative: relative, from: creation, direction: direction).iso)
        case let .anyWeekday(day, recurring):
            return Resolved(type: recurring ? .set : .date, value: "XXXX-WXX-\(day)")
        case let .dayOffset(offset):
            guard let creation else { return Resolved(type: .date, value: "XXXX-XX-XX") }
            return Resolved(type: .date, value: creation.adding(days: offset).iso)
        case let .unitOffset(unit, offset, onLastDate):
            return Resolved(type: .date, value: unitOffset(unit: unit, offset: offset, from: (onLastDate ? lastDate : nil) ?? creation))
        case let .shifted(amount, unit, direction, onLastDate):
            return Resolved(type: .date, value: shifted(amount: amount, unit: unit, direction: direction, onLastDate: onLastDate))
        case .yearAgoComparison:
            // After a period that is already last year's ("the 1988 period ... the year-ago
            // results") it is that same period, not a year before it.
            if let lastValue, let lastDate, let creation, lastDate.year == creation.year - 1 { return Resolved(type: .date, value: lastValue) }
            return Resolved(type: .date, value: shifted(amount: 1, unit: "Y", direction: -1, onLastDate: true))
        case let .decade(decade, bare):
            // TimeBank writes "the 1990s" as 199 and a bare "1990s" as 199X.
            return Resolved(type: .date, value: String(decade) + (bare ? "X" : ""))
        case let .century(century):
            return Resolved(type: .date, value: CalendarDate.pad(century, 2))
        case let .quarter(number, year, relative):
            return Resolved(type: .date, value: quarter(number, year: year, relative: relative, direction: direction))
        case let .season(season, year, relative):
            return Resolved(type: .date, value: self.season(season, year: year, relative: relative, direction: direction))
        case let .weekend(relative):
            return Resolved(type: .date, value: weekend(relative: relative, direction: direction))
        case let .reference(reference):
            return Resolved(type: .date, value: reference)
        case let .duration(amount, unit):
            return Resolved(type: .duration, value: Self.duration(amount: amount, unit: unit))
        case let .time(hour, minute, day):
            // A clock time without a day belongs to the day the text is telling about.
            let lastDay = lastValue.flatMap { CalendarDate(iso: $0) }
            let dayValue = day.map { value(of: $0, direction: direction).value } ?? ((lastDay ?? creation)?.iso ?? "XXXX-XX-XX")
            return Resolved(type: .time, value: "\(dayValue.prefix(10))T\(CalendarDate.pad(hour, 2)):\(CalendarDate.pad(minute, 2))")
        case let .partOfDay(part, day):
            let dayValue = value(of: day, direction: direction).value
            // "Friday night" is a date with its part of the day, as TimeBank marks it; "this morning" a time.
            if case .weekday = day { return Resolved(type: .date, value: "\(dayValue.prefix(10))T\(part)") }
            return Resolved(type: .time, value: "\(dayValue.prefix(10))T\(part)")
        case let .set(unit, amount):
            if unit == "NI" { return Resolved(type: .set, value: "TNI") }
            return Resolved(type: .set, value: Self.duration(amount: amount, unit: unit))
        case let .half(half, year):
            return Resolved(type: .date, value: "\(CalendarDate.pad(year, 4))-H\(half)")
        case let .fiscalYear(year):
            return Resolved(type: .date, value: String(year))
        case let .holiday(rule, year):
            return Resolved(type: .date, value: holiday(rule, year: year, direction: direction))
        case let .sameAsLast(unit):
            guard let lastDate else { return Resolved(type: .date, value: "XXXX-XX-XX") }
            switch unit {
            case "Y": return Resolved(type: .date, value: CalendarDate.pad(lastDate.year, 4))
            case "M": return Resolved(type: .date, value: String(lastDate.iso.prefix(7)))
            case "W": return Resolved(type: .date, value: Self.week(of: lastDate))
            case "Q": return Resolved(type: .date, value: "\(CalendarDate.pad(lastDate.year, 4))-Q\(lastDate.quarter)")
            default: return Resolved(type: .date, value: lastValue.flatMap { CalendarDate(iso: $0) }?.iso ?? "XXXX-XX-XX")
            }
        }
    }

    private func date(year: Int?, month: Int?, day: Int?, direction: Direction) -> String {
        // "June last year": the grammar's stand-in year is an offset from the article's.
        if let year, year > TemporalGrammar.relativeYearBase - 100 {
            let offset = year - TemporalGrammar.relativeYearBase
            guard let creation else { return "XXXX" + (month.map { "-" + CalendarDate.pad($0, 2) } ?? "") }
            return date(year: creation.year + offset, month: month, day: day, direction: direction)
        }
        if let year {
            var value = CalendarDate.pad(year, 4)
            if let month { value += "-" + CalendarDate.pad(month, 2) }
            if let month, let day, day <= GregorianCalendar.days(inMonth: month, year: year) { value += "-" + CalendarDate.pad(day, 2) }
            return value
        }
        guard let month else { return "XXXX" }
        guard let creation else { return "XXXX-" + CalendarDate.pad(month, 2) + (day.map { "-" + CalendarDate.pad($0, 2) } ?? "") }
        // News tells what happened: the latest such date up to about three months after the
        // article's ("payable Jan. 2", "through January" in late October are the coming ones),
        // or the first one ahead when the words point forward.
        let candidates = [creation.year - 1, creation.year, creation.year + 1].map { year in
            (year, CalendarDate(year: year, month: month, day: min(day ?? 1, GregorianCalendar.days(inMonth: month, year: year))).daysSinceEpoch
                - creation.daysSinceEpoch)
        }
        let resolvedYear: Int
        switch direction {
        case .future: resolvedYear = candidates.first { $0.1 >= (day == nil ? -27 : 0) }?.0 ?? creation.year
        case .past: resolvedYear = candidates.last { $0.1 <= 0 }?.0 ?? creation.year
        case .nearest: resolvedYear = candidates.last { $0.1 <= (day == nil ? 100 : 130) }?.0 ?? creation.year
        }
        return date(year: resolvedYear, month: month, day: day, direction: direction)
    }

    /// A holiday's date in a year: the given one, else the latest on or before the article's
    /// date, or the next when the words point forward.
    private func holiday(_ rule: String, year: Int?, direction: Direction) -> String {
        guard let year = year ?? creation?.year else { return "XXXX-XX-XX" }
        guard year == creation?.year || creation == nil else { return Self.holiday(rule, in: year)?.iso ?? CalendarDate.pad(year, 4) }
        guard let creation, let thisYear = Self.holiday(rule, in: year) else { return CalendarDate.pad(year, 4) }
        let ahead = thisYear.daysSinceEpoch - creation.daysSinceEpoch
        if direction == .future, ahead < 0 { return Self.holiday(rule, in: year + 1)?.iso ?? "" }
        if direction == .past, ahead > 0 { return Self.holiday(rule, in: year - 1)?.iso ?? "" }
        if direction != .future, ahead > 100 { return Self.holiday(rule, in: year - 1)?.iso ?? "" }
        return thisYear.iso
    }

    static func holiday(_ rule: String, in year: Int) -> CalendarDate? {
        if rule == "EASTER" {
            // Anonymous Gregorian algorithm (Meeus/Jones/Butcher)
            let a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4
            let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
            let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451
            let month = (h + l - 7 * m + 114) / 31
            return CalendarDate(year: year, month: month, day: (h + l - 7 * m + 114) % 31 + 1)
        }
        let parts = rule.split(separator: "-")
        guard parts.count == 2, let month = Int(parts[0]) else { return nil }
        if let day = Int(parts[1]) { return CalendarDate(year: year, month: month, day: day) }
        let first = CalendarDate(year: year, month: month, day: 1)
        func nth(_ n: Int, _ weekday: Int) -> CalendarDate { first.adding(days: (weekday - first.weekday + 7) % 7 + 7 * (n - 1)) }
        switch parts[1] {
        case "ELECTION": return nth(1, 1).adding(days: 1)  // the Tuesday after the first Monday
        case "4TH": return nth(4, 4)
        case "1MO": return nth(1, 1)
        case "LMO":
            let last = CalendarDate(year: year, month: month, day: GregorianCalendar.days(inMonth: month, year: year))
            return last.adding(days: -((last.weekday - 1 + 7) % 7))
        default: return nil
        }
    }

    private func weekday(_ day: Int, relative: Int?, from creation: CalendarDate, direction: Direction) -> CalendarDate {
        let today = creation.weekday
        switch relative {
        case .some(-1):
            let back = (today - day + 7) % 7
            return creation.adding(days: -(back == 0 ? 7 : back))
        case 1?:
            let ahead = (day - today + 7) % 7
            return creation.adding(days: ahead == 0 ? 7 : ahead)
        case 0?:
            return creation.adding(days: day - today)
        default:
            switch direction {
            case .nearest, .past: return creation.adding(days: -((today - day + 7) % 7))
            case .future: return creation.adding(days: (day - today + 7) % 7)
            }
        }
    }

    private func unitOffset(unit: String, offset: Int, from anchor: CalendarDate?) -> String {
        guard let creation = anchor else { return "XXXX" }
        // "last Oct. 23", "next May 5"
        if unit.hasPrefix("M"), let dayMark = unit.firstIndex(of: "D"), let month = Int(unit[unit.index(after: unit.startIndex)..<dayMark]),
            let day = Int(unit[unit.index(after: dayMark)...])
        {
            let thisYear = CalendarDate(year: creation.year, month: month, day: min(day, GregorianCalendar.days(inMonth: month, year: creation.year)))
            let year = offset < 0 ? (thisYear < creation ? creation.year : creation.year - 1) : (thisYear > creation ? creation.year : creation.year + 1)
            return date(year: year, month: month, day: day, direction: .nearest)
        }
        if unit.hasPrefix("M"), unit.count > 1, let month = Int(unit.dropFirst()) {
            // "last May", "next March", "this June"
            switch offset {
            case ..<0: return date(year: month >= creation.month ? creation.year - 1 : creation.year, month: month, day: nil, direction: .nearest)
            case 1...: return date(year: month <= creation.month ? creation.year + 1 : creation.year, month: month, day: nil, direction: .future)
            default: return date(year: creation.year, month: month, day: nil, direction: .nearest)
            }
        }
        switch unit {
        case "Y": return CalendarDate.pad(creation.year + offset, 4)
        case "YE": return "\(CalendarDate.pad(creation.year + offset, 4))-12-31"  // year-end: its last day
        case "M":
            let moved = creation.adding(months: offset)
            return "\(CalendarDate.pad(moved.year, 4))-\(CalendarDate.pad(moved.month, 2))"
        case "W", "FN": return Self.week(of: creation.adding(days: 7 * offset))
        case "D": return creation.adding(days: offset).iso
        case "DE": return String((creation.year / 10) + offset)
        case "CE": return CalendarDate.pad(creation.year / 100 + offset, 2)
        default: return creation.iso
        }
    }

    private func shifted(amount: Double, unit: String, direction: Int, onLastDate: Bool) -> String {
        let anchor = (onLastDate ? lastDate : nil) ?? creation
        guard let anchor else { return "XXXX-XX-XX" }
        let steps = Int(amount.rounded()) * direction
        // A year before a quarter is that quarter a year before ("a year earlier" after "the third quarter").
        if unit == "Y", let lastValue, lastValue.contains("-Q"), let year = Int(lastValue.prefix(4)) {
            return "\(CalendarDate.pad(year + steps, 4))\(lastValue.dropFirst(4))"
        }
        // "a year earlier" after a day or a month is that day or month a year before.
        if unit == "Y", onLastDate, let lastValue, let lastDate {
            let moved = lastDate.adding(months: 12 * steps)
            if CalendarDate(iso: lastValue) != nil { return moved.iso }
            if lastValue.count == 7, lastValue.dropFirst(5).allSatisfy(\.isNumber) { return String(moved.iso.prefix(7)) }
        }
        switch unit {
        case "Y": return CalendarDate.pad(anchor.year + steps, 4)
        case "DE": return CalendarDate.pad(anchor.year + 10 * steps, 4)
        case "CE": return CalendarDate.pad(anchor.year + 100 * steps, 4)
        case "M":
            let moved = anchor.adding(months: steps)
            return "\(CalendarDate.pad(moved.year, 4))-\(CalendarDate.pad(moved.month, 2))"
        case "Q":
            let moved = anchor.adding(months: 3 * steps)
            return "\(CalendarDate.pad(moved.year, 4))-Q\(moved.quarter)"
        case "W", "WE": return Self.week(of: anchor.adding(days: 7 * steps))
        case "FN": return Self.week(of: anchor.adding(days: 14 * steps))
        case "D": return anchor.adding(days: steps).iso
        default: return anchor.iso
        }
    }

    private func quarter(_ number: Int?, year: Int?, relative: Int?, direction: Direction) -> String {
        guard let creation else { return number.map { "XXXX-Q\($0)" } ?? "XXXX-QX" }
        if let year, year > TemporalGrammar.relativeYearBase - 100 {
            // "this year's third quarter": the stand-in year is an offset from the article's
            let actual = creation.year + year - TemporalGrammar.relativeYearBase
            if let number { return "\(CalendarDate.pad(actual, 4))-Q\(number)" }
            if let lastValue, let mark = lastValue.range(of: "-Q") { return "\(CalendarDate.pad(actual, 4))\(lastValue[mark.lowerBound...])" }
            return CalendarDate.pad(actual, 4)
        }
        if number == nil, let year {
            // "the 1988 period" in a quarterly report: the quarter just spoken of, that year.
            if let lastValue, let mark = lastValue.range(of: "-Q") { return "\(CalendarDate.pad(year, 4))\(lastValue[mark.lowerBound...])" }
            return CalendarDate.pad(year, 4)
        }
        if let number {
            var resolvedYear = year ?? creation.year
            // The latest such quarter, or a coming one when the words point forward.
            if year == nil, number > creation.quarter, direction != .future { resolvedYear -= 1 }
            return "\(CalendarDate.pad(resolvedYear, 4))-Q\(number)"
        }
        // "the quarter", "the latest quarter": the last one reported, before the article's own.
        let offset = relative ?? -1
        let moved = CalendarDate(year: creation.year, month: (creation.quarter - 1) * 3 + 1, day: 1).adding(months: 3 * offset)
        return "\(CalendarDate.pad(moved.year, 4))-Q\(moved.quarter)"
    }

    private func season(_ season: String, year: Int?, relative: Int?, direction: Direction) -> String {
        if let year { return "\(CalendarDate.pad(year, 4))-\(season)" }
        guard let creation else { return "XXXX-\(season)" }
        let startMonth = ["SP": 3, "SU": 6, "FA": 9, "WI": 12][season] ?? 1
        var resolvedYear = creation.year
        switch relative ?? (direction == .future ? 1 : -1) {
        case ..<0: if creation.month <= startMonth + 2 { resolvedYear -= 1 }
        case 1...: if creation.month >= startMonth { resolvedYear += 1 }
        default: break
        }
        return "\(CalendarDate.pad(resolvedYear, 4))-\(season)"
    }

    private func weekend(relative: Int?, direction: Direction) -> String {
        guard let creation else { return "XXXX-WXX-WE" }
        let saturday: CalendarDate
        switch relative {
        case 0?: saturday = creation.adding(days: 6 - creation.weekday)
        case 1?: saturday = creation.adding(days: 6 - creation.weekday + 7)
        case .some(-1): saturday = creation.adding(days: 6 - creation.weekday - 7)
        default:
            let back = (creation.weekday - 6 + 7) % 7
            saturday = direction == .future ? creation.adding(days: (6 - creation.weekday + 7) % 7) : creation.adding(days: -back)
        }
        return Self.week(of: saturday) + "-WE"
    }

    static func week(of date: CalendarDate) -> String {
        let week = date.isoWeek
        return "\(CalendarDate.pad(week.year, 4))-W\(CalendarDate.pad(week.week, 2))"
    }

    /// `P3Y`, `PT90M`, `P2W`, `PXY`; fractions go down a unit (`PT30M` for half an hour).
    static func duration(amount: Double?, unit: String) -> String {
        guard let amount else {
            switch unit {
            case "H", "MIN", "S": return "PTX" + (unit == "MIN" ? "M" : unit)
            case "DE": return "PXDE"
            case "CE": return "PXCE"
            case "FN": return "PXW"
            default: return "PX" + unit
            }
        }
        func number(_ value: Double) -> String {
            value == value.rounded() ? String(Int(value)) : String(value)
        }
        let whole = amount == amount.rounded()
        switch unit {
        case "Y": return whole ? "P\(number(amount))Y" : "P\(number(amount * 12))M"
        case "DE": return "P\(number(amount * 10))Y"
        case "CE": return "P\(number(amount * 100))Y"
        case "M": return whole ? "P\(number(amount))M" : "P\(number((amount * 30).rounded()))D"
        case "Q": return "P\(number(amount * 3))M"
        case "W": return whole ? "P\(number(amount))W" : "P\(number(amount * 7))D"
        case "FN": return "P\(number(amount * 2))W"
        case "D": return whole ? "P\(number(amount))D" : "PT\(number(amount * 24))H"
        case "WE": return "P\(number(amount * 2))D"
        case "H": return whole ? "PT\(number(amount))H" : "PT\(number(amount * 60))M"
        case "MIN": return whole ? "PT\(number(amount))M" : "PT\(number(amount * 60))S"
        case "S": return "PT\(number(amount))S"
        default: return "P\(number(amount))\(unit)"
        }
    }

    /// The first day a coarser value covers (`2025-05` -> May 1, `2025-W20` -> its Monday,
    /// `2025-Q2` -> April 1, `2025` -> January 1).
    private func firstDay(of value: String) -> CalendarDate? {
        let parts = value.split(separator: "-")
        guard let first = parts.first, first.count == 4, let year = Int(first) else { return nil }
        if parts.count == 1 { return CalendarDate(year: year, month: 1, day: 1) }
        let second = parts[1]
        if second.hasPrefix("W"), let week = Int(second.dropFirst()) {
            let january4 = CalendarDate(year: year, month: 1, day: 4)
            return january4.adding(days: 1 - january4.weekday + 7 * (week - 1))
        }
        if second.hasPrefix("Q"), let quarter = Int(second.dropFirst()) { return CalendarDate(year: year, month: (quarter - 1) * 3 + 1, day: 1) }
        if let month = Int(second), (1...12).contains(month) { return CalendarDate(year: year, month: month, day: 1) }
        return nil
    }
}
