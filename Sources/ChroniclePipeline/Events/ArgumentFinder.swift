import ChronicleFoundation

/// Finds who took part in an event and where, from the words around its trigger:
/// - the agent is the subject before it ("Russia and Ukraine agreed"), with its coordinated
///   names ("The leaders of Ukraine, France, ... and Poland held a phone call");
/// - "by X" after a noun names the agent ("a proposal by Putin"), "X's" before it too;
/// - "between X and Y", "with X" name participants;
/// - "mediated by X", or "X, who chaired the talks", names a mediator;
/// - the first actor after a verb of doing-to ("annexed Crimea") is its patient, and the name
///   before ", which" its patient in "Crimea, which it annexed";
/// - "from X" after receiving names the giver, the subject then being the recipient;
/// - "in X", "at X", or "the X talks" names the place.
///
/// The words are `Resources/events/event_argument_words.tsv`, by `Role`.
struct ArgumentFinder: Sendable {
    let resolver: ActorResolver
    let words: WordRoles<Role>
    /// Event types whose parties act together (`EventOntology.Parties.joint`): their agents are participants.
    let symmetric: Set<String>

    init(resolver: ActorResolver) throws(ResourceError) {
        self.resolver = resolver
        words = try Self.bundledWords.get()
        symmetric = Set(try EventOntology.bundled.get().types.filter { $0.parties == .joint }.map(\.name))
    }

    /// Event types done to someone or something: they take a patient.
    static let transitive: Set<String> = [
        "ATTACK", "INVADE", "ANNEX", "OCCUPY", "SANCTION", "ARREST", "THREATEN", "REJECT", "VISIT", "APPOINT",
        "RESIGN", "ELECT", "SENTENCE", "CHARGE", "TRIAL", "RELEASE", "ACKNOWLEDGE", "DEMAND", "APPEAL", "PROPOSE", "WITHDRAW", "CASUALTIES",
    ]
    static let quoteMarks: Set<String> = ["“", "”", "\"", "``", "''", "«", "»"]
    /// The possessive "'s" as the tokenizer splits it off.
    static let possessiveMarks: Set<String> = ["'s", "’s"]

    /// Words past which an event's arguments are not looked for: the end of a sentence, a quote,
    /// a verb of saying.
    static func stopsArguments(_ word: String) -> Bool {
        word == "." || word == ";" || quoteMarks.contains(word) || ReportingVerbs.shared.contains(word)
    }

    /// Whether the word at `position` of the frame plays `role` (false outside the frame).
    private func plays(_ position: Int, _ role: Role, in frame: SentenceFrame) -> Bool {
        frame.word(position).map { words.has($0, role) } ?? false
    }

    /// How far from its trigger a place may be, in words.
    static let placeReach = 8

    struct Arguments {
        var actors: [EventActor] = []
        var place: String?
    }

    /// `nextTrigger`: where the sentence's next trigger starts; the words from there on are its.
    func arguments(
        type: String, trigger: ClosedRange<Int>, isNoun: Bool, frame: SentenceFrame, document: ArticleDocument, nextTrigger: Int? = nil
    ) -> Arguments {
        var result = Arguments()
        var used = Set<Int>()  // entity indices already given a role
        func add(_ role: String, entity: Int) {
            let mention = document.entities[entity]
            guard !used.contains(entity), resolver.canAct(mention) else { return }
            used.insert(entity)
            let actor = resolver.actor(of: mention, role: role)
            guard !result.actors.contains(where: { $0.name == actor.name && $0.role == role }) else { return }
            result.actors.append(actor)
        }
        let partyRole = symmetric.contains(type) ? "participant" : "agent"

        // After the trigger: between / with / by / mediated by / from / patient.
        var position = trigger.upperBound + 1
        var patientDone = false
        var partiesNamed = false
        let limit = min(frame.count, trigger.upperBound + 11, nextTrigger ?? frame.count)
        while position < limit {
            let word = frame.words[position]
            if Self.stopsArguments(word) || (SpeechWords.shared.has(word, .clauseBreak) && position > trigger.upperBound + 1) { break }
            if word == ",", plays(position + 1, .clauseAfterComma, in: frame) { break }
            // "meets Putin", "met Erdogan": a verb's object takes part.
            if !isNoun, symmetric.contains(type), position <= trigger.upperBound + 2, frame.entityAt[position] != nil {
                for entity in coordinatedEntities(startingAt: position, in: frame) { add("participant", entity: entity) }
                patientDone = true
            }
            let allParties = words.has(word, .allParties)
            if allParties || words.has(word, .partner) {
                for entity in coordinatedEntities(startingAt: position + 1, in: frame) { add("participant", entity: entity) }
                if allParties { partiesNamed = true }
            } else if words.has(word, .mediation), plays(position + 1, .agentBy, in: frame) {
                for entity in coordinatedEntities(startingAt: position + 2, in: frame) { add("mediator", entity: entity) }
                position += 1
            } else if words.has(word, .agentBy), isNoun || plays(trigger.upperBound + 1, .agentBy, in: frame) {
                for entity in coordinatedEntities(startingAt: position + 1, in: frame) { add(partyRole, entity: entity) }
            } else if words.has(word, .giver), type == "RETURN_REMAINS" || type == "AID" || type == "RELEASE" {
                for entity in coordinatedEntities(startingAt: position + 1, in: frame) { add("agent", entity: entity) }
            } else if !patientDone, Self.transitive.contains(type), frame.entityAt[position] != nil,
                !plays(position - 1, .notPatientAfter, in: frame)
            {
                patientDone = true
                for entity in coordinatedEntities(startingAt: position, in: frame) { add("patient", entity: entity) }
            }
            position += 1
        }

        // Before the trigger: the subject, unless a noun's own complement ends the search, or a
        // noun already has its parties ("Brazil proposed talks between Argentina and Chile").
        let hasParties = isNoun && partiesNamed
        if !hasParties, let (entities, mediation) = subject(before: trigger.lowerBound, isNoun: isNoun, frame: frame, document: document) {
            // "Ukraine said it had received the remains from Russia": the subject of receiving is the recipient.
            let receives = words.has(frame.words[trigger.lowerBound], .receiving)
            let role = mediation ? "mediator" : (receives || (type == "AID" && result.actors.contains { $0.role == "agent" }) ? "recipient" : partyRole)
            for entity in entities { add(role, entity: entity) }
        }
        // "Crimea, which it annexed": the name before ", which" is what was done to.
        if Self.transitive.contains(type), !result.actors.contains(where: { $0.role == "patient" }), let which = relativePronoun(before: trigger.lowerBound, in: frame),
            which >= 2, frame.words[which - 1] == ",", let entity = frame.entityAt[which - 2]
        {
            let mention = document.entities[entity]
            if !used.contains(entity) {
                used.insert(entity)
                result.actors.append(EventActor(role: "patient", name: mention.canonicalName))
            }
        }
        result.place = place(around: trigger, frame: frame, document: document, excluding: used)
        return result
    }

    /// The entity indices of "X, Y and Z" starting at `start` (skipping "the", "leaders of"...).
    func coordinatedEntities(startingAt start: Int, in frame: SentenceFrame) -> [Int] {
        var result: [Int] = []
        var position = start
        var skipped = 0
        while position < frame.count {
            if let entity = frame.entityAt[position] {
                if result.last != entity { result.append(entity) }
                position += 1
                skipped = 0
                // "U.S. President Donald Trump": the country only qualifies the person after it.
                if position < frame.count, frame.entityAt[position] != entity, let person = personAfterTitle(from: position, in: frame), person != entity {
                    result.removeLast()
                    position = person
                }
                continue
            }
            let word = frame.words[position]
            if !result.isEmpty {
                if words.has(word, .listJoiner), let next = nextEntityPosition(after: position, in: frame), next <= position + 3 {
                    position = next
                    continue
                }
                break
            }
            // Before the first name: determiners, titles and the like.
            skipped += 1
            if skipped > 4 || [".", ";", ","].contains(word) { break }
            position += 1
        }
        return result
    }

    /// The position of a name right after capitalized title words ("President Donald Trump").
    private func personAfterTitle(from position: Int, in frame: SentenceFrame) -> Int? {
        var cursor = position
        while cursor < frame.count, cursor <= position + 2, frame.entityAt[cursor] == nil {
            guard frame.texts[cursor].first?.isUppercase == true else { return nil }
            cursor += 1
        }
        guard cursor > position, cursor < frame.count, frame.entityAt[cursor] != nil else { return nil }
        return cursor
    }

    private func nextEntityPosition(after position: Int, in frame: SentenceFrame) -> Int? {
        var next = position + 1
        while next < frame.count, next <= position + 3 {
            if frame.entityAt[next] != nil { return next }
            if !words.has(frame.words[next], .nameJoiner) { return nil }
            next += 1
        }
        return nil
    }

    /// The subject before a trigger: the nearest actor name, with the names coordinated with it.
    /// The flag says whether a verb of mediation stands between ("X, who chaired the talks").
    private func subject(before start: Int, isNoun: Bool, frame: SentenceFrame, document: ArticleDocument) -> ([Int], Bool)? {
        var position = start - 1
        var mediation = false
        while position >= 0, position >= start - 12 {
            let word = frame.words[position]
            if words.has(word, .mediation) { mediation = true }
            if Self.quoteMarks.contains(word) { position -= 1; continue }  // Russia “took note”
            // "Moscow claims to have annexed": the claimer is the subject of the infinitive too.
            // So is the speaker of "X announced after attending talks".
            let controlsInfinitive = ReportingVerbs.shared.contains(word) && plays(position + 1, .infinitiveLink, in: frame)
            if !controlsInfinitive, SpeechWords.shared.has(word, .clauseBreak) || Self.stopsArguments(word) || words.has(word, .complementizer) {
                return nil
            }
            if word == ",", plays(position + 1, .subjectClauseAfterComma, in: frame) { return nil }
            // A noun's own complement: "the request for a meeting" is not the requester's meeting.
            if isNoun, words.has(word, .preposition), position == start - 1 || position == start - 2 || position == start - 3,
                !Self.possessiveMarks.contains(frame.word(position + 1) ?? "")
            {
                if words.has(word, .nounComplement) { return nil }
            }
            if let entity = frame.entityAt[position] {
                let mention = document.entities[entity]
                // A place after "in"/"at" is where, not who.
                let entityStart = frame.positions(ofEntity: entity)?.lowerBound ?? position
                let entityEnd = frame.positions(ofEntity: entity)?.upperBound ?? position
                // "of Ukraine's request": the possessor is the requester.
                let possessive = Self.possessiveMarks.contains(frame.word(entityEnd + 1) ?? "") && entityStart > 0 && words.has(frame.words[entityStart - 1], .of)
                if !possessive, entityStart > 0, words.has(frame.words[entityStart - 1], .locative) {
                    // "Delegations of Russia and Ukraine" and "The leaders of X" are the subject itself.
                    if !(entityStart >= 2 && words.has(frame.words[entityStart - 2], .representatives)) {
                        position = entityStart - 2
                        continue
                    }
                }
                guard resolver.canAct(mention) else {
                    position = entityStart - 1
                    continue
                }
                var entities = [entity]
                // Coordinated names before it: "Russia and Ukraine", "Ukraine, France, ... and Poland".
                var back = entityStart - 1
                while back >= 1, words.has(frame.words[back], .subjectJoiner) || words.has(frame.words[back], .both) {
                    var candidate = back - 1
                    while candidate >= 0, words.has(frame.words[candidate], .subjectJoiner) { candidate -= 1 }
                    guard candidate >= 0, let previous = frame.entityAt[candidate], previous != entities.last else { break }
                    entities.insert(previous, at: 0)
                    back = (frame.positions(ofEntity: previous)?.lowerBound ?? candidate) - 1
                }
                return (entities, mediation)
            }
            // A pronoun subject: "it annexed", "he proposed"; for a noun, its possessor: "its invasion".
            // In "Crimea, which it annexed", "it" is not Crimea.
            // ("their meeting" is the subject's: the scan goes on to "Russia and Ukraine".)
            let possessor = isNoun && words.has(word, .possessivePronoun)
            if words.has(word, .subjectPronoun) || possessor {
                var excluded: Set<Int> = []
                if position >= 3, words.has(frame.words[position - 1], .relativePronoun), frame.words[position - 2] == ",",
                    let antecedent = frame.entityAt[position - 3]
                {
                    excluded.insert(antecedent)
                }
                if let mention = resolver.antecedent(ofToken: frame.tokens.lowerBound + position, in: document, excluding: excluded.map { document.entities[$0] }),
                    let entity = document.entities.firstIndex(of: mention)
                {
                    return ([entity], mediation)
                }
                if possessor { return nil }
            }
            position -= 1
        }
        return nil
    }

    private func relativePronoun(before start: Int, in frame: SentenceFrame) -> Int? {
        var position = start - 1
        while position >= 0, position >= start - 4 {
            if words.has(frame.words[position], .relativePronoun) { return position }
            position -= 1
        }
        return nil
    }

    /// Where: a place after "in"/"at" nearest the trigger in its sentence, the most specific of a
    /// chain ("in Türkiye's Istanbul" is Istanbul), or a place name right before a noun trigger
    /// ("the Istanbul talks").
    private func place(around trigger: ClosedRange<Int>, frame: SentenceFrame, document: ArticleDocument, excluding used: Set<Int>) -> String? {
        if trigger.lowerBound >= 1, let entity = frame.entityAt[trigger.lowerBound - 1], !used.contains(entity), document.entities[entity].type == .location {
            return document.entities[entity].canonicalName
        }
        var best: (distance: Int, name: String)?
        for position in 0..<frame.count where words.has(frame.words[position], .placeMarker) {
            // The place phrase: "in Türkiye's Istanbul", "at Istanbul's Dolmabahçe Palace".
            var cursor = position + 1
            var last: Int?
            while cursor < frame.count, cursor <= position + 6 {
                if let entity = frame.entityAt[cursor] {
                    guard document.entities[entity].type == .location, !used.contains(entity) else { break }
                    last = entity
                    cursor = (frame.positions(ofEntity: entity)?.upperBound ?? cursor) + 1
                    continue
                }
                if words.has(frame.words[cursor], .placeFiller) { cursor += 1; continue }
                break
            }
            guard let last else { continue }
            let distance = position > trigger.upperBound ? position - trigger.upperBound : trigger.lowerBound - position
            guard distance <= Self.placeReach else { continue }
            if best == nil || distance < best!.distance { best = (distance, document.entities[last].canonicalName) }
        }
        return best?.name
    }
}
