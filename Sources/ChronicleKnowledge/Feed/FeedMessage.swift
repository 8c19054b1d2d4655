import Foundation
import Synchronization

/// One change of the store, as the live feed (`GET /v1/stream`) sends it: what happened, the
/// JSON the API would return for it, and what a subscriber can filter on.
package struct FeedMessage: Sendable, Equatable {
    package enum Kind: String, Sendable, CaseIterable {
        /// An article was stored.
        case article
        /// A merged event appeared.
        case event
        /// A merged event got another report, or a conflict.
        case eventUpdated = "event_updated"
        /// A story appeared or changed (an article joined or left it).
        case story
    }

    /// Increasing from 1 over the life of the feed: the SSE `id`, for `Last-Event-ID`.
    package let id: UInt64
    package let kind: Kind
    /// The JSON the API returns for the thing: `ArticleSummary`, `MergedEventView`, `StoryView`.
    package var data: Data { payload.data }
    private let payload: Payload
    package let story: String?
    package let entities: Set<String>
    /// Event types involved: the event's, or those of the article's events.
    package let eventTypes: Set<String>

    init(id: UInt64, kind: Kind, view: any Encodable & Sendable, story: String?, entities: Set<String>, eventTypes: Set<String>) {
        (self.id, self.kind, payload) = (id, kind, Payload(view))
        (self.story, self.entities, self.eventTypes) = (story, entities, eventTypes)
    }

    package static func == (lhs: FeedMessage, rhs: FeedMessage) -> Bool {
        (lhs.id, lhs.kind, lhs.story, lhs.entities, lhs.eventTypes) == (rhs.id, rhs.kind, rhs.story, rhs.entities, rhs.eventTypes)
            && lhs.data == rhs.data
    }

    /// The view, encoded when a subscriber first reads it: most messages, with nobody
    /// listening, are never sent, and encoding each as it was published was a seventh of
    /// what storing an article cost.
    /// Once encoded, the view is let go.
    private final class Payload: Sendable {
        private enum Form {
            case view(any Encodable & Sendable)
            case encoded(Data)
        }

        private let form: Mutex<Form>

        init(_ view: any Encodable & Sendable) { form = Mutex(.view(view)) }

        var data: Data {
            form.withLock { form in
                switch form {
                case .encoded(let data):
                    return data
                case .view(let view):
                    let data = (try? StoreState.feedEncoder.encode(view)) ?? Data("{}".utf8)
                    form = .encoded(data)
                    return data
                }
            }
        }
    }
}

/// What a subscriber wants: every filter given must match.
package struct FeedFilter: Sendable, Equatable {
    package var entity: String?
    package var type: String?
    package var story: String?

    package init(entity: String? = nil, type: String? = nil, story: String? = nil) {
        self.entity = entity
        self.type = type?.uppercased()
        self.story = story
    }

    func matches(_ message: FeedMessage) -> Bool {
        if let entity, !message.entities.contains(entity) { return false }
        if let type, !message.eventTypes.contains(type) { return false }
        if let story, message.story != story { return false }
        return true
    }
}
