import ChroniclePipeline
import Testing

@testable import ChronicleKnowledge

/// The compact forms the store keeps its per-article data in give back exactly what they took.
@Suite("Compact store forms: token spans, event keys, copy buckets, event times")
struct CompactIndexTests {
    @Test("event times read from the bytes give the days the general path gives")
    func eventTimesQuickly() {
        let quick = [
            "2025", "2024-02", "2025-02", "2025-12", "2025-05-16", "2024-02-29", "2025-02-30", "2025-12-31", "2025-05-16T10:00", "1999-01-00",
            "2025-05-16é",
        ]
        for value in quick {
            let fast = EventTime.parsedQuickly(value)
            #expect(fast != nil, "\(value)")
            if let fast { #expect(fast == EventTime.parsedGenerally(value), "\(value)") }
        }
        #expect(EventTime("2024-02").lastDay == EventTime("2024-02-29").day)
        #expect(EventTime("2025-05-16").day == 20_224)
        // Other shapes take the general path.
        for value in ["2025-13", "2025-W20", "PRESENT_REF", "XXXX-05-11", "2025-5", "2025-05-16-x", "٢٠٢٥", "2025-SU", "20250516"] {
            #expect(EventTime.parsedQuickly(value) == nil, "\(value)")
        }
        #expect(EventTime("2025-W20").firstDay == nil)
    }

    @Test("token spans come back as they went in: overlapping, empty, far apart, and their text")
    func tokenSpans() {
        let spans = [
            TextSpan(start: 0, end: 5), TextSpan(start: 6, end: 6), TextSpan(start: 4, end: 9), TextSpan(start: 200_000, end: 200_300),
            TextSpan(start: 1 << 33, end: (1 << 33) + 2),
        ]
        let compact = TokenSpans(spans, count: spans.count)
        #expect(compact.count == 5)
        #expect(compact.spans == spans)
        let text = "Ünïcødé 🎉 text"
        let tokens = [Token(span: TextSpan(start: 0, end: 7), text: "Ünïcødé"), Token(span: TextSpan(start: 8, end: 9), text: "🎉"),
                      Token(span: TextSpan(start: 10, end: 14), text: "text")]
        #expect(TokenSpans(tokens).tokens(in: text) == tokens)
        #expect(TokenSpans([]).isEmpty)
    }

    @Test("a stored record keeps its tokens and events apart and gives the document back whole")
    func recordTokens() throws {
        let document = try Pipeline.standard().run(ArticleInput(
            body: .text("The council of Port Vale met on Tuesday and approved a budget of $4 million, the mayor said."), publishedAt: "2026-03-04"))
        #expect(document.tokens.count == 21)
        #expect(document.events.map(\.lemma) == ["meet", "approve", "budget", "say"])
        let record = ArticleRecord(id: "art_1", sequence: 1, contentHash: 1, receivedAt: "2026-03-04T10:00:00Z", document: document)
        #expect(record.document.tokens.isEmpty && record.document.events.isEmpty)
        #expect(record.tokenSpans.count == 21)
        #expect(Array(record.events) == document.events)
        #expect(record.events[1] == document.events[1])
        #expect(StoredEvents(record.events) == record.events)
        #expect(record.fullDocument == document)
        #expect(ExtractionCounts(record) == ExtractionCounts(document))
    }

    @Test("event keys order by sequence then index, and clamp what no article has")
    func eventKeys() {
        let key = EventKey(sequence: 123_456_789, index: 42)
        #expect(key.sequence == 123_456_789 && key.index == 42)
        #expect(EventKey(sequence: 5, index: 9) < EventKey(sequence: 6, index: 0))
        #expect(EventKey(sequence: 5, index: 1) < EventKey(sequence: 5, index: 2))
        #expect(EventKey(sequence: .max, index: -3) == EventKey(sequence: (1 << 40) - 1, index: 0))
        #expect(EventKey(sequence: 7, index: .max).index == (1 << 24) - 1)
        #expect(EventKey(sequence: 7, index: .max) < EventKey(sequence: 8, index: 0))
    }

    @Test("copy buckets: oldest first, the newest few, every entry of an article removed")
    func copyBuckets() {
        var buckets = CopyBuckets<String>()
        #expect(buckets.entries(in: 1, newest: 5) == [])
        for article in ["a", "b", "c", "b"] { buckets.add(article, to: 1) }
        buckets.add("z", to: 2)
        #expect(buckets.entries(in: 1, newest: 5) == ["a", "b", "c", "b"])
        #expect(buckets.entries(in: 1, newest: 4) == ["a", "b", "c", "b"])
        #expect(buckets.entries(in: 1, newest: 3) == ["b", "c", "b"])
        #expect(buckets.entries(in: 1, newest: 2) == ["c", "b"])
        #expect(buckets.entries(in: 1, newest: 0) == [])
        buckets.remove(from: 1) { $0 == "a" }
        #expect(buckets.entries(in: 1, newest: 5) == ["b", "c", "b"])
        buckets.remove(from: 1) { $0 == "b" }
        #expect(buckets.entries(in: 1, newest: 5) == ["c"])
        buckets.remove(from: 1) { $0 == "c" }
        #expect(buckets.entries(in: 1, newest: 5) == [])
        #expect(buckets.entries(in: 2, newest: 5) == ["z"])
    }

    @Test("MinHash similarity counts the positions that agree, sixteen at a time")
    func minHashSimilarity() {
        let words = (0..<200).map { "w\($0 % 37)x\($0)" }
        let signature = MinHashSignature(words: words)
        #expect(signature.similarity(to: signature) == 1)
        #expect(signature.similarity(to: MinHashSignature(words: (0..<200).map { "other\($0)" })) == 0)
        #expect(signature.similarity(to: MinHashSignature(words: ["too", "few"])) == 0)
        // Against a position-by-position count, for texts sharing more or less of their wording.
        for kept in [20, 100, 150, 190] {
            let other = MinHashSignature(words: Array(words.prefix(kept)) + (0..<(200 - kept)).map { "new\($0)" })
            let agreeing = zip(signature.values, other.values).filter { $0 == $1 }.count
            #expect(signature.similarity(to: other) == Double(agreeing) / 64, "kept \(kept)")
        }
    }

    @Test("merged event ids name their first mention and lead back to it")
    func mergedEventIDs() {
        #expect(MergedEvent.id(article: "art_00ab", index: 3) == "mev_00ab.e3")
        #expect(MergedEvent.firstMention(ofID: "mev_00ab.e3")?.article == "art_00ab")
        #expect(MergedEvent.firstMention(ofID: "mev_00ab_17.e12")?.index == 12)
        #expect(MergedEvent.firstMention(ofID: "mev_00ab_17.e12")?.article == "art_00ab_17")
        #expect(MergedEvent.firstMention(ofID: "mev_00ab") == nil)
        #expect(MergedEvent.firstMention(ofID: "evt_00ab.e1") == nil)
    }
}
