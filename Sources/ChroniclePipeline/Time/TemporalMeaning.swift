/// What a temporal phrase says, before it is anchored on a date: the grammar produces it, the
/// resolver turns it into a TIMEX3 value.
indirect enum TemporalMeaning: Sendable, Equatable {
    /// A calendar date with the parts the text gives; a missing year is resolved by direction.
    case date(year: Int?, month: Int?, day: Int?)
    /// "Friday", "last Friday" (-1), "next Friday" (+1), "this Friday" (0); nil: by tense.
    case weekday(Int, relative: Int?)
    /// "on a Thursday" (XXXX-WXX-4); `recurring`: "every Thursday", a set.
    case anyWeekday(Int, recurring: Bool = false)
    /// "today" 0, "yesterday" -1, "tomorrow" +1.
    case dayOffset(Int)
    /// "last week" (-1), "this year" (0), "next month" (+1): the unit containing the anchor, moved;
    /// "the following year" counts from the last date mentioned.
    case unitOffset(unit: String, offset: Int, onLastDate: Bool = false)
    /// "two days ago" (-1), "a year earlier" (-1, on the last date mentioned), "a week later" (+1).
    case shifted(amount: Double, unit: String, direction: Int, onLastDate: Bool)
    /// "year-ago", "year-earlier" results: the period a year before the one being reported.
    case yearAgoComparison
    /// "the 1990s" (199), "the '80s"; `bare` without "the" ("1990s").
    case decade(Int, bare: Bool)
    /// "the 20th century" (19).
    case century(Int)
    /// "the third quarter", with its year if given; nil quarter: the latest quarter.
    case quarter(Int?, year: Int?, relative: Int?)
    /// "last summer", "summer 2024".
    case season(String, year: Int?, relative: Int?)
    /// "the weekend", "last weekend".
    case weekend(relative: Int?)
    case reference(String)
    /// "three years", "90 minutes", "several weeks" (amount nil).
    case duration(amount: Double?, unit: String)
    /// "4:19 am" on a day ("today"), or on the anchor.
    case time(hour: Int, minute: Int, day: TemporalMeaning?)
    /// "Friday morning", "this morning", "tonight".
    case partOfDay(String, day: TemporalMeaning)
    /// "daily", "every week", "twice a year".
    case set(unit: String, amount: Double)
    /// "the first half of 1989" (1), "the last half of 1989" (2).
    case half(Int, year: Int)
    /// "fiscal 2024".
    case fiscalYear(Int)
    /// "Thanksgiving", "Christmas 2024": a holiday's rule from the lexicon, with its year if given.
    case holiday(String, year: Int?)
    /// "that day", "later that year", "the same day": the last date mentioned, at this unit.
    case sameAsLast(unit: String)
}

/// A phrase the grammar found: tokens `start..<end` and what they mean.
struct TemporalPhrase: Sendable {
    var start: Int
    var end: Int
    var meaning: TemporalMeaning
    /// TIMEX3 mod: a position ("early 2025": START) or a quantity ("more than three years": MORE_THAN).
    var mod: String?
}
