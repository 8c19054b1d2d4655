import ChronicleFoundation
import ChroniclePipeline

/// A merged event as the API shows it: what the reports agree on, every report behind it with
/// its evidence, and where they disagree.
package struct MergedEventView: Encodable, Sendable {
    package struct Report: Encodable, Sendable {
        package let articleID: String
        package let eventID: String
        package let source: String?
        package let publicationDate: String?
        /// The article this one is a copy of, when it is a syndicated copy.
        package let copyOf: String?
        package let trigger: String
        package let sentence: String?
        /// Where the trigger and its sentence are in the article's text, so the trigger can be
        /// marked in the sentence.
        package let triggerSpan: TextSpan?
        package let sentenceSpan: TextSpan?
        package let modality: Modality

        enum CodingKeys: String, CodingKey {
            case source, trigger, sentence, modality
            case articleID = "article_id"
            case eventID = "event_id"
            case publicationDate = "publication_date"
            case copyOf = "copy_of"
            case triggerSpan = "trigger_span"
            case sentenceSpan = "sentence_span"
        }
    }

    package let id: String
    package let story: String
    package let type: String
    /// The first report's lemma: what an OTHER event is known by.
    package let lemma: String?
    package let time: String?
    /// `day`, `month`, `year`... of `time`, so a month sorts and draws as a month.
    package let granularity: String?
    /// Whether `time` comes from the text (else it is the earliest report's publication date).
    package let timeFromText: Bool
    package let modality: Modality
    /// Planned, proposed or demanded: it lies ahead of the reports.
    package let isFuture: Bool
    package let place: String?
    /// Everyone any report names, once per role and entity: "Zelenskyy" in one report and
    /// "Volodymyr Zelensky" in another are one actor, under the registry's name.
    package let actors: [Actor]
    package let duration: String?
    package let quantities: [Quantity]
    package let reports: [Report]
    /// Reports counted once per origin: a syndicated copy adds none.
    package let independentSources: Int
    package let conflicts: [AttributeConflict]

    init(_ event: MergedEvent, story: String, state: StoreState, texts: ArticleTexts = ArticleTexts()) {
        id = event.id
        self.story = story
        type = event.type
        lemma = event.lemma
        time = event.time
        granularity = event.time.map { TimexGranularity.of(value: $0, type: .date) }
        timeFromText = event.timeIsStrong
        modality = event.modality
        isFuture = EventMerger.mood(event.modality) == .irrealis || event.time == "FUTURE_REF"
        place = event.place
        actors = Self.actors(of: event, state: state)
        duration = event.mentions.compactMap(\.duration).first
        quantities = event.mentions.first { !$0.quantities.isEmpty }?.quantities ?? []
        reports = event.mentions.map { mention in
            let record = state.records[mention.articleID]
            let document = record?.document
            let told = record.flatMap { record in record.events.indices.contains(mention.index) ? record.events[mention.index] : nil }
            let sentenceSpan = told.flatMap { event in
                document.flatMap { $0.sentences.indices.contains(event.sentence) ? $0.sentences[event.sentence].span : nil }
            }
            return Report(
                articleID: mention.articleID, eventID: "\(mention.articleID).e\(mention.index)", source: mention.source,
                publicationDate: document?.metadata.publicationDate, copyOf: state.stories.copyOf(mention.articleID),
                trigger: told.flatMap { event in document.map { texts.slicer(of: mention.articleID, $0).text(event.trigger) } } ?? "",
                sentence: sentenceSpan.flatMap { span in document.map { texts.slicer(of: mention.articleID, $0).text(span) } },
                triggerSpan: told?.trigger, sentenceSpan: sentenceSpan, modality: mention.modality)
        }
        independentSources = event.independentSources
        conflicts = event.conflicts
    }

    package struct Actor: Encodable, Sendable, Equatable {
        package let role: String
        package let name: String
        /// The registry's entity, when the name is one.
        package let entity: String?
    }

    static func actors(of event: MergedEvent, state: StoreState) -> [Actor] {
        var seen = Set<String>()
        var actors: [Actor] = []
        for mention in event.mentions {
            for actor in mention.actors {
                let entity = actor.isEntity ? EntityType.allCases.lazy.compactMap {
                    state.entities.entityID(article: mention.articleID, type: $0, canonicalName: actor.name)
                }.first : nil
                guard seen.insert(actor.role + "\u{1}" + (entity ?? actor.name)).inserted else { continue }
                let name = entity.flatMap { state.entities.entities[$0]?.name } ?? actor.name
                actors.append(Actor(role: actor.role, name: name, entity: entity))
            }
        }
        return actors
    }

    enum CodingKeys: String, CodingKey {
        case id, story, type, lemma, time, granularity, modality, place, actors, duration, quantities, reports, conflicts
        case timeFromText = "time_from_text"
        case isFuture = "is_future"
        case independentSources = "independent_sources"
    }
}

/// A story: the articles about one happening, its main entities and its merged events.
package struct StoryView: Encodable, Sendable {
    package struct Article: Encodable, Sendable {
        package let id: String
        package let title: String?
        /// Its first sentence, cut at about 140 characters: something to show when it has no title.
        package let lead: String?
        package let source: String?
        package let publicationDate: String?
        package let copyOf: String?

        enum CodingKeys: String, CodingKey {
            case id, title, lead, source
            case publicationDate = "publication_date"
            case copyOf = "copy_of"
        }
    }

    package struct MainEntity: Encodable, Sendable {
        package let id: String
        package let name: String
        package let type: EntityType
        package let articles: Int
    }

    package let id: String
    package let title: String
    package let articleCount: Int
    package let sourceCount: Int
    package let firstUpdate: String?
    package let lastUpdate: String?
    package let mainEntities: [MainEntity]
    package let eventCount: Int
    package let articles: [Article]?
    package let events: [MergedEventView]?

    init?(id: String, state: StoreState, detailed: Bool) {
        guard let summary = state.stories.summaries[id], summary.articleCount > 0 else { return nil }
        self.id = id
        let merged = state.stories.events[id] ?? StoryEvents()
        title = Self.title(summary: summary, events: merged, state: state)
        articleCount = summary.articleCount
        sourceCount = summary.sourceCount
        firstUpdate = summary.firstUpdate
        lastUpdate = summary.lastUpdate
        let candidates = summary.entityArticles.compactMap { id, count -> MainEntity? in
            guard let entity = state.entities.entities[id], entity.type != .miscellaneous else { return nil }
            return MainEntity(id: id, name: entity.name, type: entity.type, articles: count)
        }
        // "Ukrainian" is a mention of Ukraine: the nationality stands beside its country only
        // when the country itself is not named.
        let places = Set(candidates.filter { $0.type == .location }.map(\.name))
        mainEntities = candidates.filter { $0.type != .nationality || !places.contains($0.name) }
            // Ties go by name, then type and id: one name can be a person and a club, and the
            // counts come from a dictionary whose order changes from run to run.
            .first(8) { ($0.articles, $1.name, $1.type.rawValue, $1.id) > ($1.articles, $0.name, $0.type.rawValue, $0.id) }
        eventCount = merged.count
        if detailed {
            let records = state.stories.reports(of: id, in: state.records)
            articles = records.map { record in
                Article(
                    id: record.id, title: record.document.metadata.title, lead: Self.lead(of: record.document),
                    source: record.source,
                    publicationDate: record.document.metadata.publicationDate, copyOf: state.stories.copyOf(record.id))
            }
            events = merged.map { MergedEventView($0, story: id, state: state) }
        } else {
            articles = nil
            events = nil
        }
    }

    static func lead(of document: ArticleDocument) -> String? {
        guard let first = document.sentences.first else { return nil }
        let sentence = document.text(of: first.span)
        guard sentence.count > 140 else { return sentence }
        let cut = sentence.prefix(140)
        return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + "…"
    }

    /// The headline of its first report that has one, else its best-attested event told in a
    /// few words ("MEET: Russia, Ukraine in Istanbul"), else its first sentence.
    static func title(summary: StorySummary, events: StoryEvents, state: StoreState) -> String {
        if let headline = summary.headline { return headline }
        if let event = events.headlineEvent {
            let names = event.actors.prefix(3).map(\.name).joined(separator: ", ")
            return "\(event.type): \(names)" + (event.place.map { " in \($0)" } ?? "")
        }
        guard let first = summary.firstArticle, let document = state.records[first]?.document else { return summary.firstArticle ?? "" }
        return document.sentences.first.map { String(document.text(of: $0.span).prefix(120)) } ?? first
    }

    enum CodingKeys: String, CodingKey {
        case id, title, articles, events
        case articleCount = "article_count"
        case sourceCount = "source_count"
        case firstUpdate = "first_update"
        case lastUpdate = "last_update"
        case mainEntities = "main_entities"
        case eventCount = "event_count"
    }
}

extension StoreState {
    /// Stories most recently updated first.
    package func stories(limit: Int, cursor: Cursor?) -> Page<StoryView> {
        let ordered = stories.summaries.map { ($0.value.lastSequence, $0.key) }.sorted { $0 > $1 }
        var items: [StoryView] = []
        var position = 0
        if let cursor { position = ordered.firstIndex { $0.0 < cursor.sequence } ?? ordered.count }
        while position < ordered.count, items.count < limit {
            if let view = StoryView(id: ordered[position].1, state: self, detailed: false) { items.append(view) }
            position += 1
        }
        let next = items.count == limit && position < ordered.count ? Cursor(sequence: ordered[position - 1].0).token : nil
        return Page(items: items, nextCursor: next)
    }

    package func story(id: String) -> StoryView? { StoryView(id: id, state: self, detailed: true) }

    /// The story an article is in.
    package func storyID(ofArticle article: String) -> String? { stories.story(of: article) }
}
