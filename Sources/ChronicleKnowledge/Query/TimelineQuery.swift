import ChroniclePipeline

/// A timeline: events in the order of the time they happened, not the order they were reported.
package struct Timeline: Encodable, Sendable {
    package let events: [EventView]
    /// An article's own dates in calendar order (article timelines only).
    package var dates: [ArticleTimeline.Entry]?

    enum CodingKeys: String, CodingKey { case events, dates }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(events, forKey: .events)
        try container.encodeIfPresent(dates, forKey: .dates)
    }
}

extension StoreState {
    /// The events of one article in time order within `[from, to]`, with its dates. (Story and
    /// entity timelines are of merged events: `StoryTimeline`.)
    package func timeline(article: String, from: String? = nil, to: String? = nil) -> Timeline? {
        guard let record = records[article] else { return nil }
        let views = record.events.indices.map { EventView(record: record, index: $0) }
        let dates = ArticleTimeline(record.document).entries.filter {
            TimexRange(value: $0.value)?.overlaps(from: from, to: to) ?? false
        }
        let dated = views.compactMap { view -> (EventView, TimexRange)? in
            guard let time = view.effectiveTime, let range = TimexRange(value: time),
                range.overlaps(from: from, to: to)
            else { return nil }
            return (view, range)
        }
        // Coarser values (a month) sort before the days inside them, as a month heading would.
        let ordered = dated.sorted { ($0.1.first, $1.1.last, $0.0.id) < ($1.1.first, $0.1.last, $1.0.id) }
        return Timeline(events: ordered.map(\.0), dates: dates)
    }
}
