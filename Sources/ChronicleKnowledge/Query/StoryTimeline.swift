import ChroniclePipeline

/// A timeline of merged events: those that happened in the order of their normalized time (a
/// month sorts as a month, before the days inside it), then those still to come.
package struct StoryTimeline: Encodable, Sendable {
    package let title: String?
    package let events: [MergedEventView]

    /// Orders events and keeps those within `[from, to]` (future events without a date stay, at
    /// the end).
    init(title: String?, events: [MergedEventView], from: String?, to: String?) {
        self.title = title
        var past: [(MergedEventView, TimexRange)] = []
        var future: [(MergedEventView, TimexRange?)] = []
        for event in events where event.type != EventOntology.statement {
            let range = event.time.flatMap { TimexRange(value: $0) }
            if event.isFuture {
                if let range, !range.overlaps(from: from, to: to) { continue }
                future.append((event, range))
            } else if let range, range.overlaps(from: from, to: to) {
                past.append((event, range))
            }
        }
        past.sort { ($0.1.first, $1.1.last, $0.0.id) < ($1.1.first, $0.1.last, $1.0.id) }
        future.sort { ($0.1?.first ?? "9999", $0.0.id) < ($1.1?.first ?? "9999", $1.0.id) }
        self.events = past.map(\.0) + future.map(\.0)
    }
}

/// The TimelineJS 3 JSON format (https://timeline.knightlab.com/docs/json-format.html), so a
/// dashboard can draw a timeline as it is.
package struct TimelineJSDocument: Encodable, Sendable {
    struct Text: Encodable, Sendable {
        let headline: String
        let text: String?
    }

    struct Date: Encodable, Sendable {
        let year: String
        let month: String?
        let day: String?
        let display_date: String?
    }

    struct Slide: Encodable, Sendable {
        let start_date: Date
        let text: Text
        let group: String
        let unique_id: String
    }

    struct Title: Encodable, Sendable { let text: Text }

    let title: Title?
    let events: [Slide]

    package init(_ timeline: StoryTimeline) {
        title = timeline.title.map { Title(text: Text(headline: $0, text: nil)) }
        events = timeline.events.compactMap { event in
            guard let time = event.time, let year = Int(time.prefix(4)) else { return nil }
            let parts = time.prefix(10).split(separator: "-").map(String.init)
            let month = parts.count > 1 && Int(parts[1]) != nil ? String(Int(parts[1])!) : nil
            let day = parts.count > 2 && Int(parts[2]) != nil ? String(Int(parts[2])!) : nil
            let who = event.actors.prefix(4).map(\.name).joined(separator: ", ")
            let headline = Self.escaped(event.type.replacingOccurrences(of: "_", with: " ").capitalized + (who.isEmpty ? "" : ": " + who))
            // TimelineJS shows `text` as HTML: everything from the articles is escaped.
            let sources = event.reports.compactMap { $0.source ?? $0.articleID }
            var text = Self.escaped(event.reports.first?.sentence ?? "")
            text += "<br><small>\(event.reports.count) reports (\(event.independentSources) independent): \(Self.escaped(sources.joined(separator: ", ")))</small>"
            for conflict in event.conflicts {
                text += "<br><small>Sources disagree on \(Self.escaped(conflict.attribute)): "
                    + conflict.sides.map { side in
                        Self.escaped("\(side.value) (\(side.reports.map { $0.source ?? $0.articleID }.joined(separator: ", ")))")
                    }.joined(separator: " vs ")
                    + "</small>"
            }
            return Slide(
                start_date: Date(year: String(year), month: month, day: day, display_date: time),
                text: Text(headline: headline, text: text), group: event.isFuture ? "planned" : event.type, unique_id: event.id)
        }
    }

    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}

extension StoreState {
    package func storyTimeline(story: String, from: String?, to: String?) -> StoryTimeline? {
        guard let view = StoryView(id: story, state: self, detailed: true) else { return nil }
        return StoryTimeline(title: view.title, events: view.events ?? [], from: from, to: to)
    }

    /// The merged events an entity takes part in (or that happened in it), across stories.
    /// Found through the entity's articles: a report can name the entity only in an article that
    /// mentions it, so the events of its stories need not be read (a running story has tens of
    /// thousands).
    package func entityTimeline(entity: String, from: String?, to: String?) -> StoryTimeline? {
        guard let record = entities.entities[entity] else { return nil }
        var seen = Set<String>()
        var views: [MergedEventView] = []
        for article in record.articles.keys.sorted() {
            guard let story = stories.story(of: article), let events = stories.events[story],
                let count = records[article]?.events.count
            else { continue }
            for index in 0..<count {
                guard let event = events.event(article: article, index: index), !seen.contains(event.id),
                    let mention = event.mentions.first(where: { $0.articleID == article && $0.index == index }),
                    names(mention, entity: entity)
                else { continue }
                seen.insert(event.id)
                views.append(MergedEventView(event, story: story, state: self))
            }
        }
        return StoryTimeline(title: record.name, events: views, from: from, to: to)
    }

    /// Whether the report names the entity as an actor or as its place.
    private func names(_ mention: MentionFacts, entity: String) -> Bool {
        let names = mention.actors.map(\.name) + (mention.place.map { [$0] } ?? [])
        return names.contains { name in
            EntityType.allCases.contains { entities.entityID(article: mention.articleID, type: $0, canonicalName: name) == entity }
        }
    }
}
