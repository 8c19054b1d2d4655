import ChronicleTestSupport
import Foundation
import Testing

@testable import ChronicleEvaluation
@testable import ChroniclePipeline

/// TimeML in and out, and the TempEval-3 measures, on documents written for these tests.
@Suite("TimeML and the TempEval-3 scorer")
struct TimeMLTests {
    /// EVENT and SIGNAL tags around and between the timexes, entities (one a combining accent, so
    /// scalar and character offsets differ), a single-quoted attribute and a mod.
    static let source = """
        <?xml version="1.0" ?>
        <TimeML>
        <DOCID>TEST-1</DOCID>
        <DCT><TIMEX3 tid="t0" type="DATE" value="2025-05-17" temporalFunction="false" functionInDocument="CREATION_TIME">20250517</TIMEX3></DCT>
        <TITLE>Talks &amp; more</TITLE>
        <TEXT>
        The envoys <EVENT eid="e1" class="OCCURRENCE">met</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2025-05-16">Friday</TIMEX3> \
        <SIGNAL sid="s1">for</SIGNAL> <TIMEX3 tid="t2" type="DURATION" value="PT90M" mod="MORE_THAN">more than 90 minutes</TIMEX3> \
        &amp; <EVENT eid="e2" class="REPORTING">said</EVENT> &quot;Cafe&#x301; &lt;soon&gt;&quot;, <TIMEX3 tid='t3' type="DATE" value="FUTURE_REF">soon</TIMEX3>.
        </TEXT>
        <MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
        <MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST" aspect="PERFECTIVE" polarity="NEG" modality="would" pos="VERB"/>
        <MAKEINSTANCE eventID="e2" eiid="ei3" tense="FUTURE" aspect="NONE" polarity="POS" pos="VERB"/>
        </TimeML>

        """

    static let plainText = "\nThe envoys met on Friday for more than 90 minutes & said \"Cafe\u{301} <soon>\", soon.\n"

    @Test("plain text, creation time and gold timexes with scalar offsets; other tags and entities handled")
    func reading() throws {
        let document = try TimeMLDocument(Self.source)
        #expect(document.id == "TEST-1")
        #expect(document.creationTime == "2025-05-17")
        #expect(document.text == Self.plainText)
        #expect(document.text.unicodeScalars.count == 80)
        #expect(document.timexes.map(\.tid) == ["t1", "t2", "t3"])
        #expect(document.timexes.map(\.span) == [TextSpan(start: 19, end: 25), TextSpan(start: 30, end: 50), TextSpan(start: 74, end: 78)])
        #expect(document.timexes.map(\.text) == ["Friday", "more than 90 minutes", "soon"])
        #expect(document.timexes.map(\.type) == ["DATE", "DURATION", "DATE"])
        #expect(document.timexes.map(\.value) == ["2025-05-16", "PT90M", "FUTURE_REF"])
        #expect(document.timexes.map(\.mod) == [nil, "MORE_THAN", nil])
        let scalars = Array(document.text.unicodeScalars)
        for timex in document.timexes {
            #expect(String(String.UnicodeScalarView(scalars[timex.span.start..<timex.span.end])) == timex.text)
        }
        #expect(document.head.hasPrefix("<?xml") && document.head.hasSuffix("<TEXT>"))
        #expect(document.tail.hasPrefix("</TEXT>\n<MAKEINSTANCE") && document.tail.hasSuffix("</TimeML>\n"))
    }

    @Test("gold events with their class, and tense, aspect, polarity and modality from their first instance")
    func events() throws {
        let document = try TimeMLDocument(Self.source)
        #expect(document.events == [
            TimeMLDocument.Event(
                eid: "e1", span: TextSpan(start: 12, end: 15), text: "met", eventClass: "OCCURRENCE", tense: "PAST", aspect: "NONE",
                polarity: "POS", partOfSpeech: "VERB"),
            TimeMLDocument.Event(
                eid: "e2", span: TextSpan(start: 53, end: 57), text: "said", eventClass: "REPORTING", tense: "PAST", aspect: "PERFECTIVE",
                polarity: "NEG", modality: "would", partOfSpeech: "VERB"),
        ])
        // An EVENT overlapping a TIMEX3 closes each where it ends.
        let overlapping = try TimeMLDocument("<TimeML><TEXT><EVENT eid=\"e1\" class=\"STATE\">a <TIMEX3 tid=\"t1\">b</EVENT> c</TIMEX3></TEXT></TimeML>")
        #expect(overlapping.events.map(\.span) == [TextSpan(start: 0, end: 3)])
        #expect(overlapping.timexes.map(\.span) == [TextSpan(start: 2, end: 5)])
        #expect(throws: TimeMLDocument.FormatError.self) { try TimeMLDocument("<TimeML><TEXT>a </EVENT></TEXT></TimeML>") }
    }

    @Test("the creation time is the CREATION_TIME TIMEX3 of <DCT>; comments, CDATA, quoted '>', empty TIMEX3, CRLF")
    func variations() throws {
        let source =
            "<TimeML>\r\n<DCT><TIMEX3 tid=\"t9\" type=\"DATE\" value=\"1998-01-01\" functionInDocument=\"NONE\">x</TIMEX3>"
            + "<TIMEX3 tid=\"t0\" type=\"TIME\" value=\"1998-08-07T06:18\" functionInDocument=\"CREATION_TIME\">y</TIMEX3></DCT>\r\n"
            + "<TEXT lang=\"en\">\r\nA <!-- note <TIMEX3> -->b<![CDATA[ <c> & ]]>d "
            + "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998\" comment=\"a > b\">last year</TIMEX3>"
            + "<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"1999\"/> &#65;&#x42; &bogus; AT&T\r\n</TEXT></TimeML>"
        let document = try TimeMLDocument(source)
        #expect(document.creationTime == "1998-08-07T06:18")
        #expect(document.id == nil)
        #expect(document.text == "\r\nA b <c> & d last year AB &bogus; AT&T\r\n")
        #expect(document.timexes.count == 1)
        #expect(document.timexes.first?.span == TextSpan(start: 14, end: 23))
        #expect(document.timexes.first?.text == "last year")
        #expect(document.head.hasSuffix("<TEXT lang=\"en\">"))
    }

    @Test("files without TEXT or with an unclosed TIMEX3 are rejected")
    func malformed() {
        #expect(throws: TimeMLDocument.FormatError.self) { try TimeMLDocument("<TimeML><DCT></DCT></TimeML>") }
        #expect(throws: TimeMLDocument.FormatError.self) {
            try TimeMLDocument("<TimeML><TEXT>on <TIMEX3 tid=\"t1\">Friday</TEXT></TimeML>")
        }
        #expect(throws: TimeMLDocument.FormatError.self) { try TimeMLDocument("<TimeML><TEXT>on <TIMEX3 tid=\"t1\"") }
    }

    @Test("events are written as EVENT tags with their instances; the gold instances go, and what is written reads back the same")
    func writesEvents() throws {
        let document = try TimeMLDocument(Self.source)
        let gold = document.timexes.map {
            TimexMention(span: $0.span, text: $0.text, type: TimexType(rawValue: $0.type)!, value: $0.value, mod: $0.mod)
        }
        let events = [
            TimeMLWriter.Event(
                span: TextSpan(start: 53, end: 57), eventClass: "REPORTING", tense: "PAST", aspect: "PERFECTIVE", polarity: "NEG",
                modality: "would", partOfSpeech: "VERB"),
            TimeMLWriter.Event(span: TextSpan(start: 20, end: 25), eventClass: "OCCURRENCE"),  // inside the timex "Friday": left out
            TimeMLWriter.Event(
                span: TextSpan(start: 12, end: 15), eventClass: "OCCURRENCE", tense: "PAST", aspect: "NONE", polarity: "POS",
                partOfSpeech: "VERB"),
        ]
        let written = TimeMLWriter.document(document, timexes: gold, events: events)
        #expect(written.contains(#"The envoys <EVENT eid="e1" class="OCCURRENCE">met</EVENT> on <TIMEX3 tid="t1""#))
        #expect(written.contains(#"&amp; <EVENT eid="e2" class="REPORTING">said</EVENT> "Cafe\#u{301} &lt;soon&gt;""#))
        #expect(written.hasSuffix("""
            </TEXT>
            <MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
            <MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST" aspect="PERFECTIVE" polarity="NEG" modality="would" pos="VERB"/>
            </TimeML>

            """))
        let again = try TimeMLDocument(written)
        #expect(again.text == document.text && again.timexes == document.timexes)
        #expect(again.events.map(\.span) == [TextSpan(start: 12, end: 15), TextSpan(start: 53, end: 57)])
        #expect(again.events.map(\.mention.attributes) == [
            ["class": "OCCURRENCE", "tense": "PAST", "aspect": "NONE", "polarity": "POS", "modality": "NONE"],
            ["class": "REPORTING", "tense": "PAST", "aspect": "PERFECTIVE", "polarity": "NEG", "modality": "would"],
        ])
    }

    @Test("polarity is unreliable in a file that marks most of its events NEG")
    func polarityReliability() throws {
        let document = try TimeMLDocument(Self.source)
        #expect(document.events.compactMap(\.polarity) == ["POS", "NEG"] && document.polarityIsReliable)
        let broken = try TimeMLDocument(Self.source.replacingOccurrences(of: #"polarity="POS""#, with: #"polarity="NEG""#))
        #expect(!broken.polarityIsReliable)
        var score = EventScore()
        score.add(document: broken, system: broken.events.map(\.mention))
        #expect(score.attributeGold["polarity"] == nil && score.attributeGold["tense"] == 2)
    }

    @Test("the writer puts a system's timexes in place of the gold tags, and what it writes reads back the same")
    func roundTrip() throws {
        let document = try TimeMLDocument(Self.source)
        func mention(_ start: Int, _ end: Int, _ type: TimexType, _ value: String, _ mod: String? = nil) -> TimexMention {
            let scalars = Array(document.text.unicodeScalars)[start..<end]
            return TimexMention(span: TextSpan(start: start, end: end), text: String(String.UnicodeScalarView(scalars)), type: type, value: value, mod: mod)
        }
        // Out of order; "Friday" loses to the longer "on Friday" starting with it, "90 minutes" to
        // the earlier "for more than 90 minutes", and an empty span is dropped.
        let system = [
            mention(74, 78, .date, "FUTURE_REF"), mention(19, 25, .date, "2025-05-16"), mention(16, 25, .date, "2025-05-16"),
            mention(26, 50, .duration, "PT90M", "MORE_THAN"), mention(40, 50, .duration, "PT90M"), mention(53, 72, .date, "a\"<&>b"),
            mention(60, 60, .date, "X"),
        ]
        let kept = TimeMLWriter.kept(system, textLength: document.text.unicodeScalars.count)
        #expect(kept.map(\.span.start) == [16, 26, 53, 74])
        let written = TimeMLWriter.document(document, timexes: system)
        #expect(written.hasPrefix(document.head) && written.hasSuffix(document.tail))
        #expect(written.contains(#"<TIMEX3 tid="t1" type="DATE" value="2025-05-16">on Friday</TIMEX3>"#))
        #expect(written.contains(#"<TIMEX3 tid="t2" type="DURATION" value="PT90M" mod="MORE_THAN">for more than 90 minutes</TIMEX3>"#))
        #expect(written.contains(#"<TIMEX3 tid="t3" type="DATE" value="a&quot;&lt;&amp;&gt;b">said "Cafe\#u{301} &lt;soon&gt;"</TIMEX3>"#))
        #expect(written.contains(#"</TIMEX3>, <TIMEX3 tid="t4" type="DATE" value="FUTURE_REF">soon</TIMEX3>."#))
        #expect(!written.contains("EVENT") && !written.contains("SIGNAL"))
        let again = try TimeMLDocument(written)
        #expect(again.text == document.text)
        #expect(again.id == "TEST-1")
        #expect(again.creationTime == "2025-05-17")
        #expect(again.timexes.map(\.span) == kept.map(\.span))
        #expect(again.timexes.map(\.text) == kept.map(\.text))
        #expect(again.timexes.map(\.type) == kept.map(\.type.rawValue))
        #expect(again.timexes.map(\.value) == kept.map(\.value))
        #expect(again.timexes.map(\.mod) == kept.map(\.mod))

        // The gold timexes written back read as they were.
        let gold = document.timexes.map {
            TimexMention(span: $0.span, text: $0.text, type: TimexType(rawValue: $0.type)!, value: $0.value, mod: $0.mod)
        }
        let goldAgain = try TimeMLDocument(TimeMLWriter.document(document, timexes: gold))
        #expect(goldAgain.text == document.text)
        #expect(goldAgain.timexes == document.timexes)
    }

    static func gold(_ start: Int, _ end: Int, _ type: String, _ value: String) -> TimeMLDocument.Timex {
        TimeMLDocument.Timex(tid: "t", span: TextSpan(start: start, end: end), text: "", type: type, value: value)
    }

    static func system(_ start: Int, _ end: Int, _ type: TimexType, _ value: String) -> TimexMention {
        TimexMention(span: TextSpan(start: start, end: end), text: "", type: type, value: value)
    }

    @Test("strict, relaxed, type and value scores, counted by hand and summed over documents")
    func scores() {
        var scorer = TempEvalScorer()
        // a: an exact match, an overlap with the right type and a wrong value, a miss and a spurious one.
        scorer.add(
            document: "a",
            gold: [Self.gold(0, 6, "DATE", "2025-05-16"), Self.gold(10, 20, "DURATION", "PT90M"), Self.gold(30, 34, "DATE", "FUTURE_REF")],
            system: [Self.system(40, 45, .date, "2025"), Self.system(0, 6, .date, "2025-05-16"), Self.system(13, 20, .duration, "PT1H")])
        var a = TempEvalScorer.Counts()
        (a.gold, a.system, a.strict, a.relaxed, a.type, a.value) = (3, 3, 1, 2, 2, 1)
        #expect(scorer.total == a)
        #expect(abs(a.f1(a.strict) - 1.0 / 3) < 1e-12)
        #expect(abs(a.f1(a.relaxed) - 2.0 / 3) < 1e-12)
        #expect(abs(a.f1(a.type) - 2.0 / 3) < 1e-12 && a.accuracy(a.type) == 1)
        #expect(abs(a.f1(a.value) - 1.0 / 3) < 1e-12 && a.accuracy(a.value) == 0.5)

        // b: two system timexes overlap one gold one: the first pairs with it, the second is spurious.
        scorer.add(
            document: "b", gold: [Self.gold(5, 15, "DATE", "1998-08")],
            system: [Self.system(5, 10, .date, "1998-08"), Self.system(10, 15, .date, "1998-XX")])
        let total = scorer.total
        #expect([total.gold, total.system, total.strict, total.relaxed, total.type, total.value] == [Int]([4, 5, 1, 3, 3, 2]))
        // strict: P 1/5, R 1/4; relaxed and type: P 3/5, R 3/4; value: P 2/5, R 2/4.
        #expect(abs(total.precision(total.strict) - 0.2) < 1e-12 && abs(total.recall(total.strict) - 0.25) < 1e-12)
        #expect(abs(total.f1(total.strict) - 2.0 / 9) < 1e-12)
        #expect(abs(total.precision(total.relaxed) - 0.6) < 1e-12 && abs(total.recall(total.relaxed) - 0.75) < 1e-12)
        #expect(abs(total.f1(total.relaxed) - 2.0 / 3) < 1e-12)
        #expect(abs(total.f1(total.type) - 2.0 / 3) < 1e-12 && total.accuracy(total.type) == 1)
        #expect(abs(total.f1(total.value) - 4.0 / 9) < 1e-12 && abs(total.accuracy(total.value) - 2.0 / 3) < 1e-12)
        // The scorer's attribute F1 is accuracy times relaxed F1.
        #expect(abs(total.f1(total.value) - total.accuracy(total.value) * total.f1(total.relaxed)) < 1e-12)

        #expect(scorer.documents.map(\.name) == ["a", "b"])
        #expect(scorer.documents[0].counts == a)
        #expect(scorer.differences.map(\.kind) == [.span, .value, .missed, .spurious, .span, .spurious])
        #expect(scorer.differences.map(\.document) == ["a", "a", "a", "a", "b", "b"])
        #expect(scorer.differences[3].gold == nil && scorer.differences[3].system?.value == "2025")
        #expect(scorer.differences[5].gold?.value == "1998-08" && scorer.differences[5].system?.value == "1998-XX")

        let report = scorer.report()
        #expect(report.contains("documents 2, gold timexes 4, system timexes 5"))
        #expect(report.contains("strict         1    0.2000    0.2500    0.2222"))
        #expect(report.contains("relaxed        3    0.6000    0.7500    0.6667"))
        #expect(report.contains("type           3    0.6000    0.7500    0.6667    1.0000"))
        #expect(report.contains("value          2    0.4000    0.5000    0.4444    0.6667"))
        #expect(scorer.documentReport().split(separator: "\n").last == "b\t1\t2\t0\t1\t1\t1\t0.0000\t0.6667\t0.6667")
    }

    @Test("no timexes on either side scores F1 1, as the official scorer does; empty extents match nothing")
    func edges() {
        var scorer = TempEvalScorer()
        scorer.add(document: "empty", gold: [], system: [])
        #expect(scorer.total.f1(scorer.total.relaxed) == 1 && scorer.total.precision(scorer.total.relaxed) == 0)
        scorer.add(document: "point", gold: [Self.gold(3, 3, "DATE", "1998")], system: [Self.system(2, 5, .date, "1998")])
        #expect(scorer.total.relaxed == 0 && scorer.total.gold == 1 && scorer.total.system == 1)
        #expect(scorer.total.f1(scorer.total.relaxed) == 0)
    }
}

/// The scores on TempEval-3's training data (TimeBank and AQUAINT), the figures the README gives.
@Suite("TempEval-3 training data", .enabled(if: tempEvalDirectory != nil, "../shared/data/tempeval3 not found: TempEval-3 score test skipped"))
struct TempEvalScoreTests {
    @Test("relaxed span F1 at least 0.92 and strict at least 0.85 on TBAQ-cleaned")
    func scores() throws {
        let root = try #require(tempEvalDirectory)
        let files = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".tml") }
        var scorer = TempEvalScorer()
        let tagger = try TemporalTagger()
        for file in files {
            let document = try TimeMLDocument(contentsOf: root.appendingPathComponent(file))
            scorer.add(document: file, gold: document.timexes, system: tagger.timexes(in: document.text, documentCreationTime: document.creationTime))
        }
        #expect(scorer.total.gold == 1822)
        #expect(scorer.total.f1(scorer.total.relaxed) >= 0.92)
        #expect(scorer.total.f1(scorer.total.strict) >= 0.85)
        #expect(scorer.total.f1(scorer.total.value) >= 0.79)
    }

    @Test("every EVENT in the TEXT of TBAQ-cleaned is read, over its text, with one of the seven classes and its instance's tense")
    func events() throws {
        let root = try #require(tempEvalDirectory)
        let files = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".tml") }
        var tags = 0
        var instanced = 0
        var read: [TimeMLDocument.Event] = []
        for file in files {
            let url = root.appendingPathComponent(file)
            let source = try String(contentsOf: url, encoding: .utf8)
            // Counted in the raw file: the EVENT tags inside <TEXT>, and those of them with a
            // MAKEINSTANCE (a few of the corpus's events have none).
            let inside = source.components(separatedBy: "<TEXT>").dropFirst().first?.components(separatedBy: "</TEXT>").first ?? ""
            let eids = inside.components(separatedBy: "<EVENT eid=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            tags += eids.count
            instanced += eids.filter { source.contains("eventID=\"\($0)\"") }.count
            let document = try TimeMLDocument(contentsOf: url)
            let scalars = Array(document.text.unicodeScalars)
            for event in document.events {
                #expect(String(String.UnicodeScalarView(scalars[event.span.start..<event.span.end])) == event.text, "\(file) \(event.eid)")
            }
            read += document.events
        }
        #expect(read.count == tags)
        #expect(tags > 11_000)
        let classes: Set = ["OCCURRENCE", "REPORTING", "STATE", "I_ACTION", "I_STATE", "ASPECTUAL", "PERCEPTION"]
        #expect(read.filter { !classes.contains($0.eventClass) }.isEmpty)
        #expect(read.filter { $0.tense != nil }.count == instanced)
    }
}
