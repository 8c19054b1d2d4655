import ChronicleFoundation
import Foundation
import Testing

@testable import ChroniclePipeline

/// Articles written for these tests, on other topics than the seeds: the ontology and the
/// argument rules are not tuned to one story.
@Suite("Event extraction")
struct EventStageTests {
    func run(_ text: String, _ date: String) throws -> ArticleDocument {
        try Pipeline.standard().run(ArticleInput(body: .text(text), publishedAt: date))
    }

    func expect(_ document: ArticleDocument, _ expectations: [EventExpectation], sourceLocation: SourceLocation = #_sourceLocation) {
        for expectation in expectations {
            #expect(document.events.contains { expectation.matches($0) }, "missing \(expectation) in \(describeEvents(document))", sourceLocation: sourceLocation)
        }
    }

    @Test("an election: who won, who conceded, when the vote was held")
    func election() throws {
        let document = try run(
            """
            Maria Santos was elected president of Chile on Sunday, winning 54 percent of the vote. \
            Her rival, Jorge Vidal, conceded defeat late on Sunday. \
            Santos said she would meet opposition leaders in Santiago next week.
            """, "2026-03-10")
        expect(document, [
            EventExpectation(type: "ELECT", roles: ["patient": ["Chile"]], time: "2026-03-08", modality: .asserted),
            EventExpectation(type: "MEET", roles: ["participant": ["Maria Santos"]], place: "Santiago", time: "2026-W12", modality: .planned),
            EventExpectation(type: "STATEMENT", roles: ["agent": ["Maria Santos"]]),
        ])
    }

    @Test("an earthquake: the disaster, its toll, and aid")
    func earthquake() throws {
        let document = try run(
            """
            A magnitude 6.8 earthquake struck central Peru on Tuesday, killing at least 35 people. \
            Japan sent emergency aid to Peru on Wednesday, the foreign ministry in Tokyo said.
            """, "2026-07-16")
        expect(document, [
            EventExpectation(type: "DISASTER", time: "2026-07-14", modality: .asserted),
            EventExpectation(type: "CASUALTIES", quantity: (35, "people")),
            EventExpectation(type: "AID", roles: ["agent": ["Japan"]], time: "2026-07-15"),
        ])
    }

    @Test("a merger: the deal, its price, a denial")
    func merger() throws {
        let document = try run(
            """
            Nordwind AG agreed to acquire Helios Energy for $4.2 billion on Monday, the companies said. \
            Helios shareholders will vote on the merger in March. \
            A spokesman for Nordwind said the firms have not discussed job cuts.
            """, "2026-01-13")
        expect(document, [
            EventExpectation(type: "AGREE", roles: ["participant": ["Nordwind AG"]], time: "2026-01-12", modality: .asserted),
            EventExpectation(type: "MERGE", roles: ["participant": ["Nordwind AG"]], modality: .planned),
            EventExpectation(type: "MERGE", time: "2026-03", modality: .planned),
        ])
        // The price is the deal's; the PROPOSE, AGREE and MERGE around it share nothing else.
        let merge = try #require(document.events.first { $0.type == "MERGE" })
        #expect(merge.quantities.map(\.value) == [4_200_000_000])
        #expect(merge.quantities.first?.unit == "USD")
    }

    @Test("negation, proposals and demands")
    func modality() throws {
        let document = try run(
            """
            The two leaders have not met since 2019. \
            Brazil proposed talks between Argentina and Chile. \
            Protesters demanded the release of the detained journalists.
            """, "2026-05-01")
        expect(document, [
            EventExpectation(type: "MEET", modality: .negated),
            EventExpectation(type: "PROPOSE", roles: ["agent": ["Brazil"]], modality: .asserted),
            EventExpectation(type: "MEET", roles: ["participant": ["Argentina", "Chile"]], modality: .proposed),
            EventExpectation(type: "PROPOSE", time: "2026-05-01", modality: .asserted),
            EventExpectation(type: "RELEASE", modality: .demanded),
        ])
    }

    @Test("quotations: split around 'he said', after and before the attribution, according to")
    func quotations() throws {
        let document = try run(
            """
            "We will rebuild every school," said Governor Ana Ortiz. "Nobody will be left behind," she added.

            Police chief Tom Berg said: "The roads are closed."

            "It is too early to count the damage," according to city engineer Lena Holm.
            """, "2026-07-16")
        #expect(document.quotations.map(\.text) == [
            "We will rebuild every school,", "Nobody will be left behind,", "The roads are closed.", "It is too early to count the damage,",
        ])
        #expect(document.quotations.map(\.speaker) == ["Ana Ortiz", "Ana Ortiz", "Tom Berg", "Lena Holm"])
        #expect(document.quotations.map(\.verb) == ["said", "added", "said", "according to"])
    }

    @Test("the speaker said the words, the channel passes them on; a short quote after an article or before a noun is a quoted term")
    func speakersChannelsAndTerms() throws {
        let document = try run(
            """
            Mayor Ana Ortiz said "the bridge will open in May", according to Reuters. "We are ready," Ortiz said, according to AFP.

            The council urged a "strong reaction" and promised a "peaceful" end to the strike. Ortiz described the plan as "historic".
            """, "2026-07-16")
        #expect(document.quotations.map(\.text) == ["the bridge will open in May", "We are ready,", "historic"])
        #expect(document.quotations.map(\.speaker) == ["Ana Ortiz", "Ana Ortiz", "Ana Ortiz"])
        #expect(document.quotations.map(\.verb) == ["said", "said", "described"])
        #expect(document.quotations.map(\.reportedBy) == ["Reuters", "AFP", nil])
        #expect(document.quotedTerms.map(\.text) == ["strong reaction", "peaceful"])
        for term in document.quotedTerms { #expect(document.text(of: term.span) == term.text) }
    }

    @Test("the ontology lists every type the lexicon uses, with CAMEO and ACE codes where they exist")
    func ontology() throws {
        let ontology = EventOntology.shared
        #expect(ontology.version == "2")
        #expect(ontology.type(named: "MEET")?.cameo == "04")
        #expect(ontology.type(named: "MEET")?.ace == "Contact.Meet")
        #expect(ontology.type(named: "ANNEX")?.ace == nil)
        let names = Set(ontology.types.map(\.name))
        let used = Set(try ResourceReader.pipeline.rows("events/event_triggers.tsv", columns: 2...3).map { $0[0] })
        #expect(used.isSubset(of: names))
        #expect(EventLexicon.shared.covers(word: "met"))
        #expect(EventLexicon.shared.covers(word: "swapped"))
        #expect(!EventLexicon.shared.covers(word: "weather"))
    }

    @Test("inflections follow English spelling")
    func inflections() {
        let inflector = Inflector.shared
        #expect(inflector.verbForms("agree") == ["agree", "agrees", "agreed", "agreeing"])
        #expect(inflector.verbForms("swap") == ["swap", "swaps", "swapped", "swapping"])
        #expect(inflector.verbForms("visit") == ["visit", "visits", "visited", "visiting"])
        #expect(inflector.verbForms("open") == ["open", "opens", "opened", "opening"])
        #expect(inflector.verbForms("apply") == ["apply", "applies", "applied", "applying"])
        #expect(inflector.verbForms("meet") == ["meet", "meets", "met", "met", "meeting"])
        #expect(inflector.nounForms("body") == ["body", "bodies"])
        #expect(inflector.nounForms("remains") == ["remains"])
    }
}

/// Random sentences made of trigger words, names, quotes, numbers, dates and punctuation: the
/// events stage must never crash, and every span it writes must lie inside the text.
@Suite("Event extraction on random input")
struct EventFuzzTests {
    static let vocabulary = [
        "Russia", "Ukraine", "Putin", "Medinsky", "Kyiv", "the", "Kremlin", "met", "talks", "agreed", "to", "exchange", "prisoners",
        "swap", "said", "he", "it", "its", "which", ",", ".", "\"", "“", "”", "''", "``", "according", "between", "and", "with",
        "by", "mediated", "on", "Friday", "in", "March", "2022", "1,000", "1,000-for-1,000", "30-day", "two-hour", "90", "minutes",
        "not", "would", "proposed", "request", "annexed", "invasion", "received", "remains", "of", "909", "soldiers", "from",
        "week", "following", "that", "who", "chaired", ":", ";", "'s", "$", "million", "percent", "a", "an", "took", "note",
    ]

    @Test("3,000 random articles", arguments: [UInt64(1), 2, 3])
    func randomArticles(seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        for _ in 0..<1000 {
            let count = Int(generator.next() % 40) + 1
            let words = (0..<count).map { _ in Self.vocabulary[Int(generator.next() % UInt64(Self.vocabulary.count))] }
            let text = words.joined(separator: generator.next() % 5 == 0 ? "\n\n" : " ")
            guard let document = try? Pipeline.standard().run(ArticleInput(body: .text(text), publishedAt: "2025-05-16")) else { continue }
            let length = document.text.unicodeScalars.count
            for event in document.events {
                #expect(event.trigger.start <= event.trigger.end && event.trigger.end <= length)
                #expect(event.quantities.allSatisfy { $0.span.end <= length })
                if let content = event.content { #expect(content.start <= content.end && content.end <= length) }
            }
            #expect(document.quotations.allSatisfy { $0.span.start <= $0.span.end && $0.span.end <= length })
        }
    }
}

@Suite("Event extraction: words that only look like triggers")
struct EventFalseTriggerTests {
    @Test("a capitalized 'States' inside a name is no verb of saying; an aircraft order is a purchase with its count")
    func names() throws {
        let document = try Pipeline.standard().run(ArticleInput(
            body: .text("United States airframer Boeing has announced a new jet. The carrier ordered 20 jets from Airbus."), publishedAt: "2026-02-01"))
        #expect(!document.events.contains { $0.type == "STATEMENT" && document.text(of: $0.trigger) == "States" })
        let order = try #require(document.events.first { $0.type == "PURCHASE" })
        #expect(document.text(of: order.trigger) == "ordered")
        #expect(order.quantities.map(\.value) == [20])
    }
}
