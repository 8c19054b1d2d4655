import ChroniclePipeline
import Foundation

extension StoreState {
    /// An applied journal entry, with what the feed needs that the state after it no longer says.
    enum AppliedEntry: Sendable {
        case put(ArticleRecord)
        /// The story the deleted article was in.
        case delete(story: String?)
    }

    /// Applies a journal entry, keeping what `feedDrafts(for:)` needs to tell of it.
    mutating func applyForFeed(_ entry: JournalEntry) -> AppliedEntry {
        switch entry {
        case .put(let record):
            apply(entry)
            return .put(record)
        case .delete(let id, _):
            let story = stories.story(of: id)
            apply(entry)
            return .delete(story: story)
        }
    }

    /// What the live feed tells of an applied entry: the article, the merged events it started or
    /// added a report to, and its story (for a delete, the story that lost a report, unless it
    /// is gone, which the story message's absence tells).
    func feedDrafts(for applied: AppliedEntry) -> [ChangeFeed.Draft] {
        switch applied {
        case .put(let record):
            return changes(afterPut: record)
        case .delete(let story):
            guard let story, let view = StoryView(id: story, state: self, detailed: false) else { return [] }
            return [Self.draft(.story, view, story: story, entities: Set(view.mainEntities.map(\.id)), types: [])]
        }
    }

    private func changes(afterPut record: ArticleRecord) -> [ChangeFeed.Draft] {
        guard records[record.id] != nil else { return [] }
        let story = stories.story(of: record.id)
        let articleEntities = entities.entityIDs(article: record.id)
        let articleTypes = Set(record.events.map(\.type))
        var drafts = [Self.draft(.article, ArticleSummary(record), story: story, entities: articleEntities, types: articleTypes)]
        if let story {
            let events = stories.events[story] ?? StoryEvents()
            var told = Set<String>()
            let texts = ArticleTexts()
            // In the order the article tells them, each merged event once.
            for index in record.events.indices {
                guard let event = events.event(article: record.id, index: index), told.insert(event.id).inserted else { continue }
                let isNew = event.mentions.allSatisfy { $0.articleID == record.id }
                drafts.append(Self.draft(
                    isNew ? .event : .eventUpdated, MergedEventView(event, story: story, state: self, texts: texts), story: story,
                    entities: entityIDs(of: event, names: texts), types: [event.type]))
            }
            if let view = StoryView(id: story, state: self, detailed: false) {
                drafts.append(Self.draft(.story, view, story: story, entities: articleEntities, types: articleTypes))
            }
        }
        return drafts
    }

    /// The canonical entities a merged event involves, over all its reports.
    func entityIDs(of event: MergedEvent, names: ArticleTexts = ArticleTexts()) -> Set<String> {
        var ids = Set<String>()
        for mention in event.mentions {
            guard let record = records[mention.articleID], record.events.indices.contains(mention.index) else { continue }
            ids.formUnion(names.entityNames(of: record).entityIDs(of: record.events[mention.index], entities: entities))
        }
        return ids
    }

    static let feedEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    private static func draft(
        _ kind: FeedMessage.Kind, _ view: some Encodable & Sendable, story: String?, entities: Set<String>, types: Set<String>
    ) -> ChangeFeed.Draft {
        ChangeFeed.Draft(kind: kind, view: view, story: story, entities: entities, eventTypes: types)
    }
}

extension StoreState {
    /// What the live feed tells of a regroup: each story whose reports it changed, as it is now
    /// (a story gone is told by its absence, as after a delete).
    func feedDrafts(afterRegroupFrom previous: StoryIndex) -> [ChangeFeed.Draft] {
        stories.storyIDs.sorted().compactMap { story in
            guard previous.articles(of: story) != stories.articles(of: story), let view = StoryView(id: story, state: self, detailed: false)
            else { return nil }
            return Self.draft(.story, view, story: story, entities: Set(view.mainEntities.map(\.id)), types: [])
        }
    }
}
