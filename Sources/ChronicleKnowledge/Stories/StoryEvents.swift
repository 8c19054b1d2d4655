/// A story's merged events in the order they appeared, with the look-ups that keep merging and
/// reading cheap in a story of thousands of events: the events of each type (a new mention is
/// compared with those only), the event each mention went into, and each event by id.
public struct StoryEvents: RandomAccessCollection, Sendable, Equatable {
    private var events: [MergedEvent] = []
    private var positionsByType: [String: [Int]] = [:]
    private var positionByID: [String: Int] = [:]
    /// `<article id>.e<index>` of a mention -> its event's position.
    private var positionByMention: [String: Int] = [:]

    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { events.count }
    public subscript(position: Int) -> MergedEvent { events[position] }

    /// Positions of the events of `type`, oldest first.
    func positions(ofType type: String) -> [Int] { positionsByType[type] ?? [] }

    /// Starts a new event with `mention`.
    mutating func append(_ mention: MentionFacts) {
        let event = MergedEvent(first: mention)
        let position = events.count
        events.append(event)
        positionsByType[event.type, default: []].append(position)
        positionByID[event.id] = position
        positionByMention[Self.key(mention.articleID, mention.index)] = position
    }

    /// Adds `mention` as another report of the event at `position`.
    mutating func add(_ mention: MentionFacts, toEventAt position: Int) {
        events[position].add(mention)
        positionByMention[Self.key(mention.articleID, mention.index)] = position
    }

    /// The event the article's `index`th event mention went into.
    public func event(article: String, index: Int) -> MergedEvent? {
        positionByMention[Self.key(article, index)].map { events[$0] }
    }

    public func event(id: String) -> MergedEvent? { positionByID[id].map { events[$0] } }

    private static func key(_ article: String, _ index: Int) -> String { "\(article).e\(index)" }
}
