import ChronicleFoundation
import ChroniclePipeline

/// `GET /v1/articles`: newest first, filtered by source and publication date.
package struct ArticleQuery: Sendable {
    package var source: String?
    /// Inclusive `YYYY-MM-DD` bounds on the publication date.
    package var from: String?
    package var to: String?
    package var limit: Int
    package var cursor: Cursor?

    package init(source: String? = nil, from: String? = nil, to: String? = nil, limit: Int = 20, cursor: Cursor? = nil) {
        self.source = source
        self.from = from
        self.to = to
        self.limit = limit
        self.cursor = cursor
    }

    func matches(_ record: ArticleRecord) -> Bool {
        let metadata = record.document.metadata
        if let source {
            let wanted = source.lowercased()
            guard metadata.source?.lowercased() == wanted || metadata.agency?.lowercased() == wanted else { return false }
        }
        if from != nil || to != nil {
            guard let date = metadata.publicationDate, TimexRange(value: date)?.overlaps(from: from, to: to) == true
            else { return false }
        }
        return true
    }
}

extension StoreState {
    package func articles(_ query: ArticleQuery) -> Page<ArticleSummary> {
        var end = sequences.count
        if let cursor = query.cursor { end = sequences.partitioningIndex { $0 >= cursor.sequence } }
        var items: [ArticleSummary] = []
        var position = end
        while position > 0, items.count < query.limit {
            position -= 1
            guard let record = record(forSequence: sequences[position]), query.matches(record) else { continue }
            items.append(ArticleSummary(record))
        }
        let more = items.count == query.limit && position > 0
        let next = more ? Cursor(sequence: sequences[position]).token : nil
        return Page(items: items, nextCursor: next)
    }
}
