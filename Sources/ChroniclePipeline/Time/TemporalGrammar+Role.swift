import ChronicleFoundation

extension TemporalGrammar {
    /// The roles of the words the grammar's rules are written with; `Resources/time/time_grammar.tsv`
    /// says which words play them. The time words themselves (months, units, numbers) are the
    /// lexicon's (`TimeLexicon`).
    enum Role: String, WordRole {
        // Words the rules are built from.
        /// "the"
        case definite
        /// "a", "an"
        case indefinite
        /// "of": "the end of 2024", "16th of May", "a couple of weeks"
        case of
        /// "a" of "on a Thursday": any Thursday
        case anyOne
        /// "one", not "a": "a years" is no amount, "one years" a clumsy one
        case numeralOne
        /// "half" of "the first half of 1989"
        case half
        /// "fiscal": "fiscal 2024", "the fiscal year", "the third fiscal quarter"
        case fiscal
        /// "period": "the latest period", "the 1988 period" are quarters
        case period
        /// "old": "five-year-old", "52 years old" are ages
        case age
        /// "that" of "that day"
        case anaphoric
        /// "same" of "the same day", "that same year"
        case same
        /// "every", "each": "every Friday", "each week"
        case every
        /// Words that can open a phrase without being time words themselves: "the", "early", "about".
        case opener

        // Word shapes.
        /// Prefix of a fiscal year written as one word: "FY2024".
        case fiscalYearPrefix
        /// Prefix of a quarter written as one word: "Q3".
        case quarterPrefix
        /// Suffixes of an ordinal written in digits: "16th", "21st".
        case ordinalSuffix
        /// Plurals that do not end in "s": "centuries".
        case irregularPlural

        // Dates and years.
        /// Month names that in lower case are verbs: only a capitalised "May" is the month.
        case verbMonth
        /// Month names short enough to pass for abbreviations, and still months alone: "June".
        case shortMonthName
        /// Words that link the two days of a range: "May 11 to 16", "May 11-16".
        case rangeLink
        /// Words before which a year earlier than 1900 is a year: "in 1812", not "1000 for 1000".
        case earlyYearCue
        /// A year said in words, with its value: "the year two thousand".
        case spokenYear
        /// The hundreds of a year said in words, with their value: "nineteen" of "nineteen ninety-six".
        case spokenCentury
        /// Decades named in words, with their tens: "the nineties".
        case decadeName
        /// Relative words that with "year" make a year relative to the article's: "June last year".
        case yearRelative
        /// Words that with "year" say the article's year: "the full year", "the current year".
        case currentYear
        /// "year-end", "year end": the end of the article's year.
        case yearEnd
        /// Words after "the year" that make it a span: "the year ended Sept. 30".
        case ended
        /// Words that compare with the year before: "year-earlier results".
        case yearAgo
        /// Which half of a year, with its number: "the first half", "the latter half".
        case yearHalf

        // Positions and modifiers.
        /// Positions before a month, a year or a decade: "mid-May", "early-2025", "the early 1980s".
        case periodPosition
        /// Positions joined to a decade by a hyphen: "the mid-1990s".
        case midDecade
        /// Positions before a point in time: "early 2025", "earlier this month".
        case pointPosition
        /// Positions that also go before a day: "early Friday" (not "[earlier] Friday").
        case dayPosition

        // Days and parts of day.
        /// Days named by their distance from the article's, with it: "today", "yesterday".
        case day
        /// Nights named by their distance from the article's day, with it: "tonight", "last night".
        case night
        /// The word that with a part of day says today's: "this morning".
        case sameDay
        /// Parts of the day after the last date told of: "the next morning".
        case followingDayPart
        /// Hours named by a word, with the hour: "noon" 12, "midnight" 24.
        case namedHour
        /// "am" and "pm" in their spellings, with `AM` or `PM`.
        case meridiem
        /// Time zones, as printed (upper case): "UTC", "EST".
        case timeZone
        /// Time zones that an offset may follow in the same word: "UTC+8".
        case offsetZone

        // Seasons.
        /// Seasons that with "the" alone are the latest one: "the summer" (not "the fall").
        case latestSeason

        // Relative times.
        /// General references, with their TIMEX3 value: "the past", "the near future".
        case timeReference
        /// Words that with "the" and a plural unit make a vague reference, with its value:
        /// "the coming days", "the past weeks".
        case pluralReference
        /// "recent" of "recent years", "recent months".
        case recent
        /// Reference words that describe nouns and are no times alone: "a future summit".
        case attributive
        /// Relative words that may follow "the": "the past year", "the following day".
        case relativeAfterThe
        /// Relative words that with "the" and a decade or century make a span: "the past decade".
        case spanBack
        /// Relative words counted from the last date told of: "the following year", "the next day".
        case fromLastDate
        /// Words after an amount that shift from the article's date, with the direction: "a year ago",
        /// "two days from now".
        case shiftFromNow
        /// Words after an amount that shift from the last date told of, with the direction: "two days
        /// later"; also "earlier that day".
        case shiftFromLast
        /// "or so" of "a week or so ago".
        case orSo

        // Amounts.
        /// Words before an amount after "the": "the past two months", "the first three days".
        case quantityAfterThe
        /// Words before an amount without "the": "past two months", "first three days".
        case quantityLead
        /// Words before a plural unit that make an unknown number of them: "for years", "several weeks".
        case unknownNumber
        /// Words after "a" that make a vague amount: "a few days", "a couple of weeks" (how many is
        /// the lexicon's number: "couple" 2, "few" unknown).
        case aFew
        /// "half a", "half an": "half an hour".
        case halfOf
        /// "and a half": "two and a half years", "an hour and a half".
        case plusHalf
        /// Words before "second" that make it a unit, not an ordinal: "one second", "per second".
        case singleUnit
        /// Nouns "second" counts as an ordinal: "the second quarter", "a second round".
        case ordinalNoun
        /// Words before "quarter" that make it a fraction: "a quarter of the shares".
        case fractionCount
        /// Words that make a unit a rate: "$5 a year", "50 per day".
        case rate
        /// Words before a rate: "twice a week", "5 percent a year".
        case beforeRate

        // Quarters.
        /// "latest" of "the latest quarter": the one before the article's.
        case latestQuarter
        /// Words of "the year-ago quarter", "the same quarter": four before the latest.
        case yearAgoQuarter

        var value: WordRoleValue {
            switch self {
            case .spokenYear, .spokenCentury, .decadeName, .yearHalf, .day, .night, .namedHour, .shiftFromNow, .shiftFromLast: .integer
            case .meridiem, .timeReference, .pluralReference: .code
            default: .none
            }
        }
    }

    /// Loaded once per process; building the temporal tagger reports a missing or malformed file.
    static let bundledWords = Result { () throws(ResourceError) in try WordRoles<Role>(reader: .pipeline, path: "time/time_grammar.tsv") }
}
