import ChronicleFoundation
import ChronicleTestSupport
import Testing

@testable import ChroniclePipeline

/// The temporal tagger on sentences written for these tests, anchored on Friday 2025-05-16.
@Suite("Temporal tagger: formats and values")
struct TemporalTaggerTests {
    let tagger = try! TemporalTagger()

    func tag(_ text: String, _ dct: String = "2025-05-16") -> [String] {
        tagger.timexes(in: text, documentCreationTime: dct).map { timex in
            "\(timex.text) = \(timex.type.rawValue) \(timex.value)" + (timex.mod.map { " \($0)" } ?? "")
        }
    }

    @Test("news formats", arguments: [
        ("The talks opened on 16 May, 2025 in Istanbul.", ["16 May, 2025 = DATE 2025-05-16"]),
        ("They met on May 16 and on 2025-05-16.", ["May 16 = DATE 2025-05-16", "2025-05-16 = DATE 2025-05-16"]),
        ("The decree is dated 16.05.2025.", ["16.05.2025 = DATE 2025-05-16"]),
        ("Prices rose in mid-May.", ["mid-May = DATE 2025-05 MID"]),
        ("Fighting went on over the weekend.", ["the weekend = DATE 2025-W19-WE"]),
        ("Talks resumed this week.", ["this week = DATE 2025-W20"]),
        ("It took a decade.", ["a decade = DURATION P10Y"]),
        ("Born in the 1990s, she left in the '80s.", ["the 1990s = DATE 199", "the '80s = DATE 198"]),
        ("Revenue in fiscal 2024 fell.", ["fiscal 2024 = DATE 2024"]),
        ("Profit rose in the third quarter.", ["the third quarter = DATE 2024-Q3"]),
        ("Profit will rise in the third quarter.", ["the third quarter = DATE 2025-Q3"]),
        ("Profit rose in the first quarter of 2024.", ["the first quarter of 2024 = DATE 2024-Q1"]),
        ("Sales fell last summer.", ["last summer = DATE 2024-SU"]),
        ("The statement came at 23:35 UTC+8.", ["23:35 UTC+8 = TIME 2025-05-16T23:35"]),
        ("Posted 4:19 am today.", ["4:19 am today = TIME 2025-05-16T04:19"]),
        ("Trading stopped at 10 p.m. Thursday.", ["10 p.m. Thursday = TIME 2025-05-15T22:00"]),
        ("The offer stands from May 11 to 16.", ["May 11 = DATE 2025-05-11", "16 = DATE 2025-05-16"]),
        ("He spoke yesterday and will travel tomorrow.", ["yesterday = DATE 2025-05-15", "tomorrow = DATE 2025-05-17"]),
        ("The vote will be held on Monday.", ["Monday = DATE 2025-05-19"]),
        ("The vote was held on Monday.", ["Monday = DATE 2025-05-12"]),
        ("Sales rose last month and will rise next year.", ["last month = DATE 2025-04", "next year = DATE 2026"]),
        ("A year ago it was different.", ["A year ago = DATE 2024"]),
        ("Two days later he resigned.", ["Two days later = DATE 2025-05-18"]),
        ("The war has lasted more than three years.", ["more than three years = DURATION P3Y MORE_THAN"]),
        ("After 90 minutes of talks and a two-hour dinner.", ["90 minutes = DURATION PT90M", "two-hour = DURATION PT2H"]),
        ("A 30-day ceasefire, half an hour, two and a half years.",
         ["30-day = DURATION P30D", "half an hour = DURATION PT30M", "two and a half years = DURATION P30M"]),
        ("They meet daily, every week and every Friday.", ["daily = SET P1D", "every week = SET P1W", "every Friday = SET XXXX-WXX-5"]),
        ("It is now clear; talks may resume in the coming days.", ["now = DATE PRESENT_REF", "the coming days = DATE FUTURE_REF"]),
        ("Early next year, and late last year.", ["Early next year = DATE 2026 START", "late last year = DATE 2024 END"]),
        ("By the end of 2024 it was over.", ["the end of 2024 = DATE 2024 END"]),
        ("This morning he left; last night he slept.", ["This morning = TIME 2025-05-16TMO", "last night = TIME 2025-05-15TNI"]),
        ("In January the talks stalled; in December they will resume.", ["January = DATE 2025-01", "December = DATE 2025-12"]),
        ("The exchange was 1000 for 1000 and may begin in the near future.", ["the near future = DATE FUTURE_REF"]),
        ("Thanksgiving fell on a Thursday; Easter 2024 was early.", ["Thanksgiving = DATE 2024-11-28", "Thursday = DATE XXXX-WXX-4", "Easter 2024 = DATE 2024-03-31"]),
        ("It happened in nineteen ninety-six; later that year he left.", ["nineteen ninety-six = DATE 1996", "later that year = DATE 1996"]),
        ("The offer expires at midnight Friday.", ["midnight Friday = TIME 2025-05-16T24:00"]),
        ("On Tuesday, the league plans to hold a rally.", ["Tuesday = DATE 2025-05-20"]),
        ("On Tuesday, the league held a rally.", ["Tuesday = DATE 2025-05-13"]),
        ("Last year profit fell; the year-ago results were restated.", ["Last year = DATE 2024", "year-ago = DATE 2024"]),
        ("The Communist Party daily Granma printed it daily.", ["daily = SET P1D"]),
    ])
    func formats(text: String, expected: [String]) {
        #expect(tag(text) == expected)
    }

    @Test("a year earlier leans on the quarter just mentioned")
    func anchoredOnLastDate() {
        #expect(tag("Profit rose in the third quarter of 2024 from a year earlier.") == [
            "the third quarter of 2024 = DATE 2024-Q3", "a year earlier = DATE 2023-Q3",
        ])
    }

    @Test("without a creation date, relative expressions keep unknown parts")
    func withoutCreationDate() {
        #expect(tag("He left on Friday, in May, and yesterday.", "") == [
            "Friday = DATE XXXX-XX-XX", "May = DATE XXXX-05", "yesterday = DATE XXXX-XX-XX",
        ])
    }

    @Test("granularity read from the value", arguments: [
        ("2025-05-16", TimexType.date, "day"), ("2025-05", .date, "month"), ("2025", .date, "year"), ("2025-W20", .date, "week"),
        ("2025-Q2", .date, "quarter"), ("2024-SU", .date, "season"), ("199X", .date, "decade"), ("2025-W19-WE", .date, "weekend"),
        ("2025-05-16T04:19", .time, "minute"), ("2025-05-16TMO", .time, "part_of_day"), ("P3Y", .duration, "year"),
        ("PT90M", .duration, "minute"), ("P30D", .duration, "day"), ("FUTURE_REF", .date, "reference"), ("P1W", .set, "week"),
    ])
    func granularity(value: String, type: TimexType, expected: String) {
        #expect(TimexGranularity.of(value: value, type: type) == expected)
    }

    @Test("any sequence of time words, numbers and punctuation is tagged without a crash, spans inside the text")
    func robustness() {
        let words = [
            "second", "the", "a", "last", "next", "May", "may", "Friday", "2025", "1999", "16", "31", "0", "-", ",", ".", "'", "s",
            "year", "years", "ago", "earlier", "later", "quarter", "third-quarter", "mid-", "mid-May", "early", "end", "of",
            "more", "than", "about", "half", "an", "hour", "and", "4:19", "am", "p.m.", "UTC", "+", "8", "today", "that",
            "day", "every", "Thanksgiving", "nineteen", "ninety-six", "fiscal", "FY2024", "Q3", "'80s", "1990s", "from", "to",
            "2025-05-16", "16.05.2025", "05/16/2025", "two-hour", "weekend", "this", "year's", "\n\n", "é", "Ünal", "…",
        ]
        var random = SplitMix64(seed: 7)
        for round in 0..<3000 {
            let length = Int(random.next() % 12)
            let text = (0..<length).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: round % 3 == 0 ? "" : " ")
            let scalars = text.unicodeScalars.count
            for dct in ["2025-05-16", "", "2024-02-29T23:59"] {
                for timex in tagger.timexes(in: text, documentCreationTime: dct) {
                    #expect(timex.span.start >= 0 && timex.span.start < timex.span.end && timex.span.end <= scalars, "\(text)")
                }
            }
        }
    }

    @Test("calendar arithmetic: weekdays, ISO weeks, month ends")
    func calendar() {
        let day = CalendarDate(year: 2025, month: 5, day: 16)
        #expect(day.weekday == 5)
        #expect(day.isoWeek.week == 20)
        #expect(CalendarDate(year: 2021, month: 1, day: 1).isoWeek == (2020, 53))
        #expect(CalendarDate(year: 2024, month: 1, day: 31).adding(months: 1) == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(CalendarDate(daysSinceEpoch: day.daysSinceEpoch) == day)
        #expect(CalendarDate(iso: "2025-02-30") == nil)
    }
}

/// The temporal expressions one seed must yield, each with its value, in text order.
struct SeedTimexes: Sendable, CustomTestStringConvertible {
    var seed, name: String
    var timexes: [String]
    var testDescription: String { "\(seed) \(name)" }
}

/// The temporal expressions of the five seeds, each with its value, exactly.
@Suite("Time in the seeds", .enabled(if: SharedData.seedsAvailable, "../shared/seeds not found: seed time tests skipped"))
struct TimeSeedTests {
    static let seeds: [SeedTimexes] = [
        SeedTimexes(seed: "000", name: "Xinhua, dated Saturday 2025-05-17: Friday is the 16th, Sunday (past) the 11th",
            timexes: ["Friday = 2025-05-16", "two-hour = PT2H", "Sunday = 2025-05-11", "March 2022 = 2022-03"]),
        SeedTimexes(seed: "001", name: "Shanghai Daily, dated Friday 2025-05-16",
            timexes: ["Friday = 2025-05-16", "two-hour = PT2H", "Sunday = 2025-05-11", "March 2022 = 2022-03"]),
        SeedTimexes(seed: "002", name: "AFP: durations, Feb. 24, 2022, in 2014, last year",
            timexes: [
                "Friday = 2025-05-16", "the near future = FUTURE_REF", "90 minutes = PT90M", "more than three years = P3Y MORE_THAN",
                "Feb. 24, 2022 = 2022-02-24", "24 hours = PT24H", "Friday = 2025-05-16", "2022 = 2022", "2014 = 2014",
                "last year = 2024",
            ]),
        SeedTimexes(seed: "003", name: "Reuters: Thursday, the coming days, a 30-day ceasefire, in January",
            timexes: [
                "16 May, 2025 = 2025-05-16", "more than three years = P3Y MORE_THAN", "the coming days = FUTURE_REF",
                "2022 = 2022", "Thursday = 2025-05-15", "Friday = 2025-05-16", "Thursday = 2025-05-15", "30-day = P30D", "30-day = P30D",
                "Friday = 2025-05-16", "January = 2025-01",
            ]),
        SeedTimexes(seed: "004", name: "Ukrainska Pravda", timexes: ["May 16 = 2025-05-16"]),
    ]

    @Test(arguments: seeds)
    func seed(_ expected: SeedTimexes) throws {
        let timexes = try Pipeline.standard().run(.text(try SharedData.seedText(expected.seed))).timexes.map { timex in
            "\(timex.text) = \(timex.value)" + (timex.mod.map { " \($0)" } ?? "")
        }
        #expect(timexes == expected.timexes)
    }
}
