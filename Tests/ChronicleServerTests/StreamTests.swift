import ChronicleKnowledge
import ChroniclePipeline
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOPosix
import Testing

@testable import ChronicleServer

/// `GET /v1/stream` over a real socket (the live test server), read as a browser's EventSource
/// would read it.
@Suite("Live feed over HTTP")
struct StreamTests {
    /// A thread of the suite's own: its posts go over real HTTP, whose client gives up after 20 s,
    /// and on the shared pool they waited behind every other suite's articles (in a debug build,
    /// each now parsed and run through the event detector sentence by sentence).
    static let threads: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        return pool
    }()

    static let talks = """
        Northland and Southland held two hours of talks in Port Vale on Friday, officials said.
        """
    static let report = """
        Delegations from Northland and Southland met for talks in Port Vale on Friday, a spokesman said.
        """

    func article(_ text: String, source: String) -> String {
        jsonString(["text": text, "source": source, "published_at": "2025-05-16"])
    }

    func live(_ body: @escaping @Sendable (any TestClientProtocol, String, KnowledgeStore) async throws -> Void) async throws {
        let store = KnowledgeStore()
        let service = TestService(stores: StoreHolder(store), threads: Self.threads)
        try await service.application().test(.live) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            try await body(client, base, store)
        }
    }

    @Test("a subscriber receives the article it posted, its events and its story, as they are stored")
    func receivesEvents() async throws {
        try await live { client, base, store in
            let stream = SSEClient(url: base + "/v1/stream")
            defer { stream.close() }
            // Subscribed once the server holds the subscription.
            while store.feed.subscriberCount == 0 { try await Task.sleep(for: .milliseconds(20)) }
            let posted = try await client.post("/v1/articles", article(Self.talks, source: "Wire One"))
            #expect(posted.status == .created)
            let id = try #require(try posted.json()["id"] as? String)
            let events = try await stream.events.collect { $0.contains { $0.event == "story" } }
            #expect(events.map(\.event) == ["article", "event", "event", "story"])
            let epoch = store.feed.epoch
            #expect(events.map(\.id) == ["\(epoch)-1", "\(epoch)-2", "\(epoch)-3", "\(epoch)-4"])
            #expect(stream.status == 200)
            let articleMessage = try #require(try JSONSerialization.jsonObject(with: Data(events[0].data.utf8)) as? [String: Any])
            #expect(articleMessage["id"] as? String == id)
            let types = try events.filter { $0.event == "event" }.map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.data.utf8)) as? [String: Any])["type"] as? String
            }
            #expect(Set(types.compactMap { $0 }) == ["MEET", "STATEMENT"])
        }
    }

    @Test("a subscriber that reconnects with Last-Event-ID gets what it missed, and nothing twice")
    func resumes() async throws {
        try await live { client, base, store in
            let first = SSEClient(url: base + "/v1/stream")
            while store.feed.subscriberCount == 0 { try await Task.sleep(for: .milliseconds(20)) }
            _ = try await client.post("/v1/articles", article(Self.talks, source: "Wire One"))
            let before = try await first.events.collect { $0.contains { $0.event == "story" } }
            first.close()
            // The server finds the client gone when a write fails: heartbeats until then.
            while store.feed.subscriberCount > 0 {
                store.feed.heartbeat()
                try await Task.sleep(for: .milliseconds(20))
            }
            // Stored while nobody listens.
            _ = try await client.post("/v1/articles", article(Self.report, source: "Wire Two"))
            let lastSeen = try #require(before.last?.id)
            let second = SSEClient(url: base + "/v1/stream", headers: ["Last-Event-ID": lastSeen])
            defer { second.close() }
            let after = try await second.events.collect { $0.contains { $0.event == "story" } }
            #expect(after.map(\.event) == ["article", "event_updated", "event", "story"])
            let ids = (before + after).compactMap(\.id)
            #expect(ids == (1...ids.count).map { "\(store.feed.epoch)-\($0)" })
            // The updated event is the talks, now with two reports.
            let updated = try #require(after.first { $0.event == "event_updated" })
            let talks = try #require(try JSONSerialization.jsonObject(with: Data(updated.data.utf8)) as? [String: Any])
            #expect(talks["type"] as? String == "MEET")
            let reports = try #require(talks["reports"] as? [[String: Any]])
            #expect(Set(reports.compactMap { $0["article_id"] as? String }).count == 2)
        }
    }

    @Test("filters: only the messages of one event type, entity or story")
    func filters() async throws {
        try await live { client, base, store in
            let meetings = SSEClient(url: base + "/v1/stream?type=meet")
            defer { meetings.close() }
            while store.feed.subscriberCount == 0 { try await Task.sleep(for: .milliseconds(20)) }
            let posted = try await client.post("/v1/articles", article(Self.talks, source: "Wire One"))
            let id = try #require(try posted.json()["id"] as? String)
            let events = try await meetings.events.collect { $0.contains { $0.event == "story" } }
            // The article and story have a MEET among their events; the statement does not pass.
            #expect(events.map(\.event) == ["article", "event", "story"])
            let story = try #require(store.read { $0.storyID(ofArticle: id) })
            let elsewhere = SSEClient(url: base + "/v1/stream?story=sto_none&last_event_id=\(store.feed.epoch)-0")
            defer { elsewhere.close() }
            let replay = SSEClient(url: base + "/v1/stream?story=\(story)", headers: ["Last-Event-ID": "\(store.feed.epoch)-0"])
            defer { replay.close() }
            let replayed = try await replay.events.collect { $0.contains { $0.event == "story" } }
            #expect(replayed.map(\.event) == ["article", "event", "event", "story"])
            // The same backlog through a filter that matches nothing: only heartbeats. The
            // heartbeat goes out once `elsewhere` is subscribed (meetings, elsewhere, replay): sent
            // earlier, under load, it reached no one and the count stayed 0.
            let deadline = ContinuousClock.now + .seconds(10)
            while store.feed.subscriberCount < 3, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            store.feed.heartbeat()
            while elsewhere.comments < 1, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            #expect(elsewhere.comments == 1)
        }
    }

    @Test("an id from an earlier run of the service is a reset: the client should reload")
    func earlierRun() async throws {
        try await live { client, base, store in
            let stale = SSEClient(url: base + "/v1/stream", headers: ["Last-Event-ID": "0earlier-42"])
            defer { stale.close() }
            let events = try await stale.events.collect { !$0.isEmpty }
            #expect(events.map(\.event) == ["reset"])
            // And it goes on live from there.
            _ = try await client.post("/v1/articles", article(Self.talks, source: "Wire One"))
            let live = try await stale.events.collect { $0.contains { $0.event == "story" } }
            #expect(live.map(\.event) == ["article", "event", "event", "story"])
            #expect(live.first?.id == "\(store.feed.epoch)-1")
        }
    }

    @Test("heartbeats keep an idle stream open; a bad Last-Event-ID is a 400")
    func heartbeatsAndErrors() async throws {
        try await live { client, base, store in
            let idle = SSEClient(url: base + "/v1/stream")
            defer { idle.close() }
            while store.feed.subscriberCount == 0 { try await Task.sleep(for: .milliseconds(20)) }
            store.feed.heartbeat()
            store.feed.heartbeat()
            let deadline = ContinuousClock.now + .seconds(10)
            while idle.comments < 2, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            #expect(idle.comments == 2)
            var headers = HTTPFields()
            headers[HTTPField.Name("Last-Event-ID")!] = "yesterday"
            let bad = try await client.execute(uri: "/v1/stream", method: .get, headers: headers)
            #expect(bad.status == .badRequest)
            #expect(try bad.problem().detail.contains("Last-Event-ID"))
            let unknown = try await client.execute(uri: "/v1/stream?topic=x", method: .get)
            #expect(unknown.status == .badRequest)
        }
    }
}
