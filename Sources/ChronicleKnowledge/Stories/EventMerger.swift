import ChroniclePipeline

/// Merges event mentions that tell of one happening: the same type (for an event the ontology
/// has no type for, the same lemma or a synonym: `EventKind`), told the same way (as
/// having happened, as to come, or as not having happened), at times and places that can be the
/// same, with overlapping parties (and, for a speech act such as a demand, the same speaker).
/// Mentions without parties or a date of their own ("the
/// two-hour talks") join the event they fit best. Close calls (dates a day or two apart,
/// different places) merge only when the parties agree, and then show up as conflicts.
enum EventMerger {
    /// Types whose mentions are never merged: every statement is its own.
    static let unmerged: Set<String> = [EventOntology.statement]

    /// The classes of an OTHER event that tell of something happening: a verb of saying, a state
    /// ("is", "own") or a state of mind ("want", "fear") is kept with its article, not merged.
    static let happenings: Set<EventClass> = [.occurrence, .intensionalAction, .aspectual, .perception]

    /// Whether a story's merged events take this mention: every typed event, and an OTHER
    /// event that tells of a happening and names a party. An OTHER event without a named party
    /// would merge with any event of its lemma near its date ("took place", "made progress").
    static func belongsToStories(_ event: EventMention) -> Bool {
        guard event.type == EventOntology.other else { return true }
        guard let eventClass = event.eventClass, happenings.contains(eventClass) else { return false }
        return event.actors.contains(where: isParty)
    }

    /// Whether an actor is one of the parties that must overlap for mentions to merge: a named
    /// entity, mediators aside ("talks mediated by Türkiye" are the same talks; "a delegation" in
    /// one report and "negotiators" in another may be the same).
    static func isParty(_ actor: EventActor) -> Bool { actor.isEntity && actor.role != "mediator" }

    /// Adds each mention to the story's event it fits best, or as a new event.
    static func merge(_ mentions: [MentionFacts], into events: inout StoryEvents) {
        for mention in mentions {
            guard !unmerged.contains(mention.type) else {
                events.append(mention)
                continue
            }
            let mine = parties(mention.actors)
            let speakers = EventOntology.shared.type(named: mention.type)?.parties == .speaker ? agents(mention.actors) : nil
            let best = events.best(ofKind: EventKind.of(type: mention.type, lemma: mention.lemma), parties: mine) {
                fit(mention, parties: mine, speakers: speakers, $0)
            }
            if let best { events.add(mention, toEventAt: best) } else { events.append(mention) }
        }
    }

    enum Mood { case actual, irrealis, negated }

    static func mood(_ modality: Modality) -> Mood {
        switch modality {
        case .asserted, .reported: .actual
        case .negated: .negated
        case .planned, .proposed, .demanded, .hypothetical: .irrealis
        }
    }

    /// Who takes part (`isParty`).
    static func parties(_ actors: [EventActor]) -> Set<String> {
        Set(actors.filter(isParty).map(\.name))
    }

    static func agents(_ actors: [EventActor]) -> Set<String> {
        Set(actors.filter { $0.role == "agent" && $0.isEntity }.map(\.name))
    }

    /// How well a mention fits an event, or nil when it cannot be the same happening. `mine`:
    /// the mention's parties; `speakers`: its agents when its type is a speech act. The event is
    /// read in place, field by field (`StoryEvents.best`).
    static func fit(_ mention: MentionFacts, parties mine: Set<String>, speakers: Set<String>?, _ pointer: UnsafePointer<MergedEvent>) -> Double? {
        guard mood(mention.modality) == mood(pointer.pointee.modality) else { return nil }
        var score = 0.0
        var strain = false
        // A demand by one side and a demand by the other are two demands.
        if let speakers, !speakers.isEmpty {
            let theirs = agents(pointer.pointee.actors)
            if !theirs.isEmpty, speakers.isDisjoint(with: theirs) { return nil }
        }
        // Parties: disjoint named parties are different happenings.
        let theirs = pointer.pointee.parties
        let shared = mine.reduce(0) { theirs.contains($1) ? $0 + 1 : $0 }
        if !mine.isEmpty, !theirs.isEmpty, shared == 0 { return nil }
        score += 2 * Double(shared)
        // Time.
        if let time = mention.timing, let other = pointer.pointee.timing {
            switch (mention.timeIsStrong, pointer.pointee.timeIsStrong) {
            case (true, true):
                if time.canBeSame(as: other) {
                    score += 2
                } else if let gap = time.dayGap(to: other), gap <= 2 {
                    strain = true
                } else {
                    return nil
                }
            case (false, false):
                guard let gap = time.dayGap(to: other), gap <= 3 else { return nil }
            default:
                // A publication date is only an upper bound: the event may be days before it.
                let (published, told) = mention.timeIsStrong ? (other, time) : (time, other)
                guard let publishedFirst = published.firstDay, let publishedLast = published.lastDay, let toldLast = told.lastDay else { break }
                guard toldLast <= publishedLast || abs(publishedFirst - toldLast) <= 1 else { return nil }
                if publishedFirst - toldLast > 7 { return nil }
                score += 0.5
            }
        }
        // Place.
        if let place = mention.place, let other = pointer.pointee.place {
            if place == other { score += 1 } else { strain = true }
        }
        // A strained fit needs parties that agree.
        if strain, shared < 2 { return nil }
        return score
    }
}
