import ChroniclePipeline

/// What story grouping knows of one article: the entities it is about, its content words, a
/// MinHash of its wording for spotting syndicated copies, its day, and where it came from.
package struct ArticleProfile: Sendable {
    package let articleID: String
    /// Entity key (registry id, or type and canonical name) -> weight: how much the article is
    /// about it (mentions, a headline mention counting more).
    let entities: [String: Double]
    /// Content word -> count.
    let terms: [String: Double]
    let signature: MinHashSignature
    /// The entity key of the person mentioned far more than any other, if there is one.
    let mainPerson: String?
    /// Days since 1970-01-01 of the publication date, if known.
    let day: Int?
    /// Where the report comes from: its agency, else its source, else itself.
    let origin: String

    /// What being the first person named in the headline (or in the lead sentence, or named
    /// later in the headline) adds to a person's mention count when choosing whom a report is
    /// about.
    static let headlineBonus = 3.0
    static let leadBonus = 1.0

    /// `entityKey` names an entity mention across articles: the registry's id in the store.
    /// How much a mention of each kind of entity counts.
    package static let defaultKindWeights: [EntityType: Double] = [.person: 2, .organization: 1, .location: 0.5, .nationality: 0.3]

    package init(
        articleID: String, document: ArticleDocument, kindWeights: [EntityType: Double] = defaultKindWeights,
        entityKey: (EntityMention) -> String
    ) {
        self.articleID = articleID
        // The headline (kept beside the text, not in it) and the lead sentence name what the
        // report is about; entities named there count more.
        let headline = document.metadata.title.map { " " + Self.words(of: $0).joined(separator: " ") + " " } ?? ""
        let leadEnd = document.sentences.first?.span.end ?? 0
        var headlinePlace: [String: String.Index] = [:]
        var entities: [String: Double] = [:]
        var people: [String: Double] = [:]
        var leadPerson: String?
        for mention in document.entities where mention.type != .miscellaneous {
            let key = entityKey(mention)
            // People tell happenings of one kind apart best; places are often shared (two heists
            // in Paris), nationalities say little ("Russian", "Ukrainian").
            let kind = kindWeights[mention.type] ?? 1
            let inLead = mention.span.end <= leadEnd
            var weight = kind * (inLead ? 2 : 1)
            if !headline.isEmpty, headlinePlace[key] == nil,
                let place = headline.range(of: " " + Self.words(of: mention.text).joined(separator: " ") + " ")
            {
                headlinePlace[key] = place.lowerBound
                weight += kind * 2
            }
            entities[key, default: 0] += weight
            if mention.type == .person {
                people[key, default: 0] += 1
                if inLead, leadPerson == nil { leadPerson = key }
            }
        }
        self.entities = entities
        // The subject comes first: "Fred LaRue, Nixon administration aide, dies" is about LaRue.
        let headlinePeople = headlinePlace.filter { people[$0.key] != nil }.sorted { ($0.value, $0.key) < ($1.value, $1.key) }
        for (rank, entry) in headlinePeople.enumerated() { people[entry.key, default: 0] += rank == 0 ? Self.headlineBonus : Self.leadBonus }
        if let leadPerson { people[leadPerson, default: 0] += Self.leadBonus }
        // The person it is mostly about, when one clearly stands out: two DUI arrests of two
        // players of one team are two stories. The body may mention others as often.
        let ranked = people.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        if let top = ranked.first, top.value >= 3, ranked.count == 1 || ranked[1].value * 1.5 <= top.value {
            mainPerson = top.key
        } else {
            mainPerson = nil
        }
        let stopwords = StoryStopwords.shared
        var terms: [String: Double] = [:]
        var words: [String] = []
        words.reserveCapacity(document.tokens.count)
        for token in document.tokens {
            let word = token.text.lowercased()
            words.append(word)
            switch Self.kind(of: word) {
            case .amount: terms["n:" + word.filter { $0 != "," }, default: 0] += 1
            case .word where !stopwords.contains(word): terms[Self.stem(word), default: 0] += 1
            case .word, .other: break
            }
        }
        if let title = document.metadata.title {
            for word in title.lowercased().split(whereSeparator: { !$0.isLetter }) where word.count >= 3 && !stopwords.contains(String(word)) {
                terms[Self.stem(String(word)), default: 0] += 2
            }
        }
        // The dates it tells of: two earthquakes in different years are different stories.
        for timex in document.timexes where timex.type == .date || timex.type == .time {
            let value = timex.value
            guard value.count >= 4, value.prefix(4).allSatisfy(\.isNumber) else { continue }
            terms["d:" + value.prefix(4), default: 0] += 1
            if value.count >= 7, value.dropFirst(5).prefix(2).allSatisfy(\.isNumber) { terms["d:" + value.prefix(7), default: 0] += 1 }
        }
        // What happened: a typed event by its type, any other by its lemma.
        for event in document.events where event.type != EventOntology.statement {
            terms["v:" + (event.type == EventOntology.other ? event.lemma ?? event.type : event.type), default: 0] += 0.5
        }
        self.terms = terms
        signature = MinHashSignature(words: words.filter { $0.first?.isLetter == true || $0.first?.isNumber == true })
        day = document.metadata.publicationDate.flatMap { CalendarDay.days(of: $0) }
        origin = (document.metadata.agency ?? document.metadata.source)?.lowercased() ?? articleID
    }

    enum WordKind: Equatable { case amount, word, other }

    /// What a lowercased token counts as: an amount (a number of two digits or more, not a year:
    /// "$137 million" of diamonds is not "2 million euros"), a word (three letters or more,
    /// hyphens allowed), or neither.
    static func kind(of word: String) -> WordKind {
        let bytes = word.utf8
        // One character per byte (no CR LF pair): counted and tested as bytes, not characters.
        let ascii = bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D }
        let count = ascii ? bytes.count : word.count
        let startsWithNumber = ascii ? bytes.first.map { (0x30...0x39).contains($0) } == true : word.first?.isNumber == true
        if startsWithNumber, count >= 2, !(count == 4 && (word.hasPrefix("19") || word.hasPrefix("20"))) { return .amount }
        guard count >= 3 else { return .other }
        let letters =
            ascii
            ? bytes.allSatisfy { (0x61...0x7A).contains($0) || $0 == 0x2D }
            : word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "-" }
        return letters ? .word : .other
    }

    /// Lowercased words of a text, punctuation dropped: "Saints' Thomas to IR" -> saints thomas to ir.
    static func words(of text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// A light stem so "talks"/"talk", "negotiations"/"negotiation" meet.
    static func stem(_ word: String) -> String {
        if word.hasSuffix("ies"), word.count > 4 { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("s"), !word.hasSuffix("ss"), word.count > 3 { return String(word.dropLast()) }
        return word
    }
}

/// Day arithmetic on ISO dates without Foundation's calendars.
enum CalendarDay {
    /// Days since 1970-01-01 of a `YYYY-MM-DD...` string.
    static func days(of iso: String) -> Int? {
        let parts = iso.prefix(10).split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return days(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil); a day past its
    /// month's end runs on into the next.
    static func days(year y: Int, month m: Int, day d: Int) -> Int {
        let year = m <= 2 ? y - 1 : y
        let era = (year >= 0 ? year : year - 399) / 400
        let yoe = year - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
