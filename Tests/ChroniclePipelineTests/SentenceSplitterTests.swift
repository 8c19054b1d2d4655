import Testing

@testable import ChroniclePipeline

struct SentenceSplitterTests {
    func split(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return SentenceSplitter().sentences(in: scalars, range: 0..<scalars.count).map {
            String(String.UnicodeScalarView(scalars[$0]))
        }
    }

    @Test func plainSentences() {
        #expect(split("The vote passed. Turnout was low! Was it fair? Nobody knows.") == [
            "The vote passed.", "Turnout was low!", "Was it fair?", "Nobody knows.",
        ])
    }

    @Test func abbreviationsDoNotEndSentences() {
        #expect(split("Mr. Oduya met Dr. Lim at St. Mary's on Feb. 3, 2021. They spoke for an hour.") == [
            "Mr. Oduya met Dr. Lim at St. Mary's on Feb. 3, 2021.", "They spoke for an hour.",
        ])
        #expect(split("The U.S. Treasury and the U.K. Cabinet Office agreed.") == [
            "The U.S. Treasury and the U.K. Cabinet Office agreed.",
        ])
    }

    @Test func ambiguousAbbreviationEndsBeforeSentenceStarter() {
        #expect(split("The delegation flew to the U.S. The talks begin at 9 a.m. Officials were upbeat.") == [
            "The delegation flew to the U.S.", "The talks begin at 9 a.m.", "Officials were upbeat.",
        ])
    }

    @Test func initialsAndDecimals() {
        #expect(split("The novel by J. R. Tarrant sold 2.5 million copies. Sales rose 3.5% in May.") == [
            "The novel by J. R. Tarrant sold 2.5 million copies.", "Sales rose 3.5% in May.",
        ])
    }

    @Test func quotesEndingSentences() {
        #expect(split("\"We are ready to sign,\" said Aline Moreau. The signing is set for Monday.") == [
            "\"We are ready to sign,\" said Aline Moreau.", "The signing is set for Monday.",
        ])
        #expect(split("“Talks will continue,” the envoy added. “We expect results.” A date was not given.") == [
            "“Talks will continue,” the envoy added.", "“We expect results.”", "A date was not given.",
        ])
        #expect(split("He called the plan “a first step.” Critics disagreed.") == [
            "He called the plan “a first step.”", "Critics disagreed.",
        ])
    }

    @Test func shortAttributionStaysWithQuotation() {
        #expect(split("\"The bridge is safe.\" Kohl added. Traffic resumed.") == [
            "\"The bridge is safe.\" Kohl added.", "Traffic resumed.",
        ])
    }

    @Test func lowerCaseAfterStopOrEllipsisContinues() {
        #expect(split("They made demands... such as a withdrawal. \"Why?\" he asked.") == [
            "They made demands... such as a withdrawal.", "\"Why?\" he asked.",
        ])
        #expect(split("Officials (Aspects. – Ed.) of the plan met.") == ["Officials (Aspects. – Ed.) of the plan met."])
    }

    @Test func lastSentenceWithoutStopAndSpaces() {
        #expect(split("  First one.   Second without a stop  ") == ["First one.", "Second without a stop"])
        #expect(split("Ends with a number 2024. 2025 will be different.") == [
            "Ends with a number 2024.", "2025 will be different.",
        ])
    }
}
