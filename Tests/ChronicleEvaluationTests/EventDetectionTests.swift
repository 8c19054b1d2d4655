import ChronicleFoundation
import ChronicleTestSupport
import Foundation
import Testing

@testable import ChronicleEvaluation
@testable import ChroniclePipeline

@Suite struct PlainTextSegmenterTests {
    @Test("sentences and tokens keep their offsets into the text; blank lines end paragraphs")
    func keepsOffsets() {
        let text = "Talks began on Monday.\n\n  \nThe rebels agreed to a truce. Officials said so\nlater."
        let (sentences, tokens) = PlainTextSegmenter().segment(text)
        let scalars = Array(text.unicodeScalars)
        #expect(sentences.map { tokens[$0.tokens].map(\.text).joined(separator: " ") } == [
            "Talks began on Monday .", "The rebels agreed to a truce .", "Officials said so later .",
        ])
        for token in tokens { #expect(String(String.UnicodeScalarView(scalars[token.span.start..<token.span.end])) == token.text) }
        #expect(tokens[5].span == TextSpan(start: 27, end: 30))  // "The"
    }
}

@Suite struct EventScoreTests {
    @Test("strict, relaxed and class counts: an exact match, an overlap with the wrong class, a miss and a spurious event")
    func counts() {
        func mention(_ start: Int, _ end: Int, _ eventClass: String) -> EventScore.Mention {
            EventScore.Mention(span: TextSpan(start: start, end: end), attributes: ["class": eventClass])
        }
        var score = EventScore()
        score.add(
            gold: [mention(0, 5, "OCCURRENCE"), mention(10, 20, "STATE"), mention(30, 34, "REPORTING")],
            system: [mention(0, 5, "OCCURRENCE"), mention(12, 16, "OCCURRENCE"), mention(40, 44, "REPORTING")])
        #expect(score.gold == 3 && score.system == 3 && score.strict == 1 && score.relaxed == 2)
        #expect(score.attributeMatches == ["class": 1])
        #expect(abs(score.relaxedF1 - 2.0 / 3.0) < 1e-12 && abs(score.classF1 - 1.0 / 3.0) < 1e-12)
    }
}

@Suite struct EventDetectionTests {
    static let source = """
        <?xml version="1.0" ?>
        <TimeML>
        <DCT><TIMEX3 tid="t0" type="DATE" value="2025-05-17" functionInDocument="CREATION_TIME">20250517</TIMEX3></DCT>
        <TEXT>
        The envoys <EVENT eid="e1" class="OCCURRENCE">met</EVENT> in Geneva.

        Officials <EVENT eid="e2" class="REPORTING">said</EVENT> the <EVENT eid="e3" class="OCCURRENCE">cease-fire talks</EVENT> would <EVENT eid="e4" class="ASPECTUAL">resume</EVENT>.
        </TEXT>
        <MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
        </TimeML>
        """

    @Test("gold events become IOB2 tags over the tokens they cover")
    func goldTags() throws {
        let document = EventCorpus.document(
            name: "fixture.tml", timeML: try TimeMLDocument(Self.source), segmenter: PlainTextSegmenter(),
            parser: try ShallowParser.bundled.get(), workspace: &Self.workspace)
        #expect(document.sentences.map(\.words) == [
            ["The", "envoys", "met", "in", "Geneva", "."], ["Officials", "said", "the", "cease-fire", "talks", "would", "resume", "."],
        ])
        #expect(document.gold == [
            ["O", "O", "B-OCCURRENCE", "O", "O", "O"],
            ["O", "B-REPORTING", "O", "B-OCCURRENCE", "I-OCCURRENCE", "O", "B-ASPECTUAL", "O"],
        ])
    }

    nonisolated(unsafe) static var workspace = ShallowParser.Workspace(parser: try! ShallowParser.bundled.get())

    @Test("the bundled tagger finds verbs, event nouns and reporting verbs of any domain, with their classes")
    func bundledTagger() throws {
        let parser = try ShallowParser.bundled.get()
        let tagger = try EventTagger.bundled.get()
        var workspace = EventTagger.Workspace(tagger: tagger)
        func events(_ sentence: String, offsets: [Float]? = nil) -> [String] {
            let parsed = parser.parse(sentence.split(separator: " ").map(String.init))
            return tagger.events(in: parsed, workspace: &workspace, offsets: offsets).map {
                parsed.words[$0.tokens].joined(separator: " ") + ":" + $0.eventClass
            }
        }
        #expect(events("The company said on Tuesday that it had acquired a rival for $ 2 billion .")
            == ["said:REPORTING", "acquired:OCCURRENCE"])
        // As the event stage runs it, leaning towards events (`EventDetection`): "match", whose
        // first WordNet sense is a matchstick, is an event of sports news there.
        let lean = try EventDetection.bundled.get().offsets(tags: tagger.model.tags)
        #expect(events("The striker scored twice before the match was suspended .", offsets: lean)
            == ["scored:OCCURRENCE", "match:OCCURRENCE", "suspended:OCCURRENCE"])
        func attributes(_ sentence: String) -> [String] {
            let parsed = parser.parse(sentence.split(separator: " ").map(String.init))
            return tagger.events(in: parsed, workspace: &workspace).map {
                [parsed.words[$0.tokens].joined(separator: " "), $0.tense, $0.aspect, $0.polarity, $0.modality].map { $0 ?? "-" }
                    .joined(separator: " ")
            }
        }
        #expect(attributes("The board had not approved the deal , and the bank could still sue .") == [
            "approved PAST PERFECTIVE NEG NONE", "deal NONE NONE POS NONE", "sue NONE NONE POS could",
        ])
        // TimeML's I_ACTION: an action about another event ("prevent", "block", "agree").
        #expect(events("Investors want the court to block the merger .") == ["want:I_STATE", "block:I_ACTION", "merger:OCCURRENCE"])
    }
}
