import ChronicleFoundation

/// Turns the argument phrases `ClauseArguments` reads from a sentence into an event's actors
/// and place:
/// - a phrase of coordinated names gives one actor per conjunct ("Russia and Ukraine"), each
///   conjunct named by its last name ("U.S. President Donald Trump" is Donald Trump);
/// - a pronoun is the entity it stands for ("he", "it");
/// - a phrase that names no entity ("a mid-level delegation") is an actor in its own words, the
///   article and determiners left out, marked as no entity;
/// - a place phrase gives the event its place when it names a location.
struct ClauseActors: Sendable {
    let resolver: ActorResolver
    let words: WordRoles<Role>

    enum Role: String, WordRole {
        /// Words between the conjuncts of a phrase: "and", "or", ",".
        case conjunction
        /// Words left out of a phrase used as a name: "a", "the", "its", "some".
        case determiner
        /// Words that stand for an entity named before: "he", "it", "they".
        case pronoun
        /// Phrases that cannot be actors by themselves: "who", "which", "this".
        case notAnActor
        var value: WordRoleValue { .none }
    }

    init(resolver: ActorResolver) throws(ResourceError) {
        self.resolver = resolver
        words = try WordRoles<Role>(reader: .pipeline, path: "events/event_actor_phrase_words.tsv")
    }

    struct Found {
        var actors: [EventActor] = []
        var place: String?
    }

    /// The actors and place of `arguments`, found in sentence `frame` of `document` parsed as `sentence`.
    func actors(of arguments: [ClauseArguments.Argument], sentence: ParsedSentence, frame: SentenceFrame, document: ArticleDocument) -> Found {
        var found = Found()
        func add(_ actor: EventActor) {
            guard !found.actors.contains(where: { $0.name == actor.name }) else { return }
            found.actors.append(actor)
        }
        for argument in arguments {
            if argument.role == .place {
                if found.place == nil, let place = place(in: argument.tokens, frame: frame, document: document) { found.place = place }
                continue
            }
            let role = argument.role == .theme ? "patient" : argument.role.rawValue
            for conjunct in conjuncts(of: argument.tokens, frame: frame) {
                if let actor = actor(in: conjunct, role: role, sentence: sentence, frame: frame, document: document) { add(actor) }
            }
        }
        return found
    }

    /// The parts of a phrase between its conjunctions.
    private func conjuncts(of tokens: Range<Int>, frame: SentenceFrame) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = tokens.lowerBound
        for position in tokens where frame.entityAt[position] == nil && words.has(frame.words[position], .conjunction) {
            if position > start { parts.append(start..<position) }
            start = position + 1
        }
        if start < tokens.upperBound { parts.append(start..<tokens.upperBound) }
        return parts
    }

    private func actor(in tokens: Range<Int>, role: String, sentence: ParsedSentence, frame: SentenceFrame, document: ArticleDocument) -> EventActor? {
        // "more than three years yielded no deal": a time is when, not who.
        guard !tokens.contains(where: { frame.timexAt[$0] != nil }) else { return nil }
        if let entity = tokens.reversed().lazy.compactMap({ frame.entityAt[$0] }).first {
            let mention = document.entities[entity]
            // Who acts must be able to; what is done to may be anything ("annexed Crimea").
            guard role == "patient" || resolver.canAct(mention) else { return nil }
            return resolver.actor(of: mention, role: role)
        }
        if tokens.count == 1, words.has(frame.words[tokens.lowerBound], .pronoun) {
            guard let mention = resolver.antecedent(ofToken: frame.tokens.lowerBound + tokens.lowerBound, in: document) else { return nil }
            return EventActor(role: role, name: resolver.actorName(of: mention), span: document.tokens[frame.tokens.lowerBound + tokens.lowerBound].span)
        }
        // A phrase in its own words: from its first word that is not a determiner to its noun.
        guard let head = tokens.last(where: { sentence.partsOfSpeech[$0].hasPrefix("NN") }) else { return nil }
        guard let first = tokens.first(where: { !words.has(frame.words[$0], .determiner) && sentence.partsOfSpeech[$0] != "POS" }), first <= head,
            !(first...head).contains(where: { words.has(frame.words[$0], .notAnActor) })
        else { return nil }
        let span = TextSpan(start: document.tokens[frame.tokens.lowerBound + first].span.start, end: document.tokens[frame.tokens.lowerBound + head].span.end)
        let name = document.text(of: span)
        guard !name.contains("\n") else { return nil }
        return EventActor(role: role, name: name, span: span, isEntity: false)
    }

    /// The most specific location a place phrase names ("in Türkiye's Istanbul" is Istanbul).
    private func place(in tokens: Range<Int>, frame: SentenceFrame, document: ArticleDocument) -> String? {
        tokens.reversed().lazy.compactMap { frame.entityAt[$0] }.first { document.entities[$0].type == .location }
            .map { document.entities[$0].canonicalName }
    }
}
