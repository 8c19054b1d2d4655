import ChroniclePipeline
import Foundation
import Testing

@testable import ChronicleKnowledge

@Suite("Live feed")
struct ChangeFeedTests {
    struct Payload: Encodable, Sendable { let n: Int }

    func drafts(_ count: Int, type: String = "MEET", story: String = "sto_1") -> [ChangeFeed.Draft] {
        (0..<count).map { ChangeFeed.Draft(kind: .event, view: Payload(n: $0), story: story, entities: ["ent_a"], eventTypes: [type]) }
    }

    /// The items the stream has buffered, without waiting for more.
    func buffered(_ stream: AsyncStream<ChangeFeed.Item>, upTo count: Int) async -> [ChangeFeed.Item] {
        var items: [ChangeFeed.Item] = []
        var iterator = stream.makeAsyncIterator()
        while items.count < count, let item = await iterator.next() { items.append(item) }
        return items
    }

    @Test("messages are numbered from 1, reach matching subscribers only, and carry the view's JSON")
    func publishing() async {
        let feed = ChangeFeed()
        let all = feed.subscribe()
        let meetings = feed.subscribe(filter: FeedFilter(type: "meet"))
        let elsewhere = feed.subscribe(filter: FeedFilter(story: "sto_2"))
        feed.publish(drafts(2) + drafts(1, type: "ATTACK"))
        let received = await buffered(all.live, upTo: 3)
        #expect(received.map { item -> UInt64 in if case .message(let m) = item { m.id } else { 0 } } == [1, 2, 3])
        if case .message(let first) = received.first {
            #expect(String(decoding: first.data, as: UTF8.self) == #"{"n":0}"#)
            #expect(first.kind == .event)
        }
        let onlyMeetings = await buffered(meetings.live, upTo: 2)
        #expect(onlyMeetings.count == 2)
        feed.heartbeat()
        #expect(await buffered(elsewhere.live, upTo: 1) == [.heartbeat])
    }

    @Test("a subscriber that falls behind is dropped, and publishing never waits for it")
    func slowSubscriber() async {
        let feed = ChangeFeed(backlog: 100, subscriberBuffer: 3)
        let slow = feed.subscribe()
        let clock = ContinuousClock()
        let elapsed = clock.measure { feed.publish(drafts(50)) }
        #expect(elapsed < .seconds(1))
        #expect(feed.subscriberCount == 0)
        // It gets what fitted in its buffer, then its stream ends; it may reconnect and resume.
        var iterator = slow.live.makeAsyncIterator()
        var count = 0
        while await iterator.next() != nil { count += 1 }
        #expect(count == 3)
        let resumed = feed.subscribe(after: 3)
        #expect(resumed.missed.map(\.id) == Array(4...50))
        #expect(!resumed.gap)
    }

    @Test("resuming after an id replays the kept messages after it; older ones gone is a gap")
    func resuming() {
        let feed = ChangeFeed(backlog: 4)
        feed.publish(drafts(6))
        let recent = feed.subscribe(after: 4)
        #expect(recent.missed.map(\.id) == [5, 6])
        #expect(!recent.gap)
        let old = feed.subscribe(after: 1)
        #expect(old.missed.map(\.id) == [3, 4, 5, 6])
        #expect(old.gap)
        let filtered = feed.subscribe(after: 0, filter: FeedFilter(entity: "ent_b"))
        #expect(filtered.missed.isEmpty)
        #expect(feed.nextID == 7)
    }

    @Test("a Last-Event-ID of this run resumes after it; one of an earlier run is a gap; garbage is refused")
    func lastEventIDs() throws {
        let feed = ChangeFeed(backlog: 10, epoch: "run2")
        feed.publish(drafts(3))
        let message = try #require(feed.subscribe(after: 0).missed.first)
        #expect(feed.eventID(of: message) == "run2-1")
        let resumed = try #require(feed.subscribe(lastEventID: "run2-1"))
        #expect(resumed.missed.map(\.id) == [2, 3])
        #expect(!resumed.gap)
        let earlier = try #require(feed.subscribe(lastEventID: " run1-7 "))
        #expect(earlier.missed.isEmpty)
        #expect(earlier.gap)
        for bad in ["", "7", "run2-", "-3", "run2-x", "a-b-c"] { #expect(feed.subscribe(lastEventID: bad) == nil, "\(bad)") }
    }

    @Test("storing an article tells of the article, its new events and its story; a second report updates the event")
    func storeChanges() async throws {
        let store = KnowledgeStore()
        let subscription = store.feed.subscribe()
        let pipeline = try Pipeline.standard()
        let first = try pipeline.run(ArticleInput(
            body: .text("Northland and Southland held two hours of talks in Port Vale on Friday, officials said."),
            source: "Wire One", publishedAt: "2025-05-16"))
        let second = try pipeline.run(ArticleInput(
            body: .text("Delegations from Northland and Southland met for talks in Port Vale on Friday, a spokesman said."),
            source: "Wire Two", publishedAt: "2025-05-16"))
        guard case .created(let a) = try await store.add(first), case .created(let b) = try await store.add(second) else {
            Issue.record("not stored")
            return
        }
        var kinds: [(FeedMessage.Kind, String?)] = []
        var updated: Set<String> = []
        var iterator = subscription.live.makeAsyncIterator()
        while kinds.filter({ $0.0 == .story }).count < 2, let item = await iterator.next() {
            guard case .message(let message) = item else { continue }
            kinds.append((message.kind, message.story))
            if message.kind == .eventUpdated { updated.formUnion(message.eventTypes) }
        }
        let story = try #require(store.read { $0.storyID(ofArticle: a.id) })
        #expect(store.read { $0.storyID(ofArticle: b.id) } == story)
        // Each report also has its "officials said" statement, a new event each time.
        #expect(kinds.map(\.0) == [.article, .event, .event, .story, .article, .eventUpdated, .event, .story])
        #expect(updated == ["MEET"])
        #expect(kinds.allSatisfy { $0.1 == story })
    }

    @Test("the store tells the feed nothing until someone has subscribed, then every change")
    func toldOnceListenedTo() async throws {
        let store = KnowledgeStore()
        _ = try await store.add(makeDocument("Northland and Southland met in Geneva on Monday."))
        #expect(!store.feed.isListenedTo)
        #expect(store.feed.nextID == 1)
        let subscription = store.feed.subscribe()
        defer { subscription.end() }
        #expect(store.feed.isListenedTo)
        _ = try await store.add(makeDocument("Westland and Eastland met in Vienna on Tuesday."))
        // The article, its event and its story.
        #expect(store.feed.nextID == 4)
        // A subscriber that left leaves the feed told: it may come back with its last id.
        subscription.end()
        _ = try await store.add(makeDocument("Upland and Downland met in Oslo on Friday."))
        #expect(store.feed.nextID == 7)
        #expect(store.feed.subscribe(after: 3).missed.map(\.kind) == [.article, .event, .story])
    }
}
