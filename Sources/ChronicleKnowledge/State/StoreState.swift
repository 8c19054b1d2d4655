import ChronicleFoundation
import ChroniclePipeline

/// Everything the store holds: the article records (the source of truth) and the indexes derived
/// from them. A value type, so a snapshot is a cheap copy and a rebuild can be compared with it.
package struct StoreState: Sendable {
    package private(set) var records: [String: ArticleRecord] = [:]
    /// Sequences of stored articles, ascending: the arrival order that cursors page through.
    package private(set) var sequences: [UInt64] = []
    package private(set) var idsBySequence: [UInt64: String] = [:]
    private(set) var idsByHash: [UInt64: [String]] = [:]
    package private(set) var entities = EntityRegistry()
    private(set) var events = EventIndex()
    package private(set) var stories = StoryIndex()
    /// The highest journal sequence applied, including deletes.
    package private(set) var lastSequence: UInt64 = 0
    /// Regroups of the stories adopted in this process (`adoptStories`).
    private(set) var regroups: UInt64 = 0

    /// Changes with every change of the state, journal entries and regroups alike: what a
    /// response read at one revision says holds while the revision stays.
    package var revision: UInt64 { lastSequence + regroups }

    package init() {}

    /// An empty state whose stories are grouped with other settings (for `chronicle stories eval`).
    package init(storySettings: StoryClusterer.Settings) {
        stories = StoryIndex(settings: storySettings)
    }

    package init(records: [ArticleRecord], lastSequence: UInt64) {
        for record in records.sorted(by: { $0.sequence < $1.sequence }) {
            apply(.put(record))
        }
        self.lastSequence = max(self.lastSequence, lastSequence)
    }

    /// A state as a snapshot kept it: the records (in sequence order) and the decisions of the
    /// indexes derived from them, so that it goes on exactly as the state that wrote it; the
    /// look-ups and the event postings follow from those. Nil when they do not fit together.
    init?(
        records: [ArticleRecord], lookups: RecordLookups, lastSequence: UInt64, entities: EntityRegistry, clusterer: StoryClusterer,
        origins: [String: String], eventPositions: [String: [Int]], storiesAwaitRegroup: Bool
    ) {
        self.entities = entities
        (self.records, sequences, idsBySequence, idsByHash) = (lookups.byID, lookups.sequences, lookups.idsBySequence, lookups.idsByHash)
        // Each on every core in turn (work split across cores inside work split across cores
        // ran on one).
        guard
            let stories = StoryIndex(
                clusterer: clusterer, origins: origins, eventPositions: eventPositions, awaitsRegroup: storiesAwaitRegroup,
                records: self.records, entities: entities)
        else { return nil }
        self.stories = stories
        events = EventIndex(records: records, entities: entities)
        self.lastSequence = max(lastSequence, sequences.last ?? 0)
    }

    package var articleCount: Int { records.count }

    package mutating func apply(_ entry: JournalEntry) {
        switch entry {
        case .put(let record):
            if records[record.id] != nil { remove(id: record.id) }
            insert(record)
        case .delete(let id, _):
            remove(id: id)
        }
        lastSequence = max(lastSequence, entry.sequence)
    }

    /// An existing article whose clean text, normalized (`ContentHash.normalized`), is
    /// `normalized`, whose hash is `hash`.
    package func duplicate(normalized: String, hash: UInt64) -> ArticleRecord? {
        idsByHash[hash]?.lazy.compactMap { records[$0] }.first { $0.hasText(normalized: normalized, hash: hash) }
    }

    package func record(forSequence sequence: UInt64) -> ArticleRecord? {
        idsBySequence[sequence].flatMap { records[$0] }
    }

    /// `addToStories` lets a benchmark time the story layer's part.
    package mutating func insert(_ record: ArticleRecord, addToStories: ((inout StoryIndex, EntityRegistry, [String: ArticleRecord]) -> Void)? = nil) {
        records[record.id] = record
        if let last = sequences.last, last > record.sequence {
            sequences.insert(record.sequence, at: sequences.partitioningIndex { $0 >= record.sequence })
        } else {
            sequences.append(record.sequence)
        }
        idsBySequence[record.sequence] = record.id
        idsByHash[record.contentHash, default: []].append(record.id)
        entities.add(articleID: record.id, mentions: record.document.entities)
        events.add(record, entities: entities)
        if let addToStories { addToStories(&stories, entities, records) } else { stories.add(record, entities: entities, records: records) }
    }

    private mutating func remove(id: String) {
        guard let record = records.removeValue(forKey: id) else { return }
        let position = sequences.partitioningIndex { $0 >= record.sequence }
        if position < sequences.count, sequences[position] == record.sequence { sequences.remove(at: position) }
        idsBySequence[record.sequence] = nil
        idsByHash[record.contentHash]?.removeAll { $0 == id }
        if idsByHash[record.contentHash]?.isEmpty == true { idsByHash[record.contentHash] = nil }
        events.remove(record, entities: entities)
        stories.remove(record, records: records, entities: entities)
        entities.remove(articleID: id, mentions: record.document.entities) { [records] in records[$0]?.sequence }
    }
}

extension StoreState {
    /// The stories a rebuild gives: the records grouped again from nothing, in arrival order, with
    /// the names each resolved to when it arrived. Nil as soon as `isStale` says the result would
    /// be thrown away (checked every few hundred articles).
    package func regroupedStories(isStale: () -> Bool = { false }) -> StoryIndex? {
        var regrouped = StoryIndex(settings: stories.clusterer.settings)
        for (position, sequence) in sequences.enumerated() {
            if position % 256 == 0, isStale() { return nil }
            guard let record = record(forSequence: sequence) else { continue }
            regrouped.add(record, entities: entities, records: records)
        }
        return regrouped
    }

    /// Takes the stories `regroupedStories` gave for `basis`, an earlier copy of this state, after
    /// grouping on them the articles that arrived since. False, changing nothing, when an article
    /// was deleted since `basis` (the regroup is stale).
    @discardableResult
    package mutating func adoptStories(_ regrouped: StoryIndex, groupedFrom basis: StoreState) -> Bool {
        guard stories.removals == basis.stories.removals else { return false }
        var regrouped = regrouped
        for sequence in sequences[sequences.partitioningIndex { $0 > basis.lastSequence }...] {
            guard let record = record(forSequence: sequence) else { continue }
            regrouped.add(record, entities: entities, records: records)
        }
        regrouped.removals = stories.removals
        stories = regrouped
        regroups += 1
        return true
    }

    /// Groups the stories again at once, if a delete left them owing it (`StoryIndex.awaitsRegroup`).
    package mutating func regroupStoriesIfOwed() {
        guard stories.awaitsRegroup, let regrouped = regroupedStories() else { return }
        adoptStories(regrouped, groupedFrom: self)
    }
}

extension StoreState {
    /// Whether the incrementally maintained indexes equal those of a rebuild from the records.
    package func indexesMatchRebuild() -> Bool { indexesDifferingFromRebuild().isEmpty }

    /// The indexes that differ from those a rebuild from the records gives (`GET /v1/admin/verify`,
    /// the crash tests). Costs a full rebuild. Entities, events and stories are compared whatever
    /// ids they go by: one keeps its id when the article it was named after is deleted, where a
    /// rebuild names it after another. Stories owing a regroup after a delete (`regroupedStories`)
    /// may differ until it is done.
    package func indexesDifferingFromRebuild() -> [String] {
        let rebuilt = StoreState(records: Array(records.values), lastSequence: lastSequence)
        var differing: [String] = []
        if rebuilt.sequences != sequences || rebuilt.idsBySequence != idsBySequence { differing.append("sequences") }
        if rebuilt.idsByHash.mapValues({ Set($0) }) != idsByHash.mapValues({ Set($0) }) { differing.append("content hashes") }
        if !entities.agrees(with: rebuilt.entities) { differing.append("entities") }
        if !rebuilt.events.samePostings(as: events, entityIDs: entities.ids(in: rebuilt.entities)) { differing.append("events") }
        if !rebuilt.stories.agrees(with: stories) { differing.append("stories") }
        if !stories.summariesAreCurrent(records: records, entities: entities) { differing.append("story summaries") }
        return differing
    }
}

extension StoreState {
    /// The parts in which two states differ, ids, look-ups and floats included: empty when a state
    /// restored from a snapshot is the one written, and goes on as it would have.
    package func differences(from other: StoreState) -> [String] {
        var differing: [String] = []
        if records != other.records || lastSequence != other.lastSequence { differing.append("records") }
        if sequences != other.sequences || idsBySequence != other.idsBySequence || idsByHash != other.idsByHash { differing.append("sequences") }
        if !entities.sameState(as: other.entities) { differing.append("entities") }
        if !events.samePostings(as: other.events) { differing.append("events") }
        if !stories.sameState(as: other.stories) { differing.append("stories") }
        return differing
    }
}
