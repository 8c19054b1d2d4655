import Testing

@testable import ChroniclePipeline

struct TokenizerTests {
    func tokens(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return Tokenizer().tokens(in: scalars, range: 0..<scalars.count).map {
            String(String.UnicodeScalarView(scalars[$0]))
        }
    }

    @Test func numbersKeepSeparators() {
        #expect(tokens("On 2025-05-16 at 23:35, 1,000 people paid 3.5% more (12,5 and 16/05/2025).") == [
            "On", "2025-05-16", "at", "23:35", ",", "1,000", "people", "paid", "3.5", "%", "more", "(", "12", ",", "5",
            "and", "16/05/2025", ")", ".",
        ])
    }

    @Test func hyphenatedWordsStayWhole() {
        #expect(tokens("A two-hour, face-to-face 1,000-for-1,000 swap - or not – agreed.") == [
            "A", "two-hour", ",", "face-to-face", "1,000-for-1,000", "swap", "-", "or", "not", "–", "agreed", ".",
        ])
    }

    @Test func possessivesAndCliticsSplit() {
        #expect(tokens("Türkiye’s envoy, Russia's team and the soldiers’ families don't agree; O'Brien and Jing'an do.") == [
            "Türkiye", "’s", "envoy", ",", "Russia", "'s", "team", "and", "the", "soldiers", "’", "families", "do",
            "n't", "agree", ";", "O'Brien", "and", "Jing'an", "do", ".",
        ])
    }

    @Test func quotesAndAbbreviations() {
        #expect(tokens("“It’s over,” said Mr. Diaz of the U.S. team...") == [
            "“", "It", "’s", "over", ",", "”", "said", "Mr.", "Diaz", "of", "the", "U.S.", "team", "...",
        ])
        #expect(tokens("Feb. 24 — J. R. Tarrant (UTC+8)") == ["Feb.", "24", "—", "J.", "R.", "Tarrant", "(", "UTC", "+", "8", ")"])
    }

    @Test func nonLatinScriptsAndSymbols() {
        #expect(tokens("→ 上海 news ■") == ["→", "上海", "news", "■"])
    }

    @Test func tokenOffsetsMatchText() throws {
        let document = try runText("Café owners in Zürich’s old town, 2,500 of them, met at 7:30 — “finally.” Prices rose 4.2%.")
        checkSegments(document)
        #expect(document.tokens.map(\.text) == [
            "Café", "owners", "in", "Zürich", "’s", "old", "town", ",", "2,500", "of", "them", ",", "met", "at", "7:30", "—",
            "“", "finally", ".", "”", "Prices", "rose", "4.2", "%", ".",
        ])
        let zurich = try #require(document.tokens.first { $0.text == "’s" })
        #expect(zurich.span == TextSpan(start: 21, end: 23))
        #expect(document.sentences.count == 2)
    }
}
