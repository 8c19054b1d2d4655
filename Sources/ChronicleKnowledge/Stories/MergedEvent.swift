import ChroniclePipeline

/// One happening as every report of it tells it: the event mentions of one or more articles
/// merged, with what they agree on and where they disagree.
package struct MergedEvent: Sendable, Equatable {
    package let type: String
    /// The first report's lemma ("return", "swap").
    package let lemma: String?
    package private(set) var mentions: [MentionFacts]

    /// What the reports agree on, kept up to date as reports are added: merging compares every
    /// new mention with the story's events, so these are read far more often than written.
    package var time: String? { timing?.value }
    /// `time` with the days it covers (the only copy of it kept).
    private(set) var timing: EventTime?
    /// Whether `time` comes from the text rather than a publication date.
    package private(set) var timeIsStrong = false
    /// The modality of the first report that asserts it, else of the first report.
    package private(set) var modality: Modality
    package private(set) var place: String?
    /// Every actor any report names, once per role and name.
    package private(set) var actors: [EventActor] = []
    /// The names of the parties (mediators aside).
    private(set) var parties: Set<String> = []
    private var timeCounts: [String: TimeCount] = [:]

    struct TimeCount: Sendable, Equatable {
        var count: Int
        /// The position of the first mention giving it.
        let first: Int
    }

    /// What it merges by (`EventKind`): computed when asked, not kept for each of a story's events.
    var kind: String { EventKind.of(type: type, lemma: lemma) }

    /// `mev_<article>.e<index>` of its first mention: stable while that mention stays. Made when
    /// asked for rather than kept: a story holds tens of thousands of events, and reads that show
    /// an id are few.
    package var id: String { Self.id(article: mentions[0].articleID, index: mentions[0].index) }

    static func id(article: String, index: Int) -> String {
        "mev_" + (article.hasPrefix("art_") ? String(article.dropFirst(4)) : article) + ".e\(index)"
    }

    /// The article id and mention index an id names (the inverse of `id(article:index:)`).
    static func firstMention(ofID id: String) -> (article: String, index: Int)? {
        guard id.hasPrefix("mev_"), let dot = id.range(of: ".e", options: .backwards), let index = Int(id[dot.upperBound...]) else {
            return nil
        }
        return ("art_" + id[id.index(id.startIndex, offsetBy: 4)..<dot.lowerBound], index)
    }

    init(first: MentionFacts) {
        type = first.type
        lemma = first.lemma
        mentions = []
        modality = first.modality
        add(first)
    }

    mutating func add(_ mention: MentionFacts) {
        mentions.append(mention)
        // The time: the date the text gives most often (the most specific, then the earliest
        // report's, on a tie), else the publication date of the earliest report.
        var time = self.time
        if mention.timeIsStrong, let value = mention.time {
            timeCounts[value, default: TimeCount(count: 0, first: mentions.count - 1)].count += 1
            time = timeCounts.max { ($0.value.count, $0.key.count, -$0.value.first) < ($1.value.count, $1.key.count, -$1.value.first) }?.key
            timeIsStrong = true
        } else if !timeIsStrong, time == nil {
            time = mention.time
        }
        if time != timing?.value { timing = time == mention.time ? mention.timing : time.map(EventTime.init) }
        if mention.modality == .asserted, modality != .asserted, !mentions.dropLast().contains(where: { $0.modality == .asserted }) {
            modality = .asserted
        }
        if place == nil { place = mention.place }
        // Few actors an event: a scan is cheaper than a set of keys kept for every event.
        for actor in mention.actors where !actors.contains(where: { $0.role == actor.role && $0.name == actor.name }) {
            actors.append(EventActor(role: actor.role, name: actor.name, isEntity: actor.isEntity))
            if EventMerger.isParty(actor) { parties.insert(actor.name) }
        }
    }

    /// The articles that report it, in arrival order, once each.
    package var articles: [MentionFacts] {
        var seen = Set<String>()
        return mentions.sorted { $0.sequence < $1.sequence }.filter { seen.insert($0.articleID).inserted }
    }

    /// How many reports are independent: copies of one report and reports of one agency count once.
    package var independentSources: Int { Set(mentions.map(\.origin)).count }

    /// Where reports give different values for the same attribute, each value with its reports.
    /// A value only one report gives is not a conflict; two reports of one origin never conflict.
    package var conflicts: [AttributeConflict] {
        var result: [AttributeConflict] = []
        func collect(_ attribute: String, _ value: (MentionFacts) -> String?, same: (String, String) -> Bool = { $0 == $1 }) {
            var sides: [(value: String, mentions: [MentionFacts])] = []
            for mention in mentions {
                guard let found = value(mention) else { continue }
                if let index = sides.firstIndex(where: { same($0.value, found) }) {
                    sides[index].mentions.append(mention)
                } else {
                    sides.append((found, [mention]))
                }
            }
            guard sides.count >= 2 else { return }
            // Only independent reports disagree: a copy says what its original says.
            guard Set(sides.flatMap { $0.mentions.map(\.origin) }).count >= 2 else { return }
            result.append(AttributeConflict(attribute: attribute, sides: sides.map { side in
                AttributeConflict.Side(value: side.value, reports: AttributeConflict.reports(of: side.mentions))
            }))
        }
        collect("duration", \.duration) { TimexDuration.seconds($0) == TimexDuration.seconds($1) }
        collect("time", { $0.timeIsStrong ? $0.time : nil }, same: Self.sameTime)
        // A palace and the city a report names beside it are one place, not two.
        var nested = Set<String>()
        for mention in mentions {
            guard let place = mention.place else { continue }
            for other in mention.nearbyPlaces where other != place { nested.insert(place + "\u{1}" + other) }
        }
        collect("place", \.place) { a, b in a == b || nested.contains(a + "\u{1}" + b) || nested.contains(b + "\u{1}" + a) }
        // Who mediated: "Türkiye" and its minister "Hakan Fidan" are the same side.
        let affiliations = mentions.reduce(into: [String: String]()) { $0.merge($1.affiliations) { first, _ in first } }
        func related(_ a: String, _ b: String) -> Bool {
            a == b || affiliations[a] == b || affiliations[b] == a || (affiliations[a] != nil && affiliations[a] == affiliations[b])
        }
        // Who took part. Reports agree when they name one side in common; one that names more
        // than another adds, it does not contradict. In talks or a deal, whichever party a report
        // makes the agent says nothing, so all the parties count as one attribute; a speech act
        // is told apart by its speaker, who is then no attribute (`EventMerger` keeps two apart).
        var roles: [(attribute: String, roles: Set<String>)] = [("mediator", ["mediator"])]
        switch EventOntology.shared.type(named: type)?.parties {
        case .joint: roles.append(("parties", ["agent", "participant", "patient"]))
        case .directed: roles += [("agent", ["agent"]), ("patient", ["patient"])]
        case .speaker, nil: break
        }
        for (attribute, names) in roles {
            collect("actor:" + attribute, { mention in
                let found = Set(mention.actors.filter { names.contains($0.role) }.map(\.name)).sorted()
                return found.isEmpty ? nil : found.joined(separator: ", ")
            }, same: { a, b in
                let first = a.components(separatedBy: ", ")
                let second = b.components(separatedBy: ", ")
                return first.contains { x in second.contains { related(x, $0) } }
            })
        }
        let counted = Set(mentions.flatMap { $0.quantities.compactMap(\.counted) })
        for noun in counted.sorted() {
            collect("quantity:" + noun) { mention in
                mention.quantities.first { $0.counted == noun }.map { Self.format($0.value) }
            }
        }
        return result
    }

    /// Whether two times can be the same moment: "2025-05" and "2025-05-16" can.
    static func sameTime(_ a: String, _ b: String) -> Bool {
        guard let first = TimexRange(value: a), let second = TimexRange(value: b) else { return a == b }
        return first.overlaps(from: second.first, to: second.last)
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// Two or more values reports give for one attribute of an event.
package struct AttributeConflict: Sendable, Equatable, Encodable {
    package struct Report: Sendable, Equatable, Encodable {
        package let articleID: String
        package let source: String?
        enum CodingKeys: String, CodingKey {
            case source
            case articleID = "article_id"
        }
    }

    package struct Side: Sendable, Equatable, Encodable {
        package let value: String
        package let reports: [Report]
    }

    /// `duration`, `time`, `place`, `quantity:<what is counted>`, or `actor:` and the role:
    /// `mediator`, `agent`, `patient`, or `parties` (of a joint event such as talks).
    package let attribute: String
    package let sides: [Side]

    static func reports(of mentions: [MentionFacts]) -> [Report] {
        var seen = Set<String>()
        return mentions.filter { seen.insert($0.articleID).inserted }.map { Report(articleID: $0.articleID, source: $0.source) }
    }
}

/// What one event mention says, with the article it comes from: all merging and conflict
/// finding needs, without holding on to the article.
package struct MentionFacts: Sendable, Equatable {
    package let articleID: String
    package let sequence: UInt64
    /// The mention's index in its article's events.
    package let index: Int
    package let type: String
    package let lemma: String?
    package let source: String?
    /// Agency or source (or the article itself); a copy takes its original's.
    package let origin: String
    package var time: String? { timing?.value }
    /// `time` with the days it covers (the only copy of it kept).
    let timing: EventTime?
    package let timeIsStrong: Bool
    package let duration: String?
    package let place: String?
    package let modality: Modality
    package let actors: [EventActor]
    package let quantities: [Quantity]
    /// Actor name -> the country or body the article says it belongs to ("Hakan Fidan": "Türkiye").
    package let affiliations: [String: String]
    /// The other places the mention's sentence names ("Dolmabahçe Palace in Istanbul"), sorted,
    /// each once (an array costs a third of a set's memory, and they are only read in turn).
    package let nearbyPlaces: [String]

    /// `publicationDate` stands in for the time of an event whose text gives none; `nearbyPlaces`
    /// come sorted, each once (one array shared by the mentions of a sentence).
    init(
        articleID: String, sequence: UInt64, index: Int, event: EventMention, source: String?, origin: String, publicationDate: String?,
        affiliations: [String: String] = [:], nearbyPlaces: [String] = []
    ) {
        self.articleID = articleID
        self.sequence = sequence
        self.index = index
        type = event.type
        lemma = event.lemma
        self.source = source
        self.origin = origin
        timing = (event.time ?? publicationDate.map { String($0.prefix(10)) }).map(EventTime.init)
        timeIsStrong = event.timeSource == .sentence || event.timeSource == .paragraph
        duration = event.duration
        place = event.place
        modality = event.modality
        actors = event.actors
        quantities = event.quantities
        self.affiliations = affiliations.filter { name, _ in event.actors.contains { $0.name == name } }
        self.nearbyPlaces = nearbyPlaces
    }
}

/// TIMEX3 durations in seconds, to compare "two hours" (PT2H) with "120 minutes" (PT120M).
enum TimexDuration {
    static func seconds(_ value: String) -> Double? {
        guard value.hasPrefix("P") else { return nil }
        var total = 0.0
        var number = ""
        var inTime = false
        for character in value.dropFirst() {
            if character == "T" { inTime = true; continue }
            if character.isNumber || character == "." { number.append(character); continue }
            guard let amount = Double(number) else { return nil }
            number = ""
            switch (character, inTime) {
            case ("Y", false): total += amount * 31_536_000
            case ("M", false): total += amount * 2_592_000
            case ("W", false): total += amount * 604_800
            case ("D", false): total += amount * 86_400
            case ("H", true): total += amount * 3_600
            case ("M", true): total += amount * 60
            case ("S", true): total += amount
            default: return nil
            }
        }
        return number.isEmpty ? total : nil
    }
}
