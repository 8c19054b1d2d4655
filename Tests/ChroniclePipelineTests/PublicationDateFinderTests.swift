import Testing

@testable import ChroniclePipeline

struct PublicationDateFinderTests {
    let finder = PublicationDateFinder()

    func stamp(_ line: String) -> DateStamp? { finder.stamp(line: Array(line.unicodeScalars)) }

    @Test func parsesISO8601DatesAndDateTimes() {
        #expect(PublicationDateFinder.parseISO8601("2025-05-16") == DateStamp(date: "2025-05-16"))
        #expect(PublicationDateFinder.parseISO8601("2025-05-16T23:35:00Z") == DateStamp(date: "2025-05-16", time: "23:35", timeZone: "+00:00"))
        #expect(PublicationDateFinder.parseISO8601("2025-05-16T23:35:00.123+08:00") == DateStamp(date: "2025-05-16", time: "23:35", timeZone: "+08:00"))
        #expect(PublicationDateFinder.parseISO8601("2025-05-16 07:05") == DateStamp(date: "2025-05-16", time: "07:05"))
        #expect(PublicationDateFinder.parseISO8601("2024-02-29T10:00-0530") == DateStamp(date: "2024-02-29", time: "10:00", timeZone: "-05:30"))
        for invalid in ["2025-02-30", "2025-13-01", "16 May 2025", "2025-05-16T25:00", "2025-05-16T10:00+99", "yesterday", "2025-05-16T10"] {
            #expect(PublicationDateFinder.parseISO8601(invalid) == nil, "\(invalid)")
        }
    }

    @Test func stripsLeadingDatePrefix() {
        let line = Array("date 2024-09-01 KAMPALA, UGANDA | Xinhua | Voters queued.".unicodeScalars)
        let result = PublicationDateFinder.stripDatePrefix(line)
        #expect(result?.date == "2024-09-01")
        #expect(result.map { String(String.UnicodeScalarView($0.rest)) } == "KAMPALA, UGANDA | Xinhua | Voters queued.")
        #expect(PublicationDateFinder.stripDatePrefix(Array("date 2024-09-31 x".unicodeScalars)) == nil)
        #expect(PublicationDateFinder.stripDatePrefix(Array("dated 2024-09-01 x".unicodeScalars)) == nil)
    }

    @Test func readsPageStamps() {
        #expect(stamp("23:35 UTC+8, 2025-05-16 0") == DateStamp(date: "2025-05-16", time: "23:35", timeZone: "+08:00"))
        #expect(stamp("Published: Friday, 16 May 2025, 10:20 GMT") == DateStamp(date: "2025-05-16", time: "10:20", timeZone: "+00:00"))
        #expect(stamp("Updated May 3, 2024 4:05 pm") == DateStamp(date: "2024-05-03", time: "16:05"))
        #expect(stamp("12:10 am | 2023/01/09") == DateStamp(date: "2023-01-09", time: "00:10"))
        #expect(stamp("09.11.2022 18:00 (UTC+5:30)") == DateStamp(date: "2022-11-09", time: "18:00", timeZone: "+05:30"))
        #expect(stamp("4:19 am today") == DateStamp(time: "04:19", isRelativeToday: true))
        #expect(stamp("2024-06-01T08:00:00+02:00") == DateStamp(date: "2024-06-01", time: "08:00", timeZone: "+02:00"))
        // An age is a stamp line that dates nothing.
        #expect(stamp("Updated 2 hours ago") == DateStamp())
    }

    @Test func readsOrdinalSlashedAndZoneWordStamps() {
        #expect(stamp("Published on 18th September 2013") == DateStamp(date: "2013-09-18"))
        #expect(stamp("December 15th, 2008, 7:35 am") == DateStamp(date: "2008-12-15", time: "07:35"))
        // Month first, as US pages print it, unless the first number cannot be a month.
        #expect(stamp("Posted 2/3/2009 11:11 PM") == DateStamp(date: "2009-02-03", time: "23:11"))
        #expect(stamp("Posted 28/11/2005 7:21") == DateStamp(date: "2005-11-28", time: "07:21"))
        #expect(stamp("11/28/05") == DateStamp(date: "2005-11-28"))
        #expect(stamp("Updated: May 24, 2005, 3:23 PM ET") == DateStamp(date: "2005-05-24", time: "15:23"))
        #expect(stamp("Posted 13/13/2009") == nil)
        #expect(stamp("Published on 32nd May 2013") == nil)
    }

    @Test func readsTheDayInAPageAddress() {
        #expect(PageURLFinder.date(in: "https://www.example.com/news/2013/09/18/ie-patch/1") == "2013-09-18")
        #expect(PageURLFinder.date(in: "http://www.example.com/2009/POLITICS/03/03/species.act/") == "2009-03-03")
        #expect(PageURLFinder.date(in: "http://articles.example.com/2005/nov/28/world/quake28") == "2005-11-28")
        #expect(PageURLFinder.date(in: "http://example.com/sports/2009-02-03-williams-arrested_N.htm") == "2009-02-03")
        // A year alone, a year and month, an id that looks like a date, or the host: no day.
        #expect(PageURLFinder.date(in: "http://example.com/2008-articles/december/report.html") == nil)
        #expect(PageURLFinder.date(in: "http://example.com/2013/09/story.html") == nil)
        #expect(PageURLFinder.date(in: "http://example.com/news/20131301/story") == nil)
        #expect(PageURLFinder.date(in: "http://2013.example.com/") == nil)
        #expect(PageURLFinder.url(line: Array("https://example.com/a/b".unicodeScalars)) == "https://example.com/a/b")
        #expect(PageURLFinder.url(line: Array("See https://example.com for more".unicodeScalars)) == nil)
    }

    @Test func aPastedAddressDatesTheArticleAndLeavesTheText() throws {
        let document = try runText(
            "https://www.example.com/world/2013/09/26/turkmen-vote/\nTurkmenistan holds its first two-party election\n\nVoters in the capital queued for hours on Sunday, officials said.")
        #expect(document.metadata.publicationDate == "2013-09-26")
        #expect(document.metadata.dateSource == .url)
        #expect(document.metadata.url == "https://www.example.com/world/2013/09/26/turkmen-vote/")
        #expect(document.metadata.title == "Turkmenistan holds its first two-party election")
        #expect(document.text == "Voters in the capital queued for hours on Sunday, officials said.")
        // A printed stamp outranks the address.
        let stamped = try runText(
            "https://www.example.com/2013/09/26/vote/\nPosted 9/27/2013\n\nVoters in the capital queued for hours on Sunday, officials said.")
        #expect(stamped.metadata.publicationDate == "2013-09-27")
        #expect(stamped.metadata.dateSource == .stamp)
    }

    @Test func sentencesAreNotStamps() {
        #expect(stamp("The vote on 16 May 2025 was close.") == nil)
        #expect(stamp("Special Reports") == nil)
        #expect(stamp("In 2024") == nil)
        #expect(stamp("May 16") == nil)
        #expect(stamp("10:20 yesterday") == nil)
    }

    @Test func latestFullDateInText() {
        let paragraphs = [
            "Talks began on Feb. 24, 2022 and resumed on 3 March, 2023.",
            "A photo taken on 16 May, 2025, shows delegates; the 2025-04-30 report and May 2026 are ignored or earlier.",
        ].map { Array($0.unicodeScalars) }
        #expect(finder.latestFullDate(in: paragraphs) == "2025-05-16")
        #expect(finder.latestFullDate(in: [Array("No dates here, only 2024.".unicodeScalars)]) == nil)
    }

    @Test func suppliedDateWinsAndInvalidThrows() throws {
        let text = " date 2024-09-01 Voters in the capital queued for hours on Sunday, officials said."
        let supplied = try runText(text, publishedAt: "2024-09-02")
        #expect(supplied.metadata.publicationDate == "2024-09-02")
        #expect(supplied.metadata.dateSource == .supplied)
        #expect(supplied.metadata.publicationTime == nil)
        #expect(throws: PipelineError.invalidPublishedAt("02/09/2024")) { try runText(text, publishedAt: "02/09/2024") }
        let prefixed = try runText(text)
        #expect(prefixed.metadata.publicationDate == "2024-09-01")
        #expect(prefixed.metadata.dateSource == .prefix)
        #expect(prefixed.text == "Voters in the capital queued for hours on Sunday, officials said.")
    }

    @Test func stampTimeCompletesSameDay() throws {
        let document = try runText(
            "Posted 08:40 GMT+2, 2024-09-01\n\nVoters in the capital queued for hours on Sunday, officials said.",
            publishedAt: "2024-09-01")
        #expect(document.metadata.dateSource == .supplied)
        #expect(document.metadata.publicationTime == "08:40")
        #expect(document.metadata.timeZone == "+02:00")
    }

    @Test func relativeStampInfersFromLatestDate() throws {
        let text = """
            11:02 pm today

            By Sara Lind

            The court ruled on 2 June 2024 that the contract of 14 January 2019 was void, lawyers said.
            """
        let document = try runText(text)
        #expect(document.metadata.publicationDate == "2024-06-02")
        #expect(document.metadata.publicationTime == "23:02")
        #expect(document.metadata.dateSource == .inferred)
        #expect(document.metadata.byline == "By Sara Lind")
        #expect(document.text == "The court ruled on 2 June 2024 that the contract of 14 January 2019 was void, lawyers said.")
    }

    @Test func undatedTextIsUnknown() throws {
        let document = try runText("The court ruled on 2 June 2024 that the contract was void, lawyers said.")
        #expect(document.metadata.publicationDate == nil)
        #expect(document.metadata.dateSource == .unknown)
    }
}
