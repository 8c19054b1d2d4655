import ChronicleFoundation
import ChroniclePipeline

/// An event as the API shows it: the mention with its evidence and where it came from.
package struct EventView: Encodable, Sendable {
    package let id: String
    package let articleID: String
    /// The mention's position among its article's events.
    let index: Int
    package let source: String?
    package let publicationDate: String?
    package let event: EventMention
    package let triggerText: String
    package let sentenceSpan: TextSpan?
    package let sentenceText: String?
    /// Where `time` came from: the event's sentence, its paragraph, or the article's publication date.
    package let timeSource: String?
    /// The words of a STATEMENT's reported clause.
    package let contentText: String?
    /// The story of its article, and the merged event it is a report of.
    package internal(set) var story: String?
    package internal(set) var mergedEvent: String?

    init(record: ArticleRecord, index: Int) {
        let document = record.document
        let event = record.events[index]
        id = "\(record.id).e\(index)"
        articleID = record.id
        self.index = index
        source = record.source
        publicationDate = document.metadata.publicationDate
        self.event = event
        triggerText = document.text(of: event.trigger)
        contentText = event.content.map { document.text(of: $0) }
        let sentence = document.sentences.indices.contains(event.sentence) ? document.sentences[event.sentence] : nil
        sentenceSpan = sentence?.span
        sentenceText = sentence.map { document.text(of: $0.span) }
        if let source = event.timeSource {
            timeSource = source.rawValue
        } else if event.time != nil {
            timeSource = EventTimeSource.sentence.rawValue
        } else {
            timeSource = document.metadata.publicationDate == nil ? nil : EventTimeSource.publicationDate.rawValue
        }
    }

    /// The date the event is filed under: its own time, or else the article's date.
    var effectiveTime: String? { event.time ?? publicationDate }

    enum CodingKeys: String, CodingKey {
        case id, type, lemma, tense, aspect, polarity, trigger, sentence, actors, place, time, duration, quantities, modality, content, confidence, source
        case eventClass = "class"
        case articleID = "article_id"
        case reportedBy = "reported_by"
        case publicationDate = "publication_date"
        case timeSource = "time_source"
        case story
        case mergedEvent = "merged_event"
    }

    struct Evidence: Encodable {
        let span: TextSpan
        let text: String
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(event.type, forKey: .type)
        try container.encodeIfPresent(event.lemma, forKey: .lemma)
        try container.encodeIfPresent(event.eventClass, forKey: .eventClass)
        try container.encodeIfPresent(event.tense, forKey: .tense)
        try container.encodeIfPresent(event.aspect, forKey: .aspect)
        try container.encodeIfPresent(event.polarity, forKey: .polarity)
        try container.encode(Evidence(span: event.trigger, text: triggerText), forKey: .trigger)
        if let sentenceSpan, let sentenceText {
            try container.encode(Evidence(span: sentenceSpan, text: sentenceText), forKey: .sentence)
        }
        try container.encode(event.actors, forKey: .actors)
        try container.encodeIfPresent(event.place, forKey: .place)
        try container.encodeIfPresent(effectiveTime, forKey: .time)
        try container.encodeIfPresent(timeSource, forKey: .timeSource)
        try container.encodeIfPresent(event.duration, forKey: .duration)
        try container.encode(event.quantities, forKey: .quantities)
        try container.encode(event.modality, forKey: .modality)
        try container.encodeIfPresent(event.reportedBy, forKey: .reportedBy)
        if let content = event.content, let contentText {
            try container.encode(Evidence(span: content, text: contentText), forKey: .content)
        }
        try container.encode(event.confidence, forKey: .confidence)
        try container.encode(articleID, forKey: .articleID)
        try container.encodeIfPresent(source, forKey: .source)
        try container.encodeIfPresent(publicationDate, forKey: .publicationDate)
        try container.encodeIfPresent(story, forKey: .story)
        try container.encodeIfPresent(mergedEvent, forKey: .mergedEvent)
    }
}

/// `GET /v1/events`: newest first; every filter narrows the result.
package struct EventQuery: Sendable {
    package var entity: String?
    /// A type of the ontology, or OTHER.
    package var type: String?
    /// The trigger's lemma ("return"), lower case.
    package var lemma: String?
    package var eventClass: EventClass?
    package var from: String?
    package var to: String?
    package var place: String?
    package var story: String?
    package var text: String?
    package var limit: Int
    package var cursor: Cursor?

    package init(
        entity: String? = nil, type: String? = nil, lemma: String? = nil, eventClass: EventClass? = nil, from: String? = nil,
        to: String? = nil, place: String? = nil, story: String? = nil, text: String? = nil, limit: Int = 20, cursor: Cursor? = nil
    ) {
        self.entity = entity
        self.type = type
        self.lemma = lemma
        self.eventClass = eventClass
        self.from = from
        self.to = to
        self.place = place
        self.story = story
        self.text = text
        self.limit = limit
        self.cursor = cursor
    }
}

extension StoreState {
    package func events(_ query: EventQuery) -> Page<EventView> {
        // Walk the most selective posting list; check the other filters on each candidate.
        let lemma = query.lemma?.lowercased()
        let postings = [
            query.type.map { events.byType[$0.uppercased()] ?? [] }, lemma.map { events.byLemma[$0] ?? [] },
            query.entity.map { events.byEntity[$0] ?? [] },
        ].compactMap { $0 }
        var candidates = postings.min { $0.count < $1.count } ?? events.all
        if let story = query.story {
            // The events of the story's articles, in arrival order.
            let keys = self.stories.reports(of: story, in: records)
                .flatMap { record in record.events.indices.map { EventKey(sequence: record.sequence, index: $0) } }
            if postings.isEmpty {
                candidates = keys
            } else {
                let inStory = Set(keys)
                candidates = candidates.filter { inStory.contains($0) }
            }
        }
        var end = candidates.count
        if let cursor = query.cursor {
            end = candidates.partitioningIndex { $0 >= EventKey(sequence: cursor.sequence, index: cursor.index) }
        }
        let needle = query.text?.lowercased()
        var items: [EventView] = []
        var position = end
        while position > 0, items.count < query.limit {
            position -= 1
            let key = candidates[position]
            guard let record = record(forSequence: key.sequence) else { continue }
            var view = EventView(record: record, index: key.index)
            if let type = query.type, view.event.type != type.uppercased() { continue }
            if let lemma, view.event.lemma != lemma { continue }
            if let eventClass = query.eventClass, view.event.eventClass != eventClass { continue }
            if let entity = query.entity,
                !EventIndex.entityIDs(of: view.event, in: record, entities: entities).contains(entity)
            { continue }
            if query.from != nil || query.to != nil {
                guard let time = view.effectiveTime, TimexRange(value: time)?.overlaps(from: query.from, to: query.to) == true
                else { continue }
            }
            if let place = query.place, !self.place(view.event.place, matches: place, in: record) { continue }
            if let needle, view.sentenceText?.lowercased().contains(needle) != true { continue }
            locate(&view)
            items.append(view)
        }
        let more = items.count == query.limit && position > 0
        let next = more ? Cursor(sequence: candidates[position].sequence, index: candidates[position].index).token : nil
        return Page(items: items, nextCursor: next)
    }

    /// A place filter is an entity id or a name.
    func place(_ place: String?, matches wanted: String, in record: ArticleRecord) -> Bool {
        guard let place else { return false }
        if place.lowercased() == wanted.lowercased() { return true }
        return record.document.entities.contains {
            $0.canonicalName == place && entities.entityID(article: record.id, type: $0.type, canonicalName: $0.canonicalName) == wanted
        }
    }

    package func event(id: String) -> EventView? {
        guard let dot = id.lastIndex(of: "."), id[id.index(after: dot)...].hasPrefix("e"),
            let index = Int(id[id.index(dot, offsetBy: 2)...]), let record = records[String(id[..<dot])],
            record.events.indices.contains(index)
        else { return nil }
        var view = EventView(record: record, index: index)
        locate(&view)
        return view
    }

    /// Fills in the story and merged event a report belongs to.
    func locate(_ view: inout EventView) {
        guard let story = stories.story(of: view.articleID) else { return }
        view.story = story
        view.mergedEvent = stories.events[story]?.event(article: view.articleID, index: view.index)?.id
    }

    /// A merged event by id (`mev_...`): found through the article of its first report.
    package func mergedEvent(id: String) -> MergedEventView? {
        guard let (article, _) = MergedEvent.firstMention(ofID: id), let story = stories.story(of: article),
            let event = stories.events[story]?.event(id: id)
        else { return nil }
        return MergedEventView(event, story: story, state: self)
    }
}
