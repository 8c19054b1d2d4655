import ChroniclePipeline

/// A story's merged events in the order they appeared, with the look-ups that keep merging and
/// reading cheap in a story of thousands of events: the events of each kind (`EventKind`) and,
/// within a kind, of each party (a new mention is compared with those it could fit only), the
/// event each mention went into, and each event by id.
package struct StoryEvents: RandomAccessCollection, Sendable, Equatable {
    private var events: [MergedEvent] = []
    private var positionsByKind: [String: [Int]] = [:]
    /// Per kind, the events each party takes part in, and the events with no parties: a mention
    /// with parties fits only an event that shares one or has none (`EventMerger.fit`).
    private var positionsByParty: [String: [String: [Int]]] = [:]
    private var partyless: [String: Set<Int>] = [:]
    /// A mention (its article and index there) -> its event's position. An event is found by id
    /// through its first mention.
    private var positionByMention: [MentionKey: Int] = [:]

    private struct MentionKey: Hashable, Sendable {
        let article: String
        let index: Int
    }
    /// The position of `headlineEvent`.
    private var headlinePosition: Int?

    package init() {}

    /// Room for a story of `mentions` event mentions (restoring one from a snapshot): the
    /// look-up grows once, not by doubling.
    init(reservingCapacity mentions: Int) {
        positionByMention.reserveCapacity(mentions)
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { events.count }
    package subscript(position: Int) -> MergedEvent { events[position] }

    /// Starts a new event with `mention`.
    mutating func append(_ mention: MentionFacts) {
        let event = MergedEvent(first: mention)
        let position = events.count
        events.append(event)
        let kind = event.kind
        positionsByKind[kind, default: []].append(position)
        index(position, kind: kind, newParties: event.parties)
        positionByMention[MentionKey(article: mention.articleID, index: mention.index)] = position
        consider(position)
    }

    /// Adds `mention` as another report of the event at `position`.
    mutating func add(_ mention: MentionFacts, toEventAt position: Int) {
        let before = events[position].parties
        events[position].add(mention)
        if events[position].parties.count != before.count {
            index(position, kind: events[position].kind, newParties: events[position].parties.subtracting(before))
        }
        positionByMention[MentionKey(article: mention.articleID, index: mention.index)] = position
        consider(position)
    }

    private mutating func index(_ position: Int, kind: String, newParties: Set<String>) {
        if events[position].parties.isEmpty {
            partyless[kind, default: []].insert(position)
            return
        }
        partyless[kind]?.remove(position)
        for party in newParties { positionsByParty[kind, default: [:]][party, default: []].append(position) }
    }

    /// The events of a kind a mention with these parties could fit, oldest first: all of them for
    /// a mention without parties, else those sharing a party or having none.
    func candidates(ofKind kind: String, parties: Set<String>) -> [Int] {
        guard !parties.isEmpty else { return positionsByKind[kind] ?? [] }
        var found = partyless[kind] ?? []
        if let byParty = positionsByParty[kind] {
            for party in parties { found.formUnion(byParty[party] ?? []) }
        }
        return found.sorted()
    }

    /// The position among `candidates(ofKind:parties:)` that `score` rates highest (the first of
    /// equals), reading each event in place rather than copying it out.
    func best(ofKind kind: String, parties: Set<String>, by score: (UnsafePointer<MergedEvent>) -> Double?) -> Int? {
        var best: (score: Double, position: Int)?
        // `score` gets a pointer to each event and reads only the fields it needs: an event
        // passed by value was copied whole out of the array (a dozen retains, thousands of
        // candidates in a long story), even when lent from the array's buffer.
        events.withUnsafeBufferPointer { events in
            guard let first = events.baseAddress else { return }
            for position in candidates(ofKind: kind, parties: parties) {
                guard let value = score(first + position), value > (best?.score ?? -.infinity) else { continue }
                best = (value, position)
            }
        }
        return best?.position
    }

    /// The best-attested event with parties, statements aside: what a story without a headline is
    /// titled after. The first of those with the most reports.
    package var headlineEvent: MergedEvent? { headlinePosition.map { events[$0] } }

    /// Keeps `headlinePosition` on the first event with the most reports: reports are only ever
    /// added, so only the event that just grew can overtake it.
    private mutating func consider(_ position: Int) {
        guard events[position].type != EventOntology.statement, !events[position].actors.isEmpty else { return }
        if let current = headlinePosition {
            let (count, best) = (events[position].mentions.count, events[current].mentions.count)
            guard count > best || (count == best && position < current) else { return }
        }
        headlinePosition = position
    }

    /// The position of the event the article's `index`th event mention went into.
    func position(article: String, index: Int) -> Int? {
        positionByMention[MentionKey(article: article, index: index)]
    }

    /// The event the article's `index`th event mention went into.
    package func event(article: String, index: Int) -> MergedEvent? {
        positionByMention[MentionKey(article: article, index: index)].map { events[$0] }
    }

    package func event(id: String) -> MergedEvent? {
        guard let (article, index) = MergedEvent.firstMention(ofID: id),
            let position = positionByMention[MentionKey(article: article, index: index)],
            events[position].mentions[0].articleID == article, events[position].mentions[0].index == index
        else { return nil }
        return events[position]
    }
}
