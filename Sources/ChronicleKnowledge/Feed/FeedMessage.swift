import Foundation

/// One change of the store, as the live feed (`GET /v1/stream`) sends it: what happened, the
/// JSON the API would return for it, and what a subscriber can filter on.
public struct FeedMessage: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
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
    public let id: UInt64
    public let kind: Kind
    /// The JSON the API returns for the thing: `ArticleSummary`, `MergedEventView`, `StoryView`.
    public let data: Data
    public let story: String?
    public let entities: Set<String>
    /// Event types involved: the event's, or those of the article's events.
    public let eventTypes: Set<String>
}

/// What a subscriber wants: every filter given must match.
public struct FeedFilter: Sendable, Equatable {
    public var entity: String?
    public var type: String?
    public var story: String?

    public init(entity: String? = nil, type: String? = nil, story: String? = nil) {
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
