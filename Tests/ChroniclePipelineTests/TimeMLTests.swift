import Foundation
import Testing

@testable import ChroniclePipeline

/// TimeML in and out, and the TempEval-3 measures, on documents written for these tests.
@Suite("TimeML and the TempEval-3 scorer")
struct TimeMLTests {
    static let source = """
        <?xml version="1.0" ?>
        <TimeML>
        <DOCID>TEST-1</DOCID>
        <DCT><TIMEX3 tid="t0" type="DATE" value="2025-05-17" functionInDocument="CREATION_TIME">20250517</TIMEX3></DCT>
        <TEXT>
        The envoys <EVENT eid="e1" class="OCCURRENCE">met</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2025-05-16">Friday</TIMEX3> for \
        <TIMEX3 tid="t2" type="DURATION" value="PT90M">90 minutes</TIMEX3> &amp; agreed to meet <TIMEX3 tid="t3" type="DATE" value="FUTURE_REF">soon</TIMEX3>.
        </TEXT>
        </TimeML>
        """

    @Test("plain text, creation time and gold timexes with scalar offsets; other tags and entities handled")
    func reading() throws {
        let document = try TimeMLDocument(Self.source)
        #expect(document.id == "TEST-1")
        #expect(document.creationTime == "2025-05-17")
        #expect(document.text == "\nThe envoys met on Friday for 90 minutes & agreed to meet soon.\n")
        #expect(document.timexes.map { "\($0.text)|\($0.type)|\($0.value)|\($0.span.start)" } == [
            "Friday|DATE|2025-05-16|19", "90 minutes|DURATION|PT90M|30", "soon|DATE|FUTURE_REF|58",
        ])
    }

    @Test("the writer puts a system's timexes back, and what it writes reads back the same")
    func roundTrip() throws {
        let document = try TimeMLDocument(Self.source)
        let system = TemporalTagger().timexes(in: document.text, documentCreationTime: document.creationTime)
        let written = TimeMLWriter.document(document, timexes: system)
        #expect(written.contains(#"<TIMEX3 tid="t1" type="DATE" value="2025-05-16">Friday</TIMEX3>"#))
        #expect(written.contains("&amp; agreed"))
        #expect(!written.contains("EVENT"))
        let again = try TimeMLDocument(written)
        #expect(again.text == document.text)
        #expect(again.creationTime == "2025-05-17")
        #expect(again.timexes.map(\.span) == system.map(\.span))
        #expect(again.timexes.map(\.value) == system.map(\.value))
    }

    @Test("strict, relaxed, type and value scores, counted by hand")
    func scores() {
        func gold(_ start: Int, _ end: Int, _ type: String, _ value: String) -> TimeMLDocument.Timex {
            TimeMLDocument.Timex(tid: "t", span: TextSpan(start: start, end: end), text: "", type: type, value: value)
        }
        func system(_ start: Int, _ end: Int, _ type: TimexType, _ value: String) -> TimexMention {
            TimexMention(span: TextSpan(start: start, end: end), text: "", type: type, value: value)
        }
        var scorer = TempEvalScorer()
        // Gold: three timexes. System: an exact match, an overlap with the wrong value and type, a spurious one.
        scorer.add(
            document: "a",
            gold: [gold(0, 6, "DATE", "2025-05-16"), gold(10, 20, "DURATION", "PT90M"), gold(30, 34, "DATE", "FUTURE_REF")],
            system: [system(0, 6, .date, "2025-05-16"), system(13, 20, .date, "PT1H"), system(40, 45, .date, "2025")])
        let total = scorer.total
        #expect(total.gold == 3 && total.system == 3 && total.strict == 1 && total.relaxed == 2 && total.type == 1 && total.value == 1)
        #expect(abs(total.f1(total.strict) - 1.0 / 3.0) < 1e-9)
        #expect(abs(total.f1(total.relaxed) - 2.0 / 3.0) < 1e-9)
        #expect(abs(total.accuracy(total.value) - 0.5) < 1e-9)
        #expect(scorer.differences.map(\.kind) == [.span, .type, .value, .missed, .spurious])
        #expect(scorer.report().contains("relaxed       0.6667    0.6667    0.6667"))
    }
}

/// The scores on TempEval-3's training data (TimeBank and AQUAINT), the figures the README gives.
@Suite("TempEval-3 training data", .enabled(if: tempEvalAvailable, "../shared/data/tempeval3 not found: TempEval-3 score test skipped"))
struct TempEvalScoreTests {
    @Test("relaxed span F1 at least 0.92 and strict at least 0.85 on TBAQ-cleaned")
    func scores() throws {
        let root = try #require(tempEvalDirectory)
        let files = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".tml") }
        var scorer = TempEvalScorer()
        let tagger = TemporalTagger()
        for file in files {
            let document = try TimeMLDocument(contentsOf: root.appendingPathComponent(file))
            scorer.add(document: file, gold: document.timexes, system: tagger.timexes(in: document.text, documentCreationTime: document.creationTime))
        }
        #expect(scorer.total.gold == 1822)
        #expect(scorer.total.f1(scorer.total.relaxed) >= 0.92)
        #expect(scorer.total.f1(scorer.total.strict) >= 0.85)
        #expect(scorer.total.f1(scorer.total.value) >= 0.79)
    }
}
