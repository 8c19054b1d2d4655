import ChroniclePipeline

/// `GET /v1/articles`: newest first, filtered by source and publication date.
public struct ArticleQuery: Sendable {
    public var source: String?
    /// Inclusive `YYYY-MM-DD` bounds on the publication date.
    public var from: String?
    public var to: String?
    public var limit: Int
    public var cursor: Cursor?

    public init(source: String? = nil, from: String? = nil, to: String? = nil, limit: Int = 20, cursor: Cursor? = nil) {
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
    public func articles(_ query: ArticleQuery) -> Page<ArticleSummary> {
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
