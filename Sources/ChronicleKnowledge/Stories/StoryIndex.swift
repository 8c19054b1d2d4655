import ChronicleFoundation
import ChroniclePipeline

/// The stories of the store: articles grouped as they arrive, and per story its events merged
/// across reports. Derived from the records like every other index. Grouping is online (each
/// article joins what the ones before it formed), so a delete cannot simply be undone in place:
/// it takes the article out of its story and merges that story's events again without it at once,
/// and marks the index `awaitsRegroup` until the store groups the remaining records again
/// (`StoreState.regroupedStories`), as a rebuild would.
package struct StoryIndex: Sendable {
    private(set) var clusterer: StoryClusterer
    /// Set by a delete: the grouping has had an article taken out rather than been formed without
    /// it. Kept in snapshots, so a regroup owed before a restart is owed after it.
    package internal(set) var awaitsRegroup = false
    /// Deletes applied since the process started: a regroup from an earlier copy of the state is
    /// stale once this has moved.
    package internal(set) var removals = 0
    /// Story id -> its merged events.
    private(set) var events: [String: StoryEvents] = [:]
    /// Article id -> where its report comes from (a copy takes its original's).
    private(set) var origins: [String: String] = [:]
    /// Story id -> what its list entry shows.
    private(set) var summaries: [String: StorySummary] = [:]

    package init(settings: StoryClusterer.Settings = StoryClusterer.Settings()) {
        clusterer = StoryClusterer(settings: settings)
    }

    /// A story index as a snapshot kept it: the grouping, where each report comes from, and for
    /// each story the event each of its reports' event mentions went into (their positions in
    /// the story's events, reports in arrival order). The events are put together again mention
    /// by mention in that order, as they first were, with no merging decision taken again; the
    /// summaries follow from the reports. Nil when the positions do not fit the reports.
    init?(
        clusterer: StoryClusterer, origins: [String: String], eventPositions: [String: [Int]], awaitsRegroup: Bool,
        records: [String: ArticleRecord], entities: EntityRegistry
    ) {
        self.clusterer = clusterer
        self.origins = origins
        self.awaitsRegroup = awaitsRegroup
        // Stories are independent: put together on every core, a share of the stories each.
        let stories = clusterer.storyIDs
        let shares = Concurrently.shares(of: stories.count)
        let index = self
        // A share is every `shares`th story, so the long ones spread over the shares.
        let restored = Concurrently.map(shares) { share in
            stride(from: share, to: stories.count, by: shares).map { position -> (story: String, events: StoryEvents, summary: StorySummary)? in
                let story = stories[position]
                let reports = index.reports(of: story, in: records)
                guard let events = index.events(of: reports, positions: eventPositions[story] ?? []) else { return nil }
                return (story, events, index.summary(of: reports, entities: entities))
            }
        }
        for part in restored {
            for story in part {
                guard let story else { return nil }
                events[story.story] = story.events
                summaries[story.story] = story.summary
            }
        }
    }

    /// A story's events put together again from its reports (in arrival order) and the position
    /// of the event each of their mentions went into; nil when the positions do not fit.
    private func events(of reports: [ArticleRecord], positions: [Int]) -> StoryEvents? {
        var next = 0
        var merged = StoryEvents(reservingCapacity: positions.count)
        for report in reports {
            for mention in facts(of: report) {
                guard next < positions.count else { return nil }
                let position = positions[next]
                next += 1
                if position == merged.count {
                    merged.append(mention)
                } else if position < merged.count {
                    merged.add(mention, toEventAt: position)
                } else {
                    return nil
                }
            }
        }
        return next == positions.count ? merged : nil
    }

    /// The positions in its story's events of each event mention of the story's reports that
    /// stories take (`EventMerger.belongsToStories`), reports
    /// in arrival order (what `init(clusterer:origins:eventPositions:records:entities:)` takes).
    /// A mention in no event (no store makes one) gets a position past every event, which that
    /// initializer refuses, so the indexes are rebuilt rather than restored wrong.
    func eventPositions(of story: String, records: [String: ArticleRecord]) -> [Int] {
        guard let merged = events[story] else { return [] }
        return reports(of: story, in: records).flatMap { report in
            Self.storyMentions(of: Array(report.events)).map { merged.position(article: report.id, index: $0) ?? Int.max }
        }
    }

    /// `records`: the store's records (with `record`), to merge again the events of stories
    /// that the new article ties together.
    package mutating func add(_ record: ArticleRecord, entities: EntityRegistry, records: [String: ArticleRecord]) {
        let profile = Self.profile(record, entities: entities, kindWeights: clusterer.settings.entityKindWeights)
        let assignment = clusterer.add(profile)
        origins[record.id] = assignment.copyOf.flatMap { origins[$0] } ?? profile.origin
        if assignment.absorbed.isEmpty, assignment.split.isEmpty {
            EventMerger.merge(facts(of: record), into: &events[assignment.story, default: StoryEvents()])
            summaries[assignment.story, default: StorySummary()].add(
                record, origin: origins[record.id] ?? record.id, entities: entities.entityIDs(article: record.id))
        } else {
            for story in assignment.absorbed {
                events[story] = nil
                summaries[story] = nil
            }
            for story in Set(assignment.split + [assignment.story]).sorted() { remerge(story, records: records, entities: entities) }
        }
    }

    /// `entities` must still hold the other articles' entities.
    mutating func remove(_ record: ArticleRecord, records: [String: ArticleRecord], entities: EntityRegistry) {
        guard let story = clusterer.remove(articleID: record.id) else { return }
        origins[record.id] = nil
        remerge(story, records: records, entities: entities)
        awaitsRegroup = true
        removals += 1
    }

    /// Merges a story's events again from its articles, in arrival order, and sums it up again.
    private mutating func remerge(_ story: String, records: [String: ArticleRecord], entities: EntityRegistry) {
        let articles = reports(of: story, in: records)
        guard !articles.isEmpty else {
            events[story] = nil
            summaries[story] = nil
            return
        }
        var merged = StoryEvents()
        for article in articles {
            EventMerger.merge(facts(of: article), into: &merged)
        }
        events[story] = merged
        summaries[story] = summary(of: articles, entities: entities)
    }

    /// A story's summary computed from its reports (in arrival order).
    func summary(of articles: [ArticleRecord], entities: EntityRegistry) -> StorySummary {
        StorySummary(articles.map { ($0, origins[$0.id] ?? $0.id, entities.entityIDs(article: $0.id)) })
    }

    /// Whether every story's kept summary is the one its reports give.
    func summariesAreCurrent(records: [String: ArticleRecord], entities: EntityRegistry) -> Bool {
        Set(summaries.keys) == Set(storyIDs) && storyIDs.allSatisfy { story in
            summaries[story] == summary(of: reports(of: story, in: records), entities: entities)
        }
    }

    func story(of article: String) -> String? { clusterer.story(of: article) }
    func articles(of story: String) -> [String] { clusterer.articles(of: story) }
    /// The records of a story's articles, in arrival order.
    func reports(of story: String, in records: [String: ArticleRecord]) -> [ArticleRecord] {
        articles(of: story).compactMap { records[$0] }.sorted { $0.sequence < $1.sequence }
    }
    package var storyIDs: [String] { clusterer.storyIDs }
    func copyOf(_ article: String) -> String? { clusterer.copies[article] }

    /// Whether both group the same articles into the same stories, with the same copies and the
    /// same reports merged into each event. Ids are left out: a story or event keeps its id when
    /// the article it was named after is deleted, where a rebuild names it after another.
    func agrees(with other: StoryIndex) -> Bool {
        grouping == other.grouping && clusterer.copies == other.clusterer.copies && mergedReports == other.mergedReports
    }

    /// Whether both are the same down to every look-up and id (a restored index and the one
    /// written; `agrees(with:)` compares with a rebuild, whatever the ids).
    func sameState(as other: StoryIndex) -> Bool {
        clusterer.sameState(as: other.clusterer) && events == other.events && origins == other.origins && summaries == other.summaries
            && awaitsRegroup == other.awaitsRegroup
    }

    private var grouping: Set<Set<String>> { Set(storyIDs.map { Set(articles(of: $0)) }) }

    private var mergedReports: Set<Set<String>> {
        Set(events.values.flatMap { $0.map { Set($0.mentions.map { "\($0.articleID).e\($0.index)" }) } })
    }

    private func facts(of record: ArticleRecord) -> [MentionFacts] {
        let origin = origins[record.id] ?? record.id
        let document = record.document
        let events = Array(record.events)
        let eventSentences = Set(events.map(\.sentence))
        // One pass over the entities: their affiliations, and the places each sentence with an
        // event names (a sentence looked up by its start: sentences are in order and apart).
        var affiliations: [String: String] = [:]
        var places: [Int: Set<String>] = [:]
        for mention in document.entities {
            if let affiliation = mention.affiliation { affiliations[mention.canonicalName] = affiliation }
            guard mention.type == .location else { continue }
            let sentence = document.sentences.partitioningIndex { $0.span.start > mention.span.start } - 1
            guard sentence >= 0, eventSentences.contains(sentence), mention.span.end <= document.sentences[sentence].span.end else { continue }
            places[sentence, default: []].insert(mention.canonicalName)
        }
        let placesBySentence = places.mapValues { $0.sorted() }
        return Self.storyMentions(of: events).map { index in
            let event = events[index]
            let places = placesBySentence[event.sentence] ?? []
            return MentionFacts(
                articleID: record.id, sequence: record.sequence, index: index, event: event, source: record.source, origin: origin,
                publicationDate: document.metadata.publicationDate, affiliations: affiliations, nearbyPlaces: places)
        }
    }

    /// The indices of an article's events that stories take (`EventMerger.belongsToStories`).
    static func storyMentions(of events: [EventMention]) -> [Int] {
        events.indices.filter { EventMerger.belongsToStories(events[$0]) }
    }

    static func profile(_ record: ArticleRecord, entities: EntityRegistry, kindWeights: [EntityType: Double]) -> ArticleProfile {
        ArticleProfile(articleID: record.id, document: record.fullDocument, kindWeights: kindWeights) { mention in
            entities.entityID(article: record.id, type: mention.type, canonicalName: mention.canonicalName)
                ?? "\(mention.type.rawValue):\(mention.canonicalName.lowercased())"
        }
    }
}
