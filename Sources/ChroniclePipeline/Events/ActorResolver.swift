import ChronicleFoundation

/// Turns the entity mentions an event involves into actors: a capital or a seat of government
/// acting for its country is the country ("Moscow rebuffed", "the Kremlin said"), a nationality
/// is its country ("the Ukrainian side"), and "he", "she", "it" are resolved to the entity they
/// stand for.
struct ActorResolver: Sendable {
    private let gazetteer: EntityGazetteer
    private let metonyms: [String: String]
    private let pronouns = PronounResolver()

    /// Loaded once per process; building a stage that needs it reports a missing or malformed file.
    static let bundled = Result { () throws(ResourceError) in try ActorResolver(reader: .pipeline) }
    static var shared: ActorResolver { bundled.required }

    init(reader: ResourceReader) throws(ResourceError) {
        self.init(gazetteer: try EntityGazetteer.bundled.get(), metonymRows: try reader.rows("events/event_metonyms.tsv", columns: 2...2))
    }

    init(gazetteer: EntityGazetteer, metonymRows: [[String]]) {
        self.gazetteer = gazetteer
        var metonyms: [String: String] = [:]
        for columns in metonymRows where columns.count >= 2 { metonyms[columns[0].lowercased()] = columns[1] }
        self.metonyms = metonyms
    }

    /// The actor name of an entity mention.
    func actorName(of mention: EntityMention) -> String {
        let key = mention.canonicalName.lowercased()
        if let country = metonyms[key] ?? metonyms[mention.text.lowercased()] { return country }
        switch mention.type {
        case .location:
            if let entry = gazetteer.best(for: mention.canonicalName), entry.kind == .capital, let country = entry.country { return country }
        case .nationality:
            if let country = gazetteer.country(forDemonym: mention.text) { return country }
        case .organization:
            // "the Kremlin" is tagged as an organization or a place depending on the sentence.
            break
        default: break
        }
        return mention.canonicalName
    }

    /// The actor `mention` makes in `role`, under its actor name, with the words of the text when
    /// they differ from that name ("Moscow" for Russia).
    func actor(of mention: EntityMention, role: String) -> EventActor {
        let name = actorName(of: mention)
        return EventActor(role: role, name: name, span: name == mention.canonicalName ? nil : mention.span)
    }

    /// Whether a mention can act: people, organizations, countries and their stand-ins; not a
    /// city or a region where something merely happens.
    func canAct(_ mention: EntityMention) -> Bool {
        switch mention.type {
        case .person, .organization, .nationality: return true
        case .miscellaneous: return false
        case .location:
            if metonyms[mention.canonicalName.lowercased()] != nil { return true }
            guard let entry = gazetteer.best(for: mention.canonicalName) else { return true }
            return entry.kind == .country || entry.kind == .capital
        }
    }

    /// The entity a pronoun at `token` (document index) stands for: he/she through the pronoun
    /// resolver, it/they as the nearest country or organization before it.
    func antecedent(ofToken token: Int, in document: ArticleDocument, excluding: [EntityMention] = []) -> EntityMention? {
        let word = document.tokens[token].text.lowercased()
        if PersonalPronouns.shared.contains(word) {
            guard let name = pronouns.antecedent(ofToken: token, in: document) else { return nil }
            return document.entities.last { $0.canonicalName == name && $0.span.end <= document.tokens[token].span.start }
        }
        guard ["it", "its", "they", "their"].contains(word) else { return nil }
        let excludedNames = Set(excluding.map(\.canonicalName))
        let start = document.tokens[token].span.start
        let sentence = document.sentences.partitioningIndex { $0.tokens.upperBound > token }
        let windowStart = sentence < document.sentences.count ? document.sentences[max(0, sentence - 1)].span.start : 0
        return document.entities.last {
            // A nationality adjective ("Ukrainian regions") is no antecedent of "it".
            $0.span.end <= start && $0.span.start >= windowStart && $0.type != .person && $0.type != .nationality && canAct($0)
                && !excludedNames.contains($0.canonicalName)
        }
    }
}
