import ChronicleTestSupport
import Foundation
import Testing

@testable import ChronicleEvaluation
@testable import ChroniclePipeline

/// The SemEval-2015 Task 4 (TimeLine) harness: the CAT reader, the timeline format, the
/// temporal-awareness scorer on timelines written for these tests, and the timeline builder.
@Suite("SemEval-2015 TimeLine")
struct TimeLineTests {
    /// A Track A document in the corpus's CAT format, written for this test: a title, a date
    /// line, a body sentence with a PTB quote pair and a possessive, and the DCT markable.
    static let cat = """
        <?xml version="1.0" ?><Document doc_id="4242" doc_name="4242_Acme_buys_jets.txt" src_url="http://example.org/">
        <token number="0" sentence="0" t_id="1">Acme</token>
        <token number="1" sentence="0" t_id="2">buys</token>
        <token number="2" sentence="0" t_id="3">jets</token>
        <token number="3" sentence="1" t_id="4">May</token>
        <token number="4" sentence="1" t_id="5">2</token>
        <token number="5" sentence="1" t_id="6">,</token>
        <token number="6" sentence="1" t_id="7">2006</token>
        <token number="7" sentence="2" t_id="8">Acme</token>
        <token number="8" sentence="2" t_id="9">'s</token>
        <token number="9" sentence="2" t_id="10">chief</token>
        <token number="10" sentence="2" t_id="11">said</token>
        <token number="11" sentence="2" t_id="12">``</token>
        <token number="12" sentence="2" t_id="13">we</token>
        <token number="13" sentence="2" t_id="14">signed</token>
        <token number="14" sentence="2" t_id="15">''</token>
        <token number="15" sentence="2" t_id="16">(</token>
        <token number="16" sentence="2" t_id="17">today</token>
        <token number="17" sentence="2" t_id="18">)</token>
        <token number="18" sentence="2" t_id="19">.</token>
        <Markables>
        <TIMEX3 anchorTimeID="1" functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="2006-05-02">
        </TIMEX3>
        </Markables>
        </Document>

        """

    // MARK: - Reading the corpus

    @Test("a CAT document: id, DCT, tokens with sentences, a text written as news is, event names")
    func catDocument() throws {
        let document = try TimeLineDocument(Self.cat)
        #expect(document.id == "4242")
        #expect(document.name == "4242_Acme_buys_jets.txt")
        #expect(document.creationTime == "2006-05-02")
        #expect(document.tokens.count == 19)
        #expect(document.tokens.map(\.sentence) == [0, 0, 0, 1, 1, 1, 1] + Array(repeating: 2, count: 12))
        #expect(document.text == "Acme buys jets\nMay 2, 2006\nAcme's chief said \"we signed\" (today).")
        #expect(document.eventName(firstToken: 13) == "4242-2-signed")

        let alignment = document.alignment(to: document.text)
        #expect(alignment.alignedCount == 19)
        #expect(alignment.tokens(overlapping: TextSpan(start: 49, end: 55)) == [13])
    }

    @Test("a CAT document without doc_id is a format error; one without a DCT has none")
    func catErrors() throws {
        #expect(throws: TimeLineDocument.FormatError.self) {
            try TimeLineDocument(Self.cat.replacingOccurrences(of: #"doc_id="4242""#, with: ""))
        }
        let undated = try TimeLineDocument(Self.cat.replacingOccurrences(of: "CREATION_TIME", with: "NONE"))
        #expect(undated.creationTime == nil)
    }

    // MARK: - The timeline format

    static let ryanairLike = """
        Acme Air
        0\tXXXX-XX-XX\t11-3-orders
        1\t2005-XX-XX\t11-7-reported
        2\t2005-06-13\t11-2-exercising\t11-0-exercises
        2\t2005-06-13\t11-2-announced

        """

    @Test("a timeline reads back as written, mentions and all")
    func roundTrip() throws {
        let timeline = try TimeLine(parsing: Self.ryanairLike)
        #expect(timeline.entity == "Acme Air")
        #expect(timeline.entries.map(\.order) == [0, 1, 2, 2])
        #expect(timeline.entries.map(\.date) == ["XXXX-XX-XX", "2005-XX-XX", "2005-06-13", "2005-06-13"])
        #expect(timeline.entries[2].mentions == ["11-2-exercising", "11-0-exercises"])
        #expect(timeline.entries[2].event == "11-2-exercising")
        #expect(timeline.formatted == Self.ryanairLike)
        #expect(try TimeLine(parsing: timeline.formatted) == timeline)
        // Windows line ends and blank lines read the same.
        #expect(try TimeLine(parsing: Self.ryanairLike.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n") == timeline)
        #expect(TimeLine.fileName(for: "Boeing 787 Dreamliner") == "boeing_787_dreamliner.txt")
    }

    @Test("an entry without order, date and mention, or a file without an entity, is a format error")
    func formatErrors() {
        #expect(throws: TimeLine.FormatError.self) { try TimeLine(parsing: "Acme\n1\t2005-XX-XX\n") }
        #expect(throws: TimeLine.FormatError.self) { try TimeLine(parsing: "Acme\nfirst\t2005-XX-XX\t1-1-a\n") }
        #expect(throws: TimeLine.FormatError.self) { try TimeLine(parsing: "\n0\tXXXX-XX-XX\t1-1-a\n") }
    }

    // MARK: - The scorer

    /// `entries` as (order, date, event).
    static func timeline(_ entries: [(Int, String, String)]) -> TimeLine {
        TimeLine(entity: "Acme", entries: entries.map { TimeLine.Entry(order: $0.0, date: $0.1, mentions: [$0.2]) })
    }

    static let gold = timeline([(1, "2005-01-01", "A"), (2, "2005-02-01", "B"), (3, "2005-03-01", "C")])

    @Test("a timeline becomes date anchors and one BEFORE per step; implied relations are reduced away")
    func relations() {
        // A and B share an order and a date: both are anchored to it, so A SIMULTANEOUS B is implied.
        let graph = TimeLineGraph(Self.timeline([(0, "XXXX-XX-XX", "Z"), (1, "2005", "A"), (1, "2005", "B"), (2, "2006", "C")]))
        #expect(graph.relations.count == 5)
        #expect(
            graph.reduced.map(\.description) == [
                "A SIMULTANEOUS t:2005", "B SIMULTANEOUS t:2005", "C SIMULTANEOUS t:2006", "A BEFORE C",
            ])
        #expect(graph.entails(TimeLineRelation(.event("B"), .before, .event("C"))))
        #expect(graph.entails(TimeLineRelation(.event("B"), .simultaneous, .event("A"))))
        #expect(graph.entails(TimeLineRelation(.time("2005"), .before, .time("2006"))))
        #expect(!graph.entails(TimeLineRelation(.event("C"), .before, .event("A"))))
        #expect(!graph.entails(TimeLineRelation(.event("Z"), .before, .event("A"))))
    }

    @Test("identical timelines: P = R = F1 = 1")
    func identical() {
        let counts = TimeLineScorer.counts(gold: Self.gold, system: Self.gold)
        // A=t1, B=t2, C=t3, A<B, B<C.
        #expect(counts == TimeLineScorer.Counts(systemRelations: 5, systemVerified: 5, goldRelations: 5, goldVerified: 5))
        #expect(counts.precision == 1 && counts.recall == 1 && counts.f1 == 1)
    }

    @Test("two events swapped, with their dates: 2 of 5 relations right each way")
    func swappedPair() {
        let system = Self.timeline([(1, "2005-01-01", "A"), (2, "2005-02-01", "C"), (3, "2005-03-01", "B")])
        let counts = TimeLineScorer.counts(gold: Self.gold, system: system)
        // System A=t1, C=t2, B=t3, A<C, C<B: the gold verifies A=t1 and A<C (A<B<C).
        // Gold A=t1, B=t2, C=t3, A<B, B<C: the system verifies A=t1 and A<B (A<C<B).
        #expect(counts == TimeLineScorer.Counts(systemRelations: 5, systemVerified: 2, goldRelations: 5, goldVerified: 2))
        #expect(abs(counts.precision - 0.4) < 1e-12 && abs(counts.recall - 0.4) < 1e-12 && abs(counts.f1 - 0.4) < 1e-12)
    }

    @Test("a missing event: all the system says is right (P = 1), 2 of 5 gold relations found (R = 0.4)")
    func missingEvent() {
        let system = Self.timeline([(1, "2005-01-01", "A"), (2, "2005-03-01", "C")])
        let counts = TimeLineScorer.counts(gold: Self.gold, system: system)
        // System A=t1, C=t3, A<C all hold in the gold; of the gold's five, A=t1 and C=t3 hold in the
        // system (B is unknown to it). F1 = 2 * 1 * 0.4 / 1.4 = 4/7.
        #expect(counts == TimeLineScorer.Counts(systemRelations: 3, systemVerified: 3, goldRelations: 5, goldVerified: 2))
        #expect(abs(counts.f1 - 4.0 / 7.0) < 1e-12)
    }

    @Test("order-0 events without a date relate to nothing and change no score")
    func unanchoredEvents() {
        var gold = Self.gold
        gold.entries.insert(TimeLine.Entry(order: 0, date: TimeLine.unknownDate, mentions: ["Z"]), at: 0)
        var system = Self.gold
        system.entries.insert(TimeLine.Entry(order: 0, date: TimeLine.unknownDate, mentions: ["Y"]), at: 0)
        #expect(TimeLineScorer.counts(gold: gold, system: Self.gold).f1 == 1)
        #expect(TimeLineScorer.counts(gold: Self.gold, system: system).f1 == 1)
    }

    @Test("entities are micro-averaged; an entity the system has no timeline for scores as empty")
    func microAverage() {
        var scorer = TimeLineScorer()
        scorer.add(gold: Self.gold, system: Self.gold)
        scorer.add(gold: Self.gold, system: Self.timeline([(1, "2005-01-01", "A"), (2, "2005-03-01", "C")]))
        scorer.add(gold: Self.gold, system: nil)
        let total = scorer.total
        // System 5 + 3 + 0 relations, all right; gold 5 + 5 + 5, of which 5 + 2 + 0 found.
        #expect(total == TimeLineScorer.Counts(systemRelations: 8, systemVerified: 8, goldRelations: 15, goldVerified: 7))
        #expect(total.precision == 1)
        #expect(abs(total.recall - 7.0 / 15.0) < 1e-12)
        #expect(scorer.entities.map(\.missing) == [false, false, true])
        #expect(scorer.report().contains("micro-average"))
    }

    // MARK: - Building timelines

    @Test("TIMEX3 values as timeline dates, at the precision known, coarser first")
    func dates() throws {
        #expect(TimeLineDate(timexValue: "2005")?.text == "2005-XX-XX")
        #expect(TimeLineDate(timexValue: "2005-06")?.text == "2005-06-XX")
        #expect(TimeLineDate(timexValue: "2005-06-13T10:30")?.text == "2005-06-13")
        #expect(TimeLineDate(timexValue: "2005-W24")?.text == "2005-XX-XX")
        #expect(TimeLineDate(timexValue: "2005-Q3")?.text == "2005-XX-XX")
        #expect(TimeLineDate(timexValue: "PAST_REF") == nil)
        #expect(TimeLineDate(timexValue: "XXXX-06") == nil)
        #expect(TimeLineDate(timexValue: "P3Y") == nil)
        let sorted = try ["2005-01-29", "2005-01", "2004", "2005"].map { try #require(TimeLineDate(timexValue: $0)) }.sorted()
        #expect(sorted.map(\.text) == ["2004-XX-XX", "2005-XX-XX", "2005-01-XX", "2005-01-29"])
    }

    @Test("actors match the target by name, words, canonical name or capital initials, not by a longer name")
    func entityMatching() {
        var article = ArticleDocument(input: .text("Boeing Co. and the U.S. Air Force met."))
        article.text = "Boeing Co. and the U.S. Air Force met."
        let mentions = [
            EntityMention(span: TextSpan(start: 0, end: 10), text: "Boeing Co.", type: .organization, canonicalName: "The Boeing Company"),
            EntityMention(span: TextSpan(start: 19, end: 33), text: "U.S. Air Force", type: .organization),
        ]
        let boeing = TimeLineEntityMatcher(target: "Boeing", entities: mentions)
        #expect(boeing.matches(EventActor(role: "agent", name: "The Boeing Company"), in: article))
        #expect(boeing.matches(EventActor(role: "agent", name: "Boeing's"), in: article))
        #expect(!boeing.matches(EventActor(role: "agent", name: "Boeing 787 Dreamliner"), in: article))
        let airForce = TimeLineEntityMatcher(target: "United States Air Force", entities: mentions)
        #expect(airForce.matches(EventActor(role: "patient", name: "U.S. Air Force"), in: article))
        #expect(airForce.matches(EventActor(role: "patient", name: "Air Mobility", span: TextSpan(start: 19, end: 33)), in: article))
        #expect(airForce.matches(EventActor(role: "agent", name: "USAF"), in: article))
        #expect(!airForce.matches(EventActor(role: "agent", name: "Usaf"), in: article))
        let airbus = TimeLineEntityMatcher(target: "Airbus", entities: [])
        #expect(!airbus.matches(EventActor(role: "agent", name: "Airbus A380"), in: article))
    }

    @Test("events of the target, named by their first corpus token, ordered by date, undated at order 0")
    func builder() throws {
        let document = try TimeLineDocument(Self.cat)
        var article = ArticleDocument(input: .text(document.text))
        article.text = document.text
        // "buys" (title, 2006), "said" (the DCT), "signed" (no date), and "chief" with another actor.
        let acme = [EventActor(role: "agent", name: "Acme")]
        article.events = [
            EventMention(type: "MERGE", trigger: TextSpan(start: 5, end: 9), sentence: 0, actors: acme, time: "2006"),
            EventMention(type: "STATEMENT", trigger: TextSpan(start: 40, end: 44), sentence: 2, actors: acme, time: "2006-05-02"),
            EventMention(type: "AGREE", trigger: TextSpan(start: 49, end: 55), sentence: 2, actors: acme),
            EventMention(
                type: "APPOINT", trigger: TextSpan(start: 34, end: 39), sentence: 2, actors: [EventActor(role: "agent", name: "Zenith")],
                time: "2006"),
        ]
        var builder = TimeLineBuilder(targets: ["Acme", "Nobody"])
        builder.add(document, article: article)
        let timeline = builder.timeline(for: "Acme")
        #expect(
            timeline.formatted == """
                Acme
                0\tXXXX-XX-XX\t4242-2-signed
                1\t2006-XX-XX\t4242-0-buys
                2\t2006-05-02\t4242-2-said

                """)
        #expect(builder.timeline(for: "Nobody").entries.isEmpty)
        #expect(builder.triggers == 4 && builder.unalignedTriggers == 0)
    }
}

/// `../shared/data/semeval2015-timeline/corpus_1`, beside the seeds, if it is there.
let timeLineCorpusDirectory = SharedData.path("data/semeval2015-timeline/corpus_1")

@Suite(
    "SemEval-2015 TimeLine corpus 1",
    .enabled(if: timeLineCorpusDirectory != nil, "../shared/data/semeval2015-timeline/corpus_1 not found: TimeLine corpus test skipped"))
struct TimeLineCorpusTests {
    /// Counted outside this code: `ls corpus_trackA_CAT | wc -l` gives 30 files,
    /// `wc -l list_target_entities_corpus_1.txt` 13 lines, `ls TimeLines_Gold_Standard | wc -l` 13
    /// files, `grep -c CREATION_TIME corpus_trackA_CAT/*` one DCT in every file, and
    /// `awk 'FNR>1 && NF>0' TimeLines_Gold_Standard/*.txt | wc -l` 275 gold entries.
    @Test("30 documents, each with its id and DCT; 13 target entities, each with a gold timeline of 275 entries in all")
    func counts() throws {
        let corpus = TimeLineCorpus(directory: try #require(timeLineCorpusDirectory))
        let files = try corpus.documentFiles()
        #expect(files.count == 30)
        for file in files {
            let document = try TimeLineDocument(contentsOf: file)
            #expect(file.lastPathComponent.hasPrefix(document.id + "_"))
            #expect(document.creationTime.flatMap(TimeLineDate.init(timexValue:)) != nil, "\(file.lastPathComponent) has no DCT")
            #expect(!document.tokens.isEmpty)
        }
        let targets = try corpus.targetEntities()
        #expect(targets.count == 13)
        let gold = try TimeLineCorpus.timelines(in: corpus.goldDirectory)
        #expect(Set(gold.keys) == Set(targets.map(TimeLine.fileName(for:))))
        #expect(gold.values.reduce(0) { $0 + $1.entries.count } == 275)
    }
}
