import ChroniclePipeline

/// What a story's entry in a list shows, kept up to date as reports arrive: listing stories, or
/// announcing on the feed the story an article joined, costs the story's distinct entities
/// rather than a pass over its reports (a running story has thousands).
///
/// Reports are added in arrival order; when a story loses a report, absorbs another or splits,
/// its summary is computed again from its reports.
struct StorySummary: Sendable, Equatable {
    private(set) var articleCount = 0
    /// The first report (lowest sequence) and the last one's sequence.
    private(set) var firstArticle: String?
    private(set) var lastSequence: UInt64 = 0
    /// The headline of the first report that has one.
    private(set) var headline: String?
    /// Reports per origin: a copy counts under its original's, so this counts independent sources.
    private var origins: [String: Int] = [:]
    /// The earliest and latest date among the reports (publication, else arrival).
    private(set) var firstUpdate: String?
    private(set) var lastUpdate: String?
    /// Reports mentioning each canonical entity.
    private(set) var entityArticles: [String: Int] = [:]

    var sourceCount: Int { origins.count }

    init() {}

    /// `reports` in arrival order, each with its origin and its canonical entities.
    init(_ reports: [(record: ArticleRecord, origin: String, entities: Set<String>)]) {
        for report in reports { add(report.record, origin: report.origin, entities: report.entities) }
    }

    mutating func add(_ record: ArticleRecord, origin: String, entities: Set<String>) {
        articleCount += 1
        if firstArticle == nil { firstArticle = record.id }
        lastSequence = max(lastSequence, record.sequence)
        if headline == nil { headline = record.document.metadata.title }
        origins[origin, default: 0] += 1
        let date = Self.date(of: record)
        if firstUpdate.map({ date < $0 }) ?? true { firstUpdate = date }
        if lastUpdate.map({ date > $0 }) ?? true { lastUpdate = date }
        for entity in entities { entityArticles[entity, default: 0] += 1 }
    }

    static func date(of record: ArticleRecord) -> String {
        record.document.metadata.publicationDate ?? String(record.receivedAt.prefix(10))
    }
}
