import Foundation
import Synchronization

/// Fans the store's changes out to live subscribers, keeping the latest ones for a subscriber
/// that reconnects (`Last-Event-ID`).
///
/// Publishing never waits for a subscriber: each has a bounded buffer, and one that falls that
/// far behind is dropped (its stream ends; it can reconnect and resume from the backlog). So a
/// slow dashboard never slows ingestion.
package final class ChangeFeed: Sendable {
    /// A subscription: what it missed since `after` (oldest first), then the live messages.
    package struct Subscription: Sendable {
        package let missed: [FeedMessage]
        /// Whether messages after the requested id fell out of the backlog before it came back.
        package let gap: Bool
        package let live: AsyncStream<Item>
        fileprivate let continuation: AsyncStream<Item>.Continuation

        /// Ends `live` (the service is shutting down); the feed forgets the subscriber.
        package func end() { continuation.finish() }
    }

    /// What a subscriber receives: a message, or a heartbeat to keep the connection alive (and
    /// find out whether it still is).
    package enum Item: Sendable, Equatable {
        case message(FeedMessage)
        case heartbeat
    }

    private struct Subscriber {
        let filter: FeedFilter
        let continuation: AsyncStream<Item>.Continuation
    }

    private struct State {
        /// Whether anyone has subscribed since the feed began (`isListenedTo`).
        var listenedTo = false
        var backlog: [FeedMessage] = []
        /// Index of the oldest message in `backlog` (a ring once it is full).
        var head = 0
        var nextID: UInt64 = 1
        var subscribers: [Int: Subscriber] = [:]
        var nextSubscriber = 0
    }

    package let backlogCapacity: Int
    package let subscriberBuffer: Int
    /// Names this run of the feed: message numbers start again at 1 when the service restarts,
    /// so an event id (`<epoch>-<number>`) from an earlier run is recognised as such.
    package let epoch: String
    private let state = Mutex(State())

    /// - Parameters:
    ///   - backlog: messages kept for subscribers that reconnect.
    ///   - subscriberBuffer: messages a subscriber may fall behind before it is dropped.
    ///   - epoch: the run's name; by default the start time in milliseconds, base 36.
    package init(backlog: Int = 10_000, subscriberBuffer: Int = 1_000, epoch: String? = nil) {
        backlogCapacity = max(1, backlog)
        self.subscriberBuffer = max(1, subscriberBuffer)
        self.epoch = epoch ?? String(UInt64(Date().timeIntervalSince1970 * 1000), radix: 36)
    }

    /// The SSE id of a message: the epoch and its number.
    package func eventID(of message: FeedMessage) -> String { "\(epoch)-\(message.id)" }

    /// Subscribes after the message a client saw last (its `Last-Event-ID`): an id of this run
    /// resumes after that message, one of an earlier run is a gap (the client should reload),
    /// anything else is nil (not an id this feed could have sent).
    package func subscribe(lastEventID: String, filter: FeedFilter = FeedFilter()) -> Subscription? {
        let parts = lastEventID.trimmingCharacters(in: .whitespaces).split(separator: "-")
        guard parts.count == 2, !parts[0].isEmpty, let number = UInt64(parts[1]) else { return nil }
        guard parts[0] == epoch else {
            let subscription = subscribe(filter: filter)
            return Subscription(missed: [], gap: true, live: subscription.live, continuation: subscription.continuation)
        }
        return subscribe(after: number, filter: filter)
    }

    /// Messages before they get their ids: the view is built from the state the change left,
    /// and encoded when a subscriber first reads it.
    package struct Draft: Sendable {
        let kind: FeedMessage.Kind
        let view: any Encodable & Sendable
        let story: String?
        let entities: Set<String>
        let eventTypes: Set<String>
    }

    /// Numbers the drafts, keeps them in the backlog and hands them to every matching subscriber.
    func publish(_ drafts: [Draft]) {
        guard !drafts.isEmpty else { return }
        let dropped = state.withLock { state in
            var dropped: [AsyncStream<Item>.Continuation] = []
            for draft in drafts {
                let message = FeedMessage(
                    id: state.nextID, kind: draft.kind, view: draft.view, story: draft.story, entities: draft.entities,
                    eventTypes: draft.eventTypes)
                state.nextID += 1
                if state.backlog.count < backlogCapacity {
                    state.backlog.append(message)
                } else {
                    state.backlog[state.head] = message
                    state.head = (state.head + 1) % backlogCapacity
                }
                for (key, subscriber) in state.subscribers where subscriber.filter.matches(message) {
                    switch subscriber.continuation.yield(.message(message)) {
                    case .enqueued: break
                    case .dropped, .terminated:
                        // Too far behind (or gone): drop it rather than hold anything up.
                        dropped.append(subscriber.continuation)
                        state.subscribers[key] = nil
                    @unknown default: break
                    }
                }
            }
            return dropped
        }
        // Outside the lock: finishing runs the stream's termination handler, which takes it.
        for continuation in dropped { continuation.finish() }
    }

    /// Subscribes with `filter`; with `after`, first replays the backlog's matching messages
    /// with larger ids.
    package func subscribe(after: UInt64? = nil, filter: FeedFilter = FeedFilter()) -> Subscription {
        let (stream, continuation) = AsyncStream<Item>.makeStream(bufferingPolicy: .bufferingOldest(subscriberBuffer))
        return state.withLock { state in
            var missed: [FeedMessage] = []
            var gap = false
            if let after {
                let ordered = state.backlog[state.head...] + state.backlog[..<state.head]
                // The oldest kept message must follow `after` directly, or some are gone.
                if let oldest = ordered.first, oldest.id > after + 1 { gap = true }
                if ordered.isEmpty, after + 1 < state.nextID { gap = true }
                missed = ordered.filter { $0.id > after && filter.matches($0) }
            }
            state.listenedTo = true
            let key = state.nextSubscriber
            state.nextSubscriber += 1
            state.subscribers[key] = Subscriber(filter: filter, continuation: continuation)
            continuation.onTermination = { [weak self] _ in self?.unsubscribe(key) }
            return Subscription(missed: missed, gap: gap, live: stream, continuation: continuation)
        }
    }

    /// Sends every subscriber a heartbeat; one too far behind to take it is dropped.
    package func heartbeat() {
        let dropped = state.withLock { state in
            var dropped: [AsyncStream<Item>.Continuation] = []
            for (key, subscriber) in state.subscribers {
                if case .enqueued = subscriber.continuation.yield(.heartbeat) { continue }
                dropped.append(subscriber.continuation)
                state.subscribers[key] = nil
            }
            return dropped
        }
        for continuation in dropped { continuation.finish() }
    }

    private func unsubscribe(_ key: Int) {
        state.withLock { _ = $0.subscribers.removeValue(forKey: key) }
    }

    /// Whether anyone has subscribed since the feed began. Until then no client can hold an id of
    /// this run (ids are only learned from messages), so nothing a client could ask for is lost
    /// by not describing the store's changes at all: the store skips building its messages, a
    /// third of what storing an article cost at 100,000 articles.
    package var isListenedTo: Bool { state.withLock { $0.listenedTo } }

    /// Live subscribers (for metrics and tests).
    package var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    /// The id the next message will get.
    package var nextID: UInt64 { state.withLock { $0.nextID } }
}
