import Foundation
import Testing

@testable import ChroniclePipeline

@Suite("ArticleDocument stored form")
struct ArticleDocumentCodingTests {
    @Test("a processed document survives encoding and decoding unchanged, tokens stored as offsets")
    func roundTrip() throws {
        let input = ArticleInput(
            body: .text("Türkiye’s envoy met 1,000 people on Friday. “We agreed,” he said.\n\nTalks resume soon."),
            source: "Wire", publishedAt: "2025-05-16")
        let document = try Pipeline.standard().run(input)
        let data = try JSONEncoder().encode(document)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["tokens"] == nil)
        #expect((json["token_spans"] as? [Int])?.count == document.tokens.count * 2)
        let decoded = try JSONDecoder().decode(ArticleDocument.self, from: data)
        #expect(decoded == document)
        #expect(decoded.tokens.map(\.text).prefix(4) == ["Türkiye", "’s", "envoy", "met"])
    }

    @Test("token offsets outside the text are rejected, not trusted")
    func corruptSpans() throws {
        var document = try Pipeline.standard().run(.text("A short report arrived today."))
        document.tokens.append(Token(span: TextSpan(start: 0, end: 999), text: "x"))
        let data = try JSONEncoder().encode(document)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ArticleDocument.self, from: data) }
    }

    @Test("the text under a span that runs past the text is cut at its end")
    func spanPastTheEnd() {
        var document = ArticleDocument(input: .text("One."))
        document.text = "Öne."
        #expect(document.text(of: TextSpan(start: 0, end: 2)) == "Ön")
        #expect(document.text(of: TextSpan(start: 2, end: 10)) == "e.")
        #expect(document.text(of: TextSpan(start: 7, end: 9)) == "")
    }

    @Test("spans are scalar offsets in every script: the byte count cut agrees with the scalar view on each span")
    func spansInMixedScripts() {
        var document = ArticleDocument(input: .text("x"))
        // Two-, three- and four-byte scalars, a combining accent, a flag and a zero-width joiner.
        document.text = "Kyiv, Київ — 東京 e\u{301}t\u{E9} 🇺🇦 a\u{200D}b."
        let scalars = Array(document.text.unicodeScalars)
        #expect(document.text(of: TextSpan(start: 6, end: 10)) == "Київ")
        #expect(document.text(of: TextSpan(start: 13, end: 15)) == "東京")
        for start in 0...scalars.count + 1 {
            for end in start...scalars.count + 2 {
                let expected = String(String.UnicodeScalarView(scalars[min(start, scalars.count)..<min(end, scalars.count)]))
                #expect(document.text(of: TextSpan(start: start, end: end)) == expected, "\(start)..<\(end)")
            }
        }
    }
}
