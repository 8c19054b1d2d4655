import ChronicleKnowledge
import ChroniclePipeline

/// Times the story layer's share of inserting an article into a full store: grouping it into a
/// story and merging its events, apart from the rest of indexing. For `chronicle stories bench`.
package enum StoryBenchmark {
    package struct Report: Sendable {
        /// Per measured insert: the grouping and merging work, and the whole insert.
        package let storyWork: [Duration]
        package let wholeInsert: [Duration]
        package let storedArticles: Int
        package let stories: Int
    }

    /// Stores all but the last `measured` records, then inserts each of those (removing it again
    /// before the next, so each meets the same store of `records.count - measured` articles).
    package static func run(records: [ArticleRecord], measured: Int) -> Report {
        let stored = Array(records.dropLast(measured))
        var state = StoreState(records: stored, lastSequence: stored.last?.sequence ?? 0)
        let clock = ContinuousClock()
        var storyWork: [Duration] = []
        var whole: [Duration] = []
        for record in records.suffix(measured) {
            var story = Duration.zero
            let total = clock.measure { story = state.insertMeasuringStories(record) }
            storyWork.append(story)
            whole.append(total)
            state.apply(.delete(id: record.id, sequence: record.sequence))
        }
        return Report(storyWork: storyWork, wholeInsert: whole, storedArticles: stored.count, stories: state.stories.storyIDs.count)
    }
}

extension StoreState {
    /// Inserts a record as `apply(.put)` does, returning how long the story layer took.
    mutating func insertMeasuringStories(_ record: ArticleRecord) -> Duration {
        var storyWork = Duration.zero
        insert(record) { stories, entities, records in
            storyWork = ContinuousClock().measure { stories.add(record, entities: entities, records: records) }
        }
        return storyWork
    }
}
