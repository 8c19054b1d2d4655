import ChronicleFoundation
import ChroniclePipeline

/// Identifies one event mention: the article's sequence and the event's index in it. Ordered by
/// arrival, which is what makes event cursors stable while new articles come in. Both are packed
/// in one 64-bit word (40 bits of sequence, 24 of index), since the posting lists hold several
/// keys per event; values beyond that (only a forged cursor has them) are clamped, which keeps
/// the order.
package struct EventKey: Hashable, Comparable, Sendable {
    private let packed: UInt64
    private static let indexBits: UInt64 = 24

    package init(sequence: UInt64, index: Int) {
        let sequence = min(sequence, (1 << (64 - Self.indexBits)) - 1)
        let index = UInt64(min(max(0, index), (1 << Int(Self.indexBits)) - 1))
        packed = sequence << Self.indexBits | index
    }

    package var sequence: UInt64 { packed >> Self.indexBits }
    package var index: Int { Int(packed & ((1 << Self.indexBits) - 1)) }

    package static func < (lhs: EventKey, rhs: EventKey) -> Bool { lhs.packed < rhs.packed }
}

/// Posting lists of event keys, each kept in ascending order, for the `GET /v1/events` filters.
struct EventIndex: Sendable {
    private(set) var all: [EventKey] = []
    private(set) var byType: [String: [EventKey]] = [:]
    private(set) var byLemma: [String: [EventKey]] = [:]
    private(set) var byEntity: [String: [EventKey]] = [:]

    mutating func add(_ record: ArticleRecord, entities: EntityRegistry) {
        let names = ArticleEntityNames(record)
        for (index, event) in record.events.enumerated() {
            let key = EventKey(sequence: record.sequence, index: index)
            // Sequences only grow, so appending keeps every list sorted.
            all.append(key)
            byType[event.type, default: []].append(key)
            if let lemma = event.lemma { byLemma[lemma, default: []].append(key) }
            for entityID in names.entityIDs(of: event, entities: entities) {
                byEntity[entityID, default: []].append(key)
            }
        }
    }

    /// The postings of `records` (in sequence order), built a share at a time on every core and
    /// joined in order: what adding them one by one gives.
    init(records: [ArticleRecord], entities: EntityRegistry) {
        let shares = Concurrently.shares(of: records.count / 1024)
        let parts = Concurrently.map(shares) { share in
            var index = EventIndex()
            for position in records.count * share / shares..<records.count * (share + 1) / shares {
                index.add(records[position], entities: entities)
            }
            return index
        }
        for part in parts {
            all += part.all
            for (type, keys) in part.byType { byType[type, default: []] += keys }
            for (lemma, keys) in part.byLemma { byLemma[lemma, default: []] += keys }
            for (entity, keys) in part.byEntity { byEntity[entity, default: []] += keys }
        }
    }

    init() {}

    mutating func remove(_ record: ArticleRecord, entities: EntityRegistry) {
        guard !record.events.isEmpty else { return }
        let events = Array(record.events)
        let sequence = record.sequence
        all.removeKeys(of: sequence)
        for event in Set(events.map(\.type)) {
            byType[event]?.removeKeys(of: sequence)
            if byType[event]?.isEmpty == true { byType[event] = nil }
        }
        for lemma in Set(events.compactMap(\.lemma)) {
            byLemma[lemma]?.removeKeys(of: sequence)
            if byLemma[lemma]?.isEmpty == true { byLemma[lemma] = nil }
        }
        let names = ArticleEntityNames(record)
        let entityIDs = Set(events.flatMap { names.entityIDs(of: $0, entities: entities) })
        for id in entityIDs {
            byEntity[id]?.removeKeys(of: sequence)
            if byEntity[id]?.isEmpty == true { byEntity[id] = nil }
        }
    }

    /// Whether `other` holds the same postings (`byEntity` by the ids given in `entityIDs`).
    func samePostings(as other: EventIndex, entityIDs: [String: String] = [:]) -> Bool {
        let byEntity = entityIDs.isEmpty ? other.byEntity : Dictionary(other.byEntity.map { (entityIDs[$0] ?? $0, $1) }, uniquingKeysWith: +)
        return all == other.all && byType == other.byType && byLemma == other.byLemma && self.byEntity == byEntity
    }

    /// The canonical entities an event involves: its actors and its place.
    static func entityIDs(of event: EventMention, in record: ArticleRecord, entities: EntityRegistry) -> Set<String> {
        ArticleEntityNames(record).entityIDs(of: event, entities: entities)
    }
}

/// The canonical names an article's entity mentions carry, with their types, so that finding the
/// entities an event names is a look-up per actor rather than a pass over the article's mentions
/// per event (quadratic in a long article).
struct ArticleEntityNames {
    let articleID: String
    private let typesByName: [String: Set<EntityType>]

    init(_ record: ArticleRecord) {
        articleID = record.id
        var types: [String: Set<EntityType>] = [:]
        for mention in record.document.entities { types[mention.canonicalName, default: []].insert(mention.type) }
        typesByName = types
    }

    func entityIDs(of event: EventMention, entities: EntityRegistry) -> Set<String> {
        var ids = Set<String>()
        for name in event.actors.map(\.name) + (event.place.map { [$0] } ?? []) {
            for type in typesByName[name] ?? [] {
                if let id = entities.entityID(article: articleID, type: type, canonicalName: name) { ids.insert(id) }
            }
        }
        return ids
    }
}

extension Array where Element == EventKey {
    /// Index of the first key at or after `sequence` (keys are sorted).
    func firstIndex(atOrAfter sequence: UInt64) -> Int {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid].sequence < sequence { low = mid + 1 } else { high = mid }
        }
        return low
    }

    mutating func removeKeys(of sequence: UInt64) {
        let start = firstIndex(atOrAfter: sequence)
        let end = firstIndex(atOrAfter: sequence + 1)
        removeSubrange(start..<end)
    }
}
