import ChronicleKnowledge
import ChroniclePipeline
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import ChronicleServer

@Suite("Reading back: lists, details, entities, events, timelines, stories")
struct ReadTests {
    /// A service whose store holds documents with known entities and events, so the read
    /// endpoints are tested on exact values whatever the pipeline's later stages find.
    static func seededService() async throws -> (TestService, [String]) {
        let store = KnowledgeStore()
        var ids: [String] = []
        let documents: [(String, String, String, String)] = [
            ("Alice met Bob in Geneva.", "2025-05-16", "Wire A", "MEET"),
            ("Alice visited Paris.", "2024-01-02", "Wire B", "VISIT"),
            ("Carol met Dave in Oslo.", "2025-05-17", "Wire A", "MEET"),
        ]
        for (text, date, source, type) in documents {
            var document = ArticleDocument(input: .text(text))
            document.text = text
            document.metadata.publicationDate = date
            document.metadata.source = source
            let name = String(text.prefix(5))
            document.sentences = [Sentence(span: TextSpan(start: 0, end: text.unicodeScalars.count), tokens: 0..<0)]
            document.entities = [EntityMention(span: TextSpan(start: 0, end: 5), text: name, type: .person, role: "envoy")]
            document.events = [
                EventMention(type: type, trigger: TextSpan(start: 6, end: 9), sentence: 0, actors: [EventActor(role: "agent", name: name)])
            ]
            let added = try await store.add(document)
            guard case .created(let record) = added else { throw Problem.badRequest("not created: \(text) -> \(added)") }
            ids.append(record.id)
        }
        return (TestService(stores: StoreHolder(store)), ids)
    }

    @Test("articles: newest first, paged with a cursor, filtered by source and date")
    func articles() async throws {
        let (service, ids) = try await Self.seededService()
        try await service.run { client in
            let first = try await client.get("/v1/articles?limit=2").json()
            #expect((first["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [ids[2], ids[1]])
            let cursor = try #require(first["next_cursor"] as? String)
            let second = try await client.get("/v1/articles?limit=2&cursor=\(cursor)").json()
            #expect((second["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [ids[0]])
            #expect(second["next_cursor"] == nil)
            let bySource = try await client.get("/v1/articles?source=wire%20a").json()
            #expect((bySource["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [ids[2], ids[0]])
            let byDate = try await client.get("/v1/articles?from=2025-01-01&to=2025-05-16").json()
            #expect((byDate["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [ids[0]])
        }
    }

    @Test("an article in full: text, annotations with offsets, its entities and timeline")
    func articleDetail() async throws {
        let (service, ids) = try await Self.seededService()
        try await service.run { client in
            let detail = try await client.get("/v1/articles/\(ids[0])").json()
            #expect(detail["id"] as? String == ids[0])
            #expect(detail["text"] as? String == "Alice met Bob in Geneva.")
            let entity = try #require((detail["entities"] as? [[String: Any]])?.first)
            #expect(entity["span"] as? [String: Int] == ["start": 0, "end": 5])
            #expect(entity["type"] as? String == "PERSON")
            let entities = try await client.get("/v1/articles/\(ids[0])/entities").json()
            #expect((entities["items"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Alice"])
            let timeline = try await client.get("/v1/articles/\(ids[0])/timeline").json()
            #expect((timeline["events"] as? [[String: Any]])?.map { $0["type"] as? String } == ["MEET"])
        }
    }

    @Test("entities: search by any case, details with aliases, roles and articles")
    func entities() async throws {
        let (service, ids) = try await Self.seededService()
        try await service.run { client in
            let found = try await client.get("/v1/entities?q=ALICE").json()
            let alice = try #require((found["items"] as? [[String: Any]])?.first)
            #expect(alice["name"] as? String == "Alice")
            #expect(alice["mention_count"] as? Int == 2)
            #expect(alice["first_seen"] as? String == "2024-01-02")
            #expect(alice["last_seen"] as? String == "2025-05-16")
            let id = try #require(alice["id"] as? String)
            let detail = try await client.get("/v1/entities/\(id)").json()
            #expect(detail["articles"] as? [String] == [ids[0], ids[1]].sorted())
            let roles = try #require(detail["roles"] as? [[String: Any]])
            #expect(roles.map { "\($0["value"] ?? "") x\($0["count"] ?? "")" } == ["envoy x2"])
            let all = try await client.get("/v1/entities?type=person&limit=1").json()
            let firstName = try #require((all["items"] as? [[String: Any]])?.first?["name"] as? String)
            let next = try #require(all["next_cursor"] as? String)
            let rest = try await client.get("/v1/entities?type=person&limit=1&cursor=\(next)").json()
            let secondName = try #require((rest["items"] as? [[String: Any]])?.first?["name"] as? String)
            #expect([firstName, secondName].sorted() == ["Alice", "Carol"])
            #expect(rest["next_cursor"] == nil)
        }
    }

    @Test("events: every filter, and an event by id with its evidence")
    func events() async throws {
        let (service, ids) = try await Self.seededService()
        try await service.run { client in
            func sentences(_ query: String) async throws -> [String?] {
                let json = try await client.get("/v1/events\(query)").json()
                return (json["items"] as? [[String: Any]])?.map { ($0["sentence"] as? [String: Any])?["text"] as? String } ?? []
            }
            let alice = try #require(
                ((try await client.get("/v1/entities?q=alice").json())["items"] as? [[String: Any]])?.first?["id"] as? String)
            #expect(try await sentences("?type=MEET") == ["Carol met Dave in Oslo.", "Alice met Bob in Geneva."])
            #expect(try await sentences("?entity=\(alice)") == ["Alice visited Paris.", "Alice met Bob in Geneva."])
            #expect(try await sentences("?from=2025-05-17") == ["Carol met Dave in Oslo."])
            #expect(try await sentences("?to=2024") == ["Alice visited Paris."])
            #expect(try await sentences("?q=geneva") == ["Alice met Bob in Geneva."])
            #expect(try await sentences("?story=sto_1") == [])
            let page = try await client.get("/v1/events?limit=1").json()
            let cursor = try #require(page["next_cursor"] as? String)
            #expect(try await sentences("?limit=1&cursor=\(cursor)") == ["Alice visited Paris."])

            let event = try await client.get("/v1/events/\(ids[0]).e0").json()
            #expect(event["type"] as? String == "MEET")
            let trigger = try #require(event["trigger"] as? [String: Any])
            #expect(trigger["text"] as? String == "met")
            #expect(trigger["span"] as? [String: Int] == ["start": 6, "end": 9])
            #expect(event["time"] as? String == "2025-05-16")
            #expect(event["time_source"] as? String == "publication_date")
            #expect(event["source"] as? String == "Wire A")
        }
    }

    @Test("timeline by entity, in time order, bounded by from/to; every article in one story")
    func timelineAndStories() async throws {
        let (service, _) = try await Self.seededService()
        try await service.run { client in
            let alice = try #require(
                ((try await client.get("/v1/entities?q=alice").json())["items"] as? [[String: Any]])?.first?["id"] as? String)
            let timeline = try await client.get("/v1/timeline?entity=\(alice)").json()
            #expect((timeline["events"] as? [[String: Any]])?.map { $0["time"] as? String } == ["2024-01-02", "2025-05-16"])
            let bounded = try await client.get("/v1/timeline?entity=\(alice)&from=2025").json()
            #expect((bounded["events"] as? [[String: Any]])?.map { $0["time"] as? String } == ["2025-05-16"])
            #expect(try await client.get("/v1/timeline?entity=ent_missing").status == .notFound)
            let stories = try #require(try await client.get("/v1/stories").json()["items"] as? [[String: Any]])
            #expect(stories.reduce(0) { $0 + ($1["article_count"] as? Int ?? 0) } == 3)
        }
    }

    @Test("reads are answered from the cache until the store changes, with an ETag a client can send back")
    func cachedReads() async throws {
        let (service, ids) = try await Self.seededService()
        try await service.run { client in
            let first = try await client.get("/v1/events?type=MEET")
            let etag = try #require(first.headers[.eTag])
            let again = try await client.get("/v1/events?type=MEET")
            #expect(again.headers[.eTag] == etag)
            #expect(again.text == first.text)
            let unchanged = try await client.execute(uri: "/v1/events?type=MEET", method: .get, headers: [.ifNoneMatch: etag], body: nil)
            #expect(unchanged.status == .notModified)
            #expect(unchanged.body.readableBytes == 0)
            // Another target at the same version is its own answer.
            let other = try await client.get("/v1/events?type=VISIT")
            #expect(other.headers[.eTag] == etag)
            #expect(other.text != first.text)

            // A write: the same target is read afresh, and the old tag no longer matches.
            var text = "Erin met Frank in Rome."
            let posted = try await client.post("/v1/articles", jsonString(["text": text, "published_at": "2025-05-18"]))
            #expect(posted.status == .created)
            let after = try await client.execute(uri: "/v1/events?type=MEET", method: .get, headers: [.ifNoneMatch: etag], body: nil)
            #expect(after.status == .ok)
            #expect(after.headers[.eTag] != etag)
            let items = try #require(try after.json()["items"] as? [[String: Any]])
            #expect(items.count == 3)
            #expect((items.first?["sentence"] as? [String: Any])?["text"] as? String == text)

            // A delete changes the version too.
            text = try #require(after.headers[.eTag])
            #expect(try await client.execute(uri: "/v1/articles/\(ids[2])", method: .delete, headers: [:], body: nil).status == .noContent)
            let deleted = try await client.get("/v1/events?type=MEET")
            #expect(deleted.headers[.eTag] != text)
            #expect((try deleted.json()["items"] as? [[String: Any]])?.count == 2)
            let metrics = try await client.get("/metrics").text
            #expect(metrics.contains("chronicle_response_cache_hits_total"))
        }
    }

    @Test("HEAD answers every GET's status and headers without its body; the live stream does not open for it")
    func headRequests() async throws {
        let (service, _) = try await Self.seededService()
        try await service.run { client in
            let get = try await client.get("/v1/events?type=MEET")
            let head = try await client.execute(uri: "/v1/events?type=MEET", method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.contentType] == "application/json; charset=utf-8")
            #expect(head.headers[.contentLength] == String(get.body.readableBytes))
            #expect(head.headers[.eTag] == get.headers[.eTag])
            let health = try await client.execute(uri: "/healthz", method: .head)
            #expect(health.status == .ok)
            #expect(health.headers[.contentLength] == "3")
            #expect(try await client.execute(uri: "/v1/articles/art_missing", method: .head).status == .notFound)
            let stream = try await client.execute(uri: "/v1/stream", method: .head)
            #expect(stream.status == .methodNotAllowed)
            #expect(stream.headers[.allow] == "GET")
        }
    }

    @Test("healthz, readyz and Prometheus metrics")
    func operations() async throws {
        try await TestService().run { client in
            #expect(try await client.get("/healthz").text == "ok\n")
            #expect(try await client.get("/readyz").text == "ready\n")
            _ = try await client.post("/v1/articles", jsonString(["text": "Metrics are counted here."]))
            let metrics = try await client.get("/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.headers[.contentType] == "text/plain; version=0.0.4")
            #expect(metrics.text.contains("# TYPE chronicle_articles_ingested_total counter"))
            #expect(metrics.text.contains("# TYPE chronicle_extraction_duration_seconds"))
        }
    }

    @Test("POST /v1/admin/snapshot writes a snapshot of a persistent store and reports it")
    func snapshotOnDisk() async throws {
        let directory = NSTemporaryDirectory() + "chronicle-snapshot-" + UUID().uuidString
        let service = TestService(stores: StoreHolder(try KnowledgeStore(directory: directory, logger: .init(label: "test"))))
        try await service.run { client in
            _ = try await client.post("/v1/articles", jsonString(["text": "The bridge reopened after repairs."]))
            _ = try await client.post("/v1/articles", jsonString(["text": "The library extended its hours."]))
            let response = try await client.execute(uri: "/v1/admin/snapshot", method: .post)
            #expect(response.status == .ok)
            let report = try response.json()
            #expect(report["articles"] as? Int == 2)
            #expect(report["sequence"] as? Int == 2)
            #expect(FileManager.default.fileExists(atPath: directory + "/snapshot.chs"))
        }
    }

    @Test("snapshot without a data directory is a 503 that says so")
    func snapshotInMemory() async throws {
        try await TestService().run { client in
            let response = try await client.execute(uri: "/v1/admin/snapshot", method: .post)
            #expect(response.status == .serviceUnavailable)
            #expect(try response.problem().detail == "this store has no data directory")
        }
    }
}
