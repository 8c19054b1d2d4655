import ChroniclePipeline

/// Builds Track A timelines from the pipeline's events: for every target entity, the events one
/// of whose actors is that entity, named after the corpus token their trigger starts on and
/// ordered by their dates.
///
/// Events with the same date share an order; events with no usable date (no year) go to order 0
/// with `XXXX-XX-XX`, as the task asks for events that cannot be anchored. No event coreference
/// is attempted: each trigger is its own event.
package struct TimeLineBuilder: Sendable {
    /// One event found for a target.
    package struct Event: Sendable, Equatable {
        /// `docid-sentence-token`.
        package var name: String
        package var date: TimeLineDate?
    }

    package let targets: [String]
    /// Per target, its events in corpus order.
    package private(set) var events: [String: [Event]] = [:]
    /// Triggers whose first token could not be found in the corpus document.
    package private(set) var unalignedTriggers = 0
    package private(set) var triggers = 0

    package init(targets: [String]) {
        self.targets = targets
    }

    /// Adds the events the pipeline found in `article`, the text of `document`.
    package mutating func add(_ document: TimeLineDocument, article: ArticleDocument) {
        let alignment = document.alignment(to: article.text)
        let matchers = targets.map { TimeLineEntityMatcher(target: $0, entities: article.entities) }
        for mention in article.events {
            triggers += 1
            guard let first = alignment.tokens(overlapping: mention.trigger).first else {
                unalignedTriggers += 1
                continue
            }
            let event = Event(
                name: document.eventName(firstToken: first), date: mention.time.flatMap(TimeLineDate.init(timexValue:)))
            for matcher in matchers where mention.actors.contains(where: { matcher.matches($0, in: article) }) {
                if events[matcher.target]?.contains(where: { $0.name == event.name }) != true {
                    events[matcher.target, default: []].append(event)
                }
            }
        }
    }

    /// The target's timeline: undated events at order 0, then one order per date, in calendar
    /// order (`TimeLineDate`).
    package func timeline(for target: String) -> TimeLine {
        let found = events[target] ?? []
        var entries = found.filter { $0.date == nil }.map {
            TimeLine.Entry(order: 0, date: TimeLine.unknownDate, mentions: [$0.name])
        }
        let dates = Set(found.compactMap(\.date)).sorted()
        for (index, date) in dates.enumerated() {
            for event in found where event.date == date {
                entries.append(TimeLine.Entry(order: index + 1, date: date.text, mentions: [event.name]))
            }
        }
        return TimeLine(entity: target, entries: entries)
    }
}
