import ChronicleTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import ChronicleServer

@Suite("The five seeds through the HTTP API", .enabled(if: SharedData.seedsAvailable, "../shared/seeds not found: seed HTTP tests skipped"))
struct SeedIngestionTests {
    /// A service with the five seeds posted as text/plain, each answered 201.
    static func withFiveSeeds(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let seeds = try SharedData.seedTexts()
        try await TestService().run { client in
            for seed in seeds {
                #expect(try await client.post("/v1/articles", seed, contentType: "text/plain").status == .created)
            }
            try await body(client)
        }
    }

    /// The `items` of a page.
    static func items(_ client: any TestClientProtocol, _ uri: String) async throws -> [[String: Any]] {
        try #require(try await client.get(uri).json()["items"] as? [[String: Any]])
    }

    @Test("each seed posted as text/plain comes out dated, with its date source, and once only")
    func seedsAreDated() async throws {
        let seeds = try SharedData.seedTexts()
        #expect(seeds.count == 5)
        try await TestService().run { client in
            var ids: [String] = []
            var dates: [String] = []
            for seed in seeds {
                let response = try await client.post("/v1/articles", seed, contentType: "text/plain")
                #expect(response.status == .created)
                let json = try response.json()
                ids.append(try #require(json["id"] as? String))
                let metadata = try #require(json["metadata"] as? [String: Any])
                dates.append("\(metadata["publication_date"] ?? "-") \(metadata["date_source"] ?? "-")")
                #expect(((json["counts"] as? [String: Int])?["sentences"] ?? 0) > 5)
            }
            #expect(dates == [
                "2025-05-17 prefix", "2025-05-16 stamp", "2025-05-16 prefix", "2025-05-16 inferred", "2025-05-16 prefix",
            ])
            #expect(Set(ids).count == 5)
            // Sending them again finds each one.
            for (seed, id) in zip(seeds, ids) {
                let again = try await client.post("/v1/articles", seed, contentType: "text/plain")
                #expect(again.status == .ok)
                #expect(try again.json()["id"] as? String == id)
            }
            let list = try await client.get("/v1/articles?from=2025-05-16&to=2025-05-16").json()
            #expect((list["items"] as? [Any])?.count == 4)
            // Offsets are scalar offsets into the clean text: every token's span gives its text.
            let detail = try await client.get("/v1/articles/\(ids[1])").json()
            let text = Array(try #require(detail["text"] as? String).unicodeScalars)
            let tokens = try #require(detail["tokens"] as? [[String: Any]])
            for token in tokens {
                let span = try #require(token["span"] as? [String: Int])
                let slice = String(String.UnicodeScalarView(text[span["start"]!..<span["end"]!]))
                #expect(slice == token["text"] as? String)
            }
        }
    }

    @Test("two seeds posted and the second deleted: every index is what a rebuild from the first gives")
    func deleteLeavesNothingBehind() async throws {
        let seeds = try SharedData.seedTexts()
        try await TestService().run { client in
            var ids: [String] = []
            for seed in [seeds[0], seeds[2]] {
                ids.append(try #require(try await client.post("/v1/articles", seed, contentType: "text/plain").json()["id"] as? String))
            }
            #expect(try await client.execute(uri: "/v1/articles/\(ids[1])", method: .delete).status == .noContent)
            let verify = try await client.get("/v1/admin/verify").json()
            #expect(verify["differing_indexes"] as? [String] == [])
            #expect(verify["articles"] as? Int == 1)
        }
    }

    @Test("across the five seeds one entity per real thing, under every spelling, with its aliases")
    func seedsShareEntities() async throws {
        try await Self.withFiveSeeds { client in
            func entities(_ query: String) async throws -> [[String: Any]] { try await Self.items(client, "/v1/entities?\(query)") }
            func aliases(_ entity: [String: Any]) -> Set<String> {
                Set((entity["aliases"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? String })
            }
            // Zelensky / Zelenskyy, with and without his first name, in all five articles.
            for spelling in ["zelensky", "Zelenskyy", "zelenskiy"] {
                let found = try await entities("q=\(spelling)&type=PERSON")
                #expect(found.count == 1, "\(spelling): \(found.map { $0["name"] ?? "" })")
                let zelensky = try #require(found.first)
                #expect(aliases(zelensky).isSuperset(of: ["Zelensky", "Zelenskyy", "Volodymyr Zelensky", "Volodymyr Zelenskyy"]))
                #expect(zelensky["article_count"] as? Int == 5)
            }
            // Turkey / Türkiye: one place, in the four articles that name it.
            let turkey = try await entities("q=turkey&type=LOC")
            #expect(turkey.map { $0["name"] as? String } == ["Türkiye"])
            #expect(aliases(try #require(turkey.first)).isSuperset(of: ["Turkey", "Türkiye"]))
            #expect(turkey.first?["article_count"] as? Int == 4)
            // Medinsky: one person in all five, named in full and by surname.
            let medinsky = try await entities("q=medinsky")
            #expect(medinsky.map { $0["name"] as? String } == ["Vladimir Medinsky"])
            #expect(medinsky.first?["article_count"] as? Int == 5)
            #expect(aliases(try #require(medinsky.first)).isSuperset(of: ["Medinsky", "Vladimir Medinsky"]))
        }
    }

    @Test("events of the seeds through every filter of GET /v1/events, and the ontology")
    func seedEvents() async throws {
        try await Self.withFiveSeeds { client in
            func events(_ query: String) async throws -> [[String: Any]] { try await Self.items(client, "/v1/events?\(query)") }
            func names(_ event: [String: Any], _ role: String) -> Set<String> {
                Set((event["actors"] as? [[String: Any]] ?? []).filter { $0["role"] as? String == role }.compactMap { $0["name"] as? String })
            }
            // The remains of 909 soldiers: a reported event with its count, sentence and source.
            let remains = try await events("type=return_remains&limit=50")
            let soldiers = try #require(remains.first { ($0["quantities"] as? [[String: Any]])?.first?["value"] as? Double == 909 })
            #expect(soldiers["modality"] as? String == "reported")
            #expect(soldiers["reported_by"] as? String == "Ukraine")
            #expect(names(soldiers, "recipient") == ["Ukraine"])
            #expect((soldiers["sentence"] as? [String: Any])?["text"] as? String
                == "Shortly before the Istanbul announcement, Ukraine said it had received the remains of 909 soldiers from Russia, while the Russian media reported that the Russian side received 34 bodies.")
            #expect((soldiers["trigger"] as? [String: Any])?["text"] as? String == "received the remains")
            // The talks of 16 May in Istanbul, by date and place; March 2022 by its own dates.
            let talks = try await events("type=MEET&place=Istanbul&from=2025-05-16&to=2025-05-16&limit=50")
            #expect(talks.contains { names($0, "participant").isSuperset(of: ["Russia", "Ukraine"]) && $0["time_source"] as? String == "sentence" })
            let march = try await events("type=MEET&from=2022-03-01&to=2022-03-31")
            #expect(!march.isEmpty && march.allSatisfy { $0["time"] as? String == "2022-03" && $0["place"] as? String == "Istanbul" })
            // By entity: every event of Türkiye's entity names Türkiye (or its minister's country).
            let turkey = try #require(try await client.get("/v1/entities?q=turkey&type=LOC").json()["items"] as? [[String: Any]]).first
            let turkeyID = try #require(turkey?["id"] as? String)
            let mediated = try await events("entity=\(turkeyID)&limit=50")
            #expect(mediated.contains { names($0, "mediator") == ["Türkiye"] })
            // Free text over the evidence sentence, and a STATEMENT's content.
            let swap = try await events("type=statement&q=swap%20would%20take%20place")
            #expect(swap.contains { ($0["content"] as? [String: Any])?["text"] as? String == "the swap would take place soon" })
            // The ontology.
            let ontology = try await client.get("/v1/event-types").json()
            #expect(ontology["version"] as? String == "2")
            let types = try #require(ontology["types"] as? [[String: Any]])
            #expect(types.count == 35)
            #expect(types.contains { $0["name"] as? String == "MEET" && $0["cameo"] as? String == "04" && $0["ace"] as? String == "Contact.Meet" })
        }
    }

    @Test("general events of the seeds: lemma, TimeML class and attributes, arguments from the clause, and the lemma, class and OTHER filters")
    func seedGeneralEvents() async throws {
        try await Self.withFiveSeeds { client in
            func events(_ query: String) async throws -> [[String: Any]] { try await Self.items(client, "/v1/events?\(query)") }
            func actors(_ event: [String: Any], _ role: String) -> [String] {
                (event["actors"] as? [[String: Any]] ?? []).filter { $0["role"] as? String == role }.compactMap { $0["name"] as? String }
            }
            // "Trump returned to the White House in January": lemma return, Trump its agent, January 2025.
            let returned = try await events("lemma=return&limit=50")
            let trump = try #require(returned.first { ($0["sentence"] as? [String: Any])?["text"] as? String ?? "" == "The Russian and US presidents have spoken by phone, but not met since Trump returned to the White House in January, despite both leaders expressing their desire for face-to-face talks." })
            #expect(actors(trump, "agent") == ["Donald Trump"])
            #expect(trump["time"] as? String == "2025-01")
            #expect(trump["time_source"] as? String == "sentence")
            #expect(trump["class"] as? String == "OCCURRENCE")
            #expect(trump["tense"] as? String == "PAST")
            #expect(trump["polarity"] as? String == "POS")
            // "Putin - who had proposed the talks ... - sent a mid-level delegation": an event the
            // ontology has no type for, its agent across the aside, its patient a party named by no entity.
            let sent = try await events("type=OTHER&lemma=SEND&limit=50")
            let delegation = try #require(sent.first { actors($0, "patient") == ["mid-level delegation"] })
            #expect(actors(delegation, "agent") == ["Vladimir Putin"])
            #expect((delegation["actors"] as? [[String: Any]])?.map { $0["entity"] as? Bool } == [true, false])
            #expect((delegation["trigger"] as? [String: Any])?["text"] as? String == "sent")
            // Every filter holds on every item.
            let other = try await events("type=OTHER&limit=100")
            #expect(other.count == 100)
            #expect(other.allSatisfy { $0["type"] as? String == "OTHER" && $0["lemma"] is String && $0["class"] is String })
            let reporting = try await events("class=REPORTING&limit=100")
            #expect(!reporting.isEmpty && reporting.allSatisfy { $0["class"] as? String == "REPORTING" })
            #expect(reporting.contains { $0["type"] as? String == "STATEMENT" && $0["lemma"] as? String == "say" })
            // A class TimeML does not have is a problem that lists the classes.
            let wrong = try await client.get("/v1/events?class=HAPPENING")
            #expect(wrong.status == .badRequest)
            #expect(try wrong.json()["detail"] as? String
                == "class must be one of OCCURRENCE, REPORTING, STATE, I_ACTION, I_STATE, ASPECTUAL, PERCEPTION, not 'HAPPENING'")
        }
    }

    @Test("the five seeds are one story: the talks one event with five reports and a duration conflict, and a timeline from 2014 to the planned exchange")
    func seedStory() async throws {
        try await Self.withFiveSeeds { client in
            let stories = try #require(try await client.get("/v1/stories").json()["items"] as? [[String: Any]])
            #expect(stories.count == 1)
            let story = try #require(stories.first)
            #expect(story["article_count"] as? Int == 5)
            let id = try #require(story["id"] as? String)
            let detail = try await client.get("/v1/stories/\(id)").json()
            let articles = try #require(detail["articles"] as? [[String: Any]])
            // Shanghai Daily's page is Xinhua's text: a copy of it.
            #expect(articles.filter { $0["copy_of"] != nil }.count == 1)
            let events = try #require(detail["events"] as? [[String: Any]])
            func reports(_ event: [String: Any]) -> Set<String> {
                Set((event["reports"] as? [[String: Any]] ?? []).compactMap { $0["article_id"] as? String })
            }
            let talks = try #require(events.filter { $0["type"] as? String == "MEET" && $0["time"] as? String == "2025-05-16" }
                .max { reports($0).count < reports($1).count })
            #expect(reports(talks).count == 5)
            #expect(talks["independent_sources"] as? Int == 4)
            let conflicts = try #require(talks["conflicts"] as? [[String: Any]])
            let duration = try #require(conflicts.first { $0["attribute"] as? String == "duration" })
            let sides = try #require(duration["sides"] as? [[String: Any]])
            #expect(Set(sides.compactMap { $0["value"] as? String }) == ["PT2H", "PT90M"])
            // The duration is the only disagreement: Türkiye and its foreign minister Hakan Fidan
            // mediating is one side, and the palace in Istanbul is in Istanbul.
            #expect(conflicts.compactMap { $0["attribute"] as? String } == ["duration"], "\(conflicts)")
            // No event of the story has reports naming two different sides of who did it.
            let actorConflicts = events.flatMap { ($0["conflicts"] as? [[String: Any]] ?? []).compactMap { $0["attribute"] as? String } }
                .filter { $0.hasPrefix("actor:") }
            #expect(actorConflicts.isEmpty, "\(actorConflicts)")
            // The timeline.
            let timeline = try #require(try await client.get("/v1/timeline?story=\(id)").json()["events"] as? [[String: Any]])
            func position(_ type: String, _ time: String) -> Int? {
                timeline.firstIndex { $0["type"] as? String == type && $0["time"] as? String == time }
            }
            let milestones = [
                position("ANNEX", "2014"), position("INVADE", "2022-02-24"), position("MEET", "2022-03"), position("APPOINT", "2025-01"),
                position("PROPOSE", "2025-05-11"), position("MEET", "2025-05-16"),
            ]
            #expect(milestones.allSatisfy { $0 != nil }, "\(milestones)")
            #expect(milestones.compactMap { $0 } == milestones.compactMap { $0 }.sorted())
            let exchange = try #require(timeline.lastIndex { $0["type"] as? String == "EXCHANGE_PRISONERS" && $0["is_future"] as? Bool == true })
            #expect(exchange > (milestones.compactMap { $0 }.max() ?? 0))
            #expect(timeline.suffix(from: exchange).allSatisfy { $0["is_future"] as? Bool == true })
            // TimelineJS.
            let js = try await client.get("/v1/timeline?story=\(id)&format=timelinejs").json()
            #expect((js["events"] as? [Any])?.isEmpty == false)
        }
    }

    @Test("an article's timexes come normalized, with its own timeline in calendar order")
    func seedTimeline() async throws {
        let seeds = try SharedData.seedTexts()
        try await TestService().run { client in
            let created = try await client.post("/v1/articles", seeds[2], contentType: "text/plain").json()
            let id = try #require(created["id"] as? String)
            let detail = try await client.get("/v1/articles/\(id)").json()
            let timexes = try #require(detail["timexes"] as? [[String: Any]])
            #expect(timexes.contains { $0["text"] as? String == "Feb. 24, 2022" && $0["value"] as? String == "2022-02-24" && $0["granularity"] as? String == "day" })
            #expect(timexes.contains { $0["text"] as? String == "more than three years" && $0["value"] as? String == "P3Y" && $0["mod"] as? String == "MORE_THAN" })
            let timeline = try #require(detail["timeline"] as? [[String: Any]])
            #expect(timeline.compactMap { $0["value"] as? String } == ["2014", "2022", "2022-02-24", "2024", "2025-05-16", "2025-05-16"])
            #expect(timeline.first?["last"] as? String == "2014-12-31")
            // The article's timeline endpoint lists the same dates beside its events.
            let dates = try await client.get("/v1/articles/\(id)/timeline").json()["dates"] as? [[String: Any]]
            #expect(dates?.compactMap { $0["value"] as? String } == ["2014", "2022", "2022-02-24", "2024", "2025-05-16", "2025-05-16"])
        }
    }
}
