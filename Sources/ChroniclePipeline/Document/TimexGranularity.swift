/// The granularity of a TIMEX3 value, read from its shape: `2025-05-16` is a day, `2025-W20` a
/// week, `2025-Q2` a quarter, `199X` a decade, `2025-05-16T04:19` a minute, `P3Y` years.
package enum TimexGranularity {
    package static func of(value: String, type: TimexType) -> String {
        if value.hasSuffix("_REF") { return "reference" }
        if type == .duration || (type == .set && value.hasPrefix("P")) { return durationUnit(value) }
        if let time = value.firstIndex(of: "T") {
            let clock = value[value.index(after: time)...]
            if clock.allSatisfy(\.isLetter) { return "part_of_day" }
            switch clock.split(separator: ":").count {
            case 1: return "hour"
            case 2: return "minute"
            default: return "second"
            }
        }
        let parts = value.split(separator: "-")
        guard let first = parts.first else { return "unknown" }
        switch parts.count {
        case 1:
            switch first.count {
            case 4 where first.hasSuffix("X"): return "decade"
            case 4: return "year"
            case 3: return "decade"
            case 2: return "century"
            default: return "unknown"
            }
        case 2:
            let second = parts[1]
            if second.hasPrefix("W") { return "week" }
            if second.hasPrefix("Q") { return "quarter" }
            if second.hasPrefix("H") { return "half_year" }
            if ["SP", "SU", "FA", "WI"].contains(second) { return "season" }
            return "month"
        default:
            if parts.last == "WE" { return "weekend" }
            if parts[1].hasPrefix("W") { return "day" }
            return "day"
        }
    }

    private static func durationUnit(_ value: String) -> String {
        let time = value.contains("T")
        guard let unit = value.last else { return "unknown" }
        switch (unit, time) {
        case ("Y", _): return "year"
        case ("M", false): return "month"
        case ("M", true): return "minute"
        case ("W", _): return "week"
        case ("D", _): return "day"
        case ("H", _): return "hour"
        case ("S", _): return "second"
        case ("E", _): return value.hasSuffix("DE") ? "decade" : "unknown"
        default: return "unknown"
        }
    }
}
