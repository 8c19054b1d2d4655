import ChroniclePipeline
import Testing

@testable import ChronicleKnowledge

@Suite("Stories")
struct StoryTests {
    static let pipeline = try! Pipeline.standard()

    func profile(_ id: String, _ text: String, _ date: String?, source: String? = nil) throws -> ArticleProfile {
        let document = try Self.pipeline.run(ArticleInput(body: .text(text), source: source, publishedAt: date))
        return ArticleProfile(articleID: id, document: document) { "\($0.type.rawValue):\($0.canonicalName.lowercased())" }
    }

    @Test("one happening told twice is one story; the same kind of happening to other people or years is another")
    func grouping() throws {
        var clusterer = StoryClusterer()
        let first = try profile(
            "art_1",
            "Actress Maria Lenz checked into a rehabilitation clinic in Malibu on Monday, her publicist Tom Reed said. Lenz, 34, entered the clinic voluntarily.",
            "2024-03-05")
        let second = try profile(
            "art_2",
            "Maria Lenz has entered rehab in Malibu, publicist Tom Reed confirmed on Monday. The actress checked in voluntarily, Reed said.",
            "2024-03-05")
        let other = try profile(
            "art_3",
            "Singer Paul Okafor checked into a rehabilitation facility in Arizona on Friday, his manager Ann Cole said. Okafor, 41, entered treatment voluntarily.",
            "2024-03-09")
        let quake2023 = try profile(
            "art_4", "A magnitude 6.4 earthquake struck central Chile on Tuesday, killing 12 people, officials in Santiago said.", "2023-04-11")
        let quake2025 = try profile(
            "art_5", "A magnitude 6.1 earthquake struck central Chile on Tuesday, killing 9 people, officials in Santiago said.", "2025-06-10")
        let a = clusterer.add(first)
        let b = clusterer.add(second)
        let c = clusterer.add(other)
        let d = clusterer.add(quake2023)
        let e = clusterer.add(quake2025)
        #expect(a.isNew && !b.isNew && b.story == a.story)
        #expect(c.isNew && c.story != a.story)
        #expect(d.isNew && e.isNew && d.story != e.story)
        #expect(b.copyOf == nil)
        // Removing an article takes it out; the last one takes the story with it.
        #expect(clusterer.remove(articleID: "art_2") == a.story)
        #expect(clusterer.articles(of: a.story) == ["art_1"])
        clusterer.remove(articleID: "art_1")
        #expect(clusterer.articles(of: a.story).isEmpty)
    }

    /// Undated reports of two title defences by one boxer: one kind of happening, two opponents,
    /// two cities, two rounds.
    static let defences = [
        "Viktor Baranov defended his heavyweight title by stopping Luis Ortega in the seventh round in Hamburg on Saturday. Ortega was down twice before the referee waved it off.",
        "Heavyweight champion Viktor Baranov stopped challenger Luis Ortega in round seven at the Hamburg arena. Baranov dropped Ortega twice and kept all three belts.",
        "Luis Ortega lasted until the seventh round against Viktor Baranov in Hamburg, where the champion retained his heavyweight belts with a stoppage.",
        "In Hamburg, Baranov beat Ortega by a seventh-round stoppage to keep his heavyweight title; Ortega complained about the referee.",
        "Viktor Baranov retained his heavyweight titles with a fourth-round knockout of Sam Whitfield in Bern on Saturday night. Whitfield never recovered from a left hook.",
        "Sam Whitfield was knocked out in the fourth round by heavyweight champion Viktor Baranov in Bern, Switzerland. Baranov kept his belts.",
        "Champion Viktor Baranov needed four rounds to knock out Sam Whitfield at the Bern stadium and keep his heavyweight belts. Whitfield had promised an upset.",
        "In Bern, Baranov knocked out Whitfield with a left hook in round four, defending his heavyweight title for the tenth time.",
    ]

    @Test("a story holding two happenings of one kind splits in two as it grows, and stays split")
    func splitting() throws {
        let profiles = try Self.defences.enumerated().map { try profile("art_\($0.offset)", $0.element, nil) }
        // Arriving alternately, each report looks most like the story so far.
        let order = [0, 4, 1, 5, 2, 6, 3, 7]
        var whole = StoryClusterer()
        whole.settings.splitRatio = 0
        for index in order { whole.add(profiles[index]) }
        #expect(whole.storyIDs.count == 1)
        var clusterer = StoryClusterer()
        var splits: [[String]] = []
        for index in order {
            let assignment = clusterer.add(profiles[index])
            if !assignment.split.isEmpty { splits.append(assignment.split) }
        }
        #expect(splits.count == 1)
        let hamburg = try #require(clusterer.story(of: "art_0"))
        let bern = try #require(clusterer.story(of: "art_4"))
        #expect(hamburg != bern)
        #expect(Set(clusterer.articles(of: hamburg)) == ["art_0", "art_1", "art_2", "art_3"])
        #expect(Set(clusterer.articles(of: bern)) == ["art_4", "art_5", "art_6", "art_7"])
        // The story keeps the id of its first report; the other side is named after its own.
        #expect(splits.first == [hamburg, bern])
        #expect(hamburg == "sto_0")
        #expect(bern == "sto_4")
    }

    @Test("a report is about the person its headline names first, not one its body names as often")
    func mainPerson() throws {
        let text = """
            Carl Wendt, Senator Hale's former aide, dies at 81

            Carl Wendt, a longtime aide to Senator Ruth Hale who ran her campaign office, has died at his home in Dover.
            Wendt worked for Hale for twenty years. Hale called him loyal. Wendt later ran a law firm in Dover.
            """
        let document = try Self.pipeline.run(ArticleInput(body: .text(text)))
        #expect(document.metadata.title == "Carl Wendt, Senator Hale's former aide, dies at 81")
        let profile = ArticleProfile(articleID: "art_1", document: document) { "\($0.type.rawValue):\($0.canonicalName.lowercased())" }
        #expect(profile.mainPerson == "PERSON:carl wendt")
        // Without the headline the two are named as often: nobody stands out.
        let untitled = ArticleProfile(articleID: "art_2", document: try Self.pipeline.run(ArticleInput(body: .text(text), title: "Obituaries"))) {
            "\($0.type.rawValue):\($0.canonicalName.lowercased())"
        }
        #expect(untitled.mainPerson == nil)
    }

    @Test("a profile counts amounts and words, not years, short words or mixed tokens, in any script", arguments: [
        ("25", .amount), ("1,200", .amount), ("2025", .other), ("1850", .amount), ("7", .other), ("3rd", .amount),
        ("talks", .word), ("co-op", .word), ("ab", .other), ("x2y", .other), ("über", .word), ("٣٤", .amount), ("", .other),
        ("naïve-ish", .word), ("o'neil", .other),
    ] as [(String, ArticleProfile.WordKind)])
    func wordKinds(word: String, kind: ArticleProfile.WordKind) {
        #expect(ArticleProfile.kind(of: word) == kind)
    }

    @Test("a syndicated copy with another headline and footer is a copy of the original")
    func copies() throws {
        var clusterer = StoryClusterer()
        let text = """
            Delegations of Northland and Southland concluded their meeting in Geneva on Friday, agreeing to hold a new round \
            of negotiations and to exchange 500 prisoners each in the coming weeks. The talks lasted three hours, officials said.
            """
        let original = try profile("art_a", text, "2025-05-16", source: "Wire")
        let copy = try profile("art_b", "Northland, Southland agree on swap\n\n" + text + "\n\nSource: Wire. Editor: J. Doe", "2025-05-16", source: "Daily")
        let first = clusterer.add(original)
        let second = clusterer.add(copy)
        #expect(second.story == first.story)
        #expect(second.copyOf == "art_a")
    }

    @Test("different mediators are a conflict, unless one is the other's minister")
    func mediators() {
        let span = TextSpan(start: 0, end: 5)
        let parties = [EventActor(role: "participant", name: "Northland"), EventActor(role: "participant", name: "Southland")]
        func talks(_ article: String, _ mediator: String, _ affiliations: [String: String] = [:]) -> MentionFacts {
            MentionFacts(
                articleID: article, sequence: 0, index: 0,
                event: EventMention(type: "MEET", trigger: span, sentence: 0, actors: parties + [EventActor(role: "mediator", name: mediator)],
                                    time: "2025-05-16", timeSource: .sentence),
                source: article, origin: article, publicationDate: "2025-05-16", affiliations: affiliations)
        }
        var agreeing = StoryEvents()
        EventMerger.merge([talks("art_1", "Westland"), talks("art_2", "Ann Field", ["Ann Field": "Westland"])], into: &agreeing)
        #expect(agreeing.count == 1 && agreeing[0].conflicts.isEmpty)
        var disagreeing = StoryEvents()
        EventMerger.merge([talks("art_1", "Westland"), talks("art_2", "Eastland")], into: &disagreeing)
        #expect(disagreeing.count == 1)
        #expect(disagreeing[0].conflicts.map(\.attribute) == ["actor:mediator"])
        #expect(disagreeing[0].conflicts.first?.sides.map(\.value) == ["Westland", "Eastland"])
    }

    @Test("reports naming different attackers disagree; in talks, any party in common agrees")
    func participants() {
        let span = TextSpan(start: 0, end: 5)
        func mention(_ article: String, _ type: String, _ actors: [(String, String)], _ affiliations: [String: String] = [:]) -> MentionFacts {
            MentionFacts(
                articleID: article, sequence: 0, index: 0,
                event: EventMention(type: type, trigger: span, sentence: 0, actors: actors.map { EventActor(role: $0.0, name: $0.1) },
                                    time: "2025-05-16", timeSource: .sentence),
                source: article, origin: article, publicationDate: "2025-05-16", affiliations: affiliations)
        }
        var shelling = StoryEvents()
        EventMerger.merge([
            mention("art_1", "ATTACK", [("agent", "Northland"), ("patient", "Port Vale")]),
            mention("art_2", "ATTACK", [("agent", "Southland"), ("patient", "Port Vale")]),
            mention("art_3", "ATTACK", [("patient", "Port Vale")]),
        ], into: &shelling)
        #expect(shelling.count == 1)
        #expect(shelling.first?.conflicts.map(\.attribute) == ["actor:agent"])
        #expect(shelling.first?.conflicts.first?.sides.map(\.value) == ["Northland", "Southland"])
        #expect(shelling.first?.conflicts.first?.sides.map { $0.reports.map(\.articleID) } == [["art_1"], ["art_2"]])
        // A general and the army he commands are one side.
        var commanded = StoryEvents()
        EventMerger.merge([
            mention("art_1", "ATTACK", [("agent", "Northland"), ("patient", "Port Vale")]),
            mention("art_2", "ATTACK", [("agent", "Gen. Ann Holt"), ("patient", "Port Vale")], ["Gen. Ann Holt": "Northland"]),
        ], into: &commanded)
        #expect(commanded.count == 1 && commanded[0].conflicts.isEmpty)
        // Talks: who is "agent" and who "participant" depends on the sentence, not the facts.
        var talks = StoryEvents()
        EventMerger.merge([
            mention("art_1", "MEET", [("agent", "Northland"), ("participant", "Southland")]),
            mention("art_2", "MEET", [("agent", "Southland"), ("participant", "Northland"), ("participant", "Westland")]),
        ], into: &talks)
        #expect(talks.count == 1 && talks[0].conflicts.isEmpty)
        // A demand by each side is two demands, not one with two speakers.
        var demands = StoryEvents()
        EventMerger.merge([
            mention("art_1", "DEMAND", [("agent", "Northland"), ("patient", "Southland")]),
            mention("art_2", "DEMAND", [("agent", "Southland"), ("patient", "Northland")]),
            mention("art_3", "DEMAND", [("agent", "Northland")]),
        ], into: &demands)
        #expect(demands.map { $0.articles.map(\.articleID) } == [["art_1", "art_3"], ["art_2"]])
    }

    @Test("a place and the city a report names beside it are one place; two cities are a conflict")
    func places() {
        let span = TextSpan(start: 0, end: 5)
        let parties = [EventActor(role: "participant", name: "Northland"), EventActor(role: "participant", name: "Southland")]
        func talks(_ article: String, at place: String, beside nearby: Set<String> = []) -> MentionFacts {
            MentionFacts(
                articleID: article, sequence: 0, index: 0,
                event: EventMention(type: "MEET", trigger: span, sentence: 0, actors: parties, place: place, time: "2025-05-16", timeSource: .sentence),
                source: article, origin: article, publicationDate: "2025-05-16", nearbyPlaces: nearby.sorted())
        }
        var nested = StoryEvents()
        EventMerger.merge([talks("art_1", at: "Port Vale"), talks("art_2", at: "Harbour Palace", beside: ["Harbour Palace", "Port Vale"])], into: &nested)
        #expect(nested.count == 1 && nested[0].conflicts.isEmpty)
        var apart = StoryEvents()
        EventMerger.merge([talks("art_1", at: "Port Vale"), talks("art_2", at: "Eastbridge", beside: ["Eastbridge"])], into: &apart)
        #expect(apart.count == 1)
        #expect(apart.first?.conflicts.map(\.attribute) == ["place"])
    }

    @Test("events of one happening merge across reports; different values of one attribute are a conflict")
    func merging() throws {
        func facts(_ article: String, _ origin: String, _ event: EventMention) -> MentionFacts {
            MentionFacts(articleID: article, sequence: 0, index: 0, event: event, source: origin, origin: origin, publicationDate: "2025-05-16")
        }
        let parties = [EventActor(role: "participant", name: "Northland"), EventActor(role: "participant", name: "Southland")]
        let span = TextSpan(start: 0, end: 5)
        var events = StoryEvents()
        EventMerger.merge([facts("art_1", "wire a", EventMention(
            type: "MEET", trigger: span, sentence: 0, actors: parties, place: "Geneva", time: "2025-05-16", timeSource: .sentence,
            duration: "PT2H"))], into: &events)
        EventMerger.merge([facts("art_2", "wire b", EventMention(
            type: "MEET", trigger: span, sentence: 0, actors: [], place: "Geneva", time: "2025-05-16", timeSource: .publicationDate,
            duration: "PT90M"))], into: &events)
        // Another meeting of other parties, and a planned one, stay apart.
        EventMerger.merge([facts("art_2", "wire b", EventMention(
            type: "MEET", trigger: span, sentence: 0, actors: [EventActor(role: "participant", name: "Eastland")], time: "2025-05-16",
            timeSource: .sentence))], into: &events)
        EventMerger.merge([facts("art_3", "wire c", EventMention(
            type: "MEET", trigger: span, sentence: 0, actors: parties, modality: .planned))], into: &events)
        EventMerger.merge([facts("art_3", "wire c", EventMention(
            type: "MEET", trigger: span, sentence: 0, actors: parties, place: "Geneva", time: "2025-05-16", timeSource: .sentence,
            duration: "PT120M"))], into: &events)
        #expect(events.count == 3)
        let talks = events[0]
        #expect(talks.articles.map(\.articleID) == ["art_1", "art_2", "art_3"])
        #expect(talks.independentSources == 3)
        #expect(talks.conflicts == [
            AttributeConflict(attribute: "duration", sides: [
                AttributeConflict.Side(value: "PT2H", reports: [
                    AttributeConflict.Report(articleID: "art_1", source: "wire a"), AttributeConflict.Report(articleID: "art_3", source: "wire c"),
                ]),
                AttributeConflict.Side(value: "PT90M", reports: [AttributeConflict.Report(articleID: "art_2", source: "wire b")]),
            ])
        ])
    }
}

@Suite("Stories in the store")
struct StoryStoreTests {
    static let pipeline = try! Pipeline.standard()

    func add(_ store: KnowledgeStore, _ text: String, source: String) async throws -> String {
        let document = try Self.pipeline.run(ArticleInput(body: .text(text), source: source, publishedAt: "2025-05-16"))
        guard case .created(let record) = try await store.add(document) else { throw CancellationError() }
        return record.id
    }

    @Test("an entity's timeline, found through its articles, holds exactly the merged events whose reports name it")
    func entityTimeline() async throws {
        let store = KnowledgeStore()
        _ = try await add(store, "Northland and Southland held two-hour talks in Geneva on Friday, officials of both said.", source: "Wire A")
        _ = try await add(store, "After 90 minutes of talks in Geneva on Friday, Northland and Southland agreed to meet again.", source: "Wire B")
        _ = try await add(store, "Alice Moreau visited Paris on Monday. She met Bob Tanaka in Geneva on Tuesday.", source: "Wire C")
        _ = try await add(store, "Bob Tanaka resigned as mayor of Osaka on 3 March 2024.", source: "Wire D")
        try store.read { state in
            var checked = 0
            for (id, entity) in state.entities.entities {
                // Every event of every story, asking each report whether it names the entity.
                let expected = state.stories.events.values.flatMap { events in
                    events.filter { event in
                        event.type != EventOntology.statement
                            && event.mentions.contains { mention in
                                (mention.actors.map(\.name) + [mention.place].compactMap { $0 }).contains { name in
                                    state.entities.entityID(article: mention.articleID, type: entity.type, canonicalName: name) == id
                                }
                            }
                    }.map(\.id)
                }
                let timeline = try #require(state.entityTimeline(entity: id, from: nil, to: nil))
                #expect(Set(timeline.events.map(\.id)) == Set(expected), "\(entity.name)")
                #expect(timeline.events.count == Set(timeline.events.map(\.id)).count)
                checked += expected.isEmpty ? 0 : 1
            }
            #expect(checked >= 4)
        }
    }

    @Test("deleting a report takes its side out of a conflict; the event keeps its id; indexes match a rebuild")
    func deletion() async throws {
        let store = KnowledgeStore()
        let first = try await add(store, "Northland and Southland held two-hour talks in Geneva on Friday, officials of both said.", source: "Wire A")
        let second = try await add(store, "After 90 minutes of talks in Geneva on Friday, Northland and Southland agreed to meet again.", source: "Wire B")
        func talks() -> MergedEventView? {
            store.read { state in
                state.storyID(ofArticle: first).flatMap { state.story(id: $0) }?.events?.first { $0.type == "MEET" }
            }
        }
        let before = try #require(talks())
        #expect(Set(before.reports.map(\.articleID)) == [first, second])
        #expect(before.conflicts.map(\.attribute) == ["duration"])
        #expect(try await store.delete(id: second))
        let after = try #require(talks())
        #expect(after.id == before.id)
        #expect(after.reports.map(\.articleID) == [first])
        #expect(after.conflicts.isEmpty)
        #expect(store.read { $0.indexesMatchRebuild() })
    }
}
