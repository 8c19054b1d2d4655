import ChronicleFoundation

/// The events stage. Each sentence is parsed (parts of speech, base phrases, lemmas) and its
/// events found twice: by the learned detector, which finds every kind of event with its TimeML
/// class and attributes, and by the ontology's triggers, which type the events they cover. A
/// typed event takes the detector's class and attributes; the detector's other events are
/// OTHER events, known by their lemma, with arguments read from the clause (`ClauseArguments`).
/// Each event gets its actors and place, time, duration and quantities, how the text presents
/// it, and who reports it; indirect speech becomes STATEMENT events and direct speech
/// `Quotation`s.
public struct EventStage: PipelineStage {
    public let name = "events"

    let lexicon: EventLexicon
    let arguments: ArgumentFinder
    let quantities: QuantityFinder
    let modality: ModalityDetector
    let time: EventTimeFinder
    let quotations: QuotationFinder
    let statements: StatementFinder
    let parser: ShallowParser
    let detector: EventTagger
    let detectionRules: EventDetection
    let detectionOffsets: [Float]?
    let clauses: ClauseArguments
    let clauseActors: ClauseActors

    public init() throws(ResourceError) {
        lexicon = try EventLexicon.bundled.get()
        // Read by the finders of speakers and clauses when they run: loaded here, so a bad file
        // stops the stage being built.
        _ = try SpeechWords.bundled.get()
        _ = try PersonalPronouns.bundled.get()
        let resolver = try ActorResolver.bundled.get()
        arguments = try ArgumentFinder(resolver: resolver)
        quantities = QuantityFinder(lexicon: try TimeLexicon.bundled.get())
        modality = try ModalityDetector.bundled.get()
        time = EventTimeFinder()
        parser = try ShallowParser.bundled.get()
        quotations = QuotationFinder(resolver: resolver, parser: parser)
        statements = StatementFinder(quotations: quotations)
        // How an event is presented comes from the text (`modality`), not TimeML's attribute.
        detector = try EventTagger.bundled.get().withoutModality
        detectionRules = try EventDetection.bundled.get()
        detectionOffsets = detectionRules.offsets(tags: detector.model.tags)
        clauses = try ClauseArguments.bundled.get()
        clauseActors = try ClauseActors(resolver: resolver)
    }

    public func process(_ document: inout ArticleDocument) throws(PipelineError) {
        let map = TokenEntityMap(document)
        (document.quotations, document.quotedTerms) = quotations.quotations(in: document, map: map)
        let entitySpans = document.entities.map(\.span)
        let timexSpans = document.timexes.map(\.span)
        let quoted = document.quotations.map(\.span)
        var events: [EventMention] = []
        // Kept as events are found, not rebuilt per sentence: that was quadratic in a long article.
        var knownTypes: Set<String> = []
        var parsing = ShallowParser.Workspace(parser: parser)
        var detecting = EventTagger.Workspace(tagger: detector)
        for index in document.sentences.indices {
            let frame = SentenceFrame(sentence: index, in: document, entitySpans: entitySpans, timexSpans: timexSpans)
            let sentence = parser.parse(frame.texts, workspace: &parsing)
            var detected = detector.events(in: sentence, workspace: &detecting, offsets: detectionOffsets) {
                detectionRules.isEvent(lemma: sentence.lemmas[$0.tokens.upperBound - 1])
            }
            let said = statements.statements(in: frame, document: document, map: map, quoted: quoted)
            var found = said.map { statement in
                let position = statement.verb - frame.tokens.lowerBound
                let detection = claim(position..<(position + 1), head: position, from: &detected, otherwise: .reporting, in: sentence, workspace: &detecting)
                return describe(self.statement(from: statement, frame: frame, document: document), as: detection, in: sentence)
            }
            let matches = triggers(in: frame, knownTypes: knownTypes)
            var candidates: [Candidate] = matches.enumerated().map { number, match in
                let next = number + 1 < matches.count ? matches[number + 1].tokens.lowerBound : nil
                let event = self.event(from: match, frame: frame, document: document, nextTrigger: next, triggers: matches)
                let detection = claim(
                    match.tokens.lowerBound..<(match.tokens.upperBound + 1), head: head(of: match, in: sentence), from: &detected,
                    otherwise: .occurrence, in: sentence, workspace: &detecting)
                return Candidate(event: describe(event, as: detection, in: sentence), tokens: match.tokens, isNoun: match.isNoun)
            }
            // The detector's other events: OTHER, but none inside a name ("Peace Summit").
            let others = detected.filter { detection in !detection.tokens.contains { frame.entityAt[$0] != nil } }
            let untyped = others.map { detection in
                EventLexicon.Match(
                    type: EventOntology.other, tokens: detection.tokens.lowerBound...(detection.tokens.upperBound - 1),
                    isNoun: sentence.partsOfSpeech[detection.tokens.upperBound - 1].hasPrefix("NN"))
            }
            let everyTrigger = matches + untyped
            for (detection, match) in zip(others, untyped) {
                let event = otherEvent(from: detection, match: match, sentence: sentence, frame: frame, document: document, triggers: everyTrigger)
                candidates.append(Candidate(event: event, tokens: match.tokens, isNoun: match.isNoun, isTyped: false))
            }
            assign(quantities.quantities(in: frame, document: document), to: &candidates)
            for candidate in candidates {
                var event = candidate.event
                event.reportedBy = reporter(of: event.trigger, statements: said, document: document)
                if event.modality == .asserted, event.reportedBy != nil { event.modality = .reported }
                event.confidence = confidence(of: event, isNoun: candidate.isNoun)
                found.append(event)
            }
            events.append(contentsOf: found.sorted { $0.trigger.start < $1.trigger.start })
            for event in found where event.type != EventOntology.other { knownTypes.insert(event.type) }
        }
        document.events = events
    }

    /// An event of a sentence with the words its trigger covers.
    private struct Candidate {
        var event: EventMention
        let tokens: ClosedRange<Int>
        let isNoun: Bool
        var isTyped = true
    }

    /// Each number goes to the typed trigger nearest to it; in a sentence with none, to the
    /// nearest other event.
    private func assign(_ numbers: [(position: Int, quantity: Quantity)], to candidates: inout [Candidate]) {
        let typed = candidates.indices.filter { candidates[$0].isTyped }
        let owners = typed.isEmpty ? Array(candidates.indices) : typed
        for number in numbers {
            guard let owner = owners.min(by: { distance(candidates[$0].tokens, number.position) < distance(candidates[$1].tokens, number.position) })
            else { continue }
            candidates[owner].event.quantities.append(number.quantity)
        }
    }

    /// The detection that overlaps `tokens` (the one holding `head` first), taken out of
    /// `detected` with any others that overlap; else the attributes of `head` under `otherwise`.
    private func claim(
        _ tokens: Range<Int>, head: Int, from detected: inout [DetectedEvent], otherwise: EventClass, in sentence: ParsedSentence,
        workspace: inout EventTagger.Workspace
    ) -> DetectedEvent {
        let overlapping = detected.filter { $0.tokens.overlaps(tokens) }
        detected.removeAll { $0.tokens.overlaps(tokens) }
        if let found = overlapping.first(where: { $0.tokens.contains(head) }) ?? overlapping.first { return found }
        return detector.describe(DetectedEvent(tokens: head..<(head + 1), eventClass: otherwise.rawValue), in: sentence, workspace: &workspace)
    }

    /// The word of a typed trigger that names the event: its noun for a noun trigger ("prisoner
    /// swap"), else its verb ("returned to the White House").
    private func head(of match: EventLexicon.Match, in sentence: ParsedSentence) -> Int {
        let tags = sentence.partsOfSpeech
        if match.isNoun { return match.tokens.last { tags[$0].hasPrefix("NN") } ?? match.tokens.upperBound }
        return match.tokens.first { tags[$0].hasPrefix("VB") } ?? match.tokens.lowerBound
    }

    /// `event` with the lemma, class and attributes of its detection.
    private func describe(_ event: EventMention, as detection: DetectedEvent, in sentence: ParsedSentence) -> EventMention {
        var event = event
        event.lemma = sentence.lemmas[detection.tokens.upperBound - 1]
        event.eventClass = EventClass(rawValue: detection.eventClass)
        event.tense = detection.tense.flatMap(EventTense.init)
        event.aspect = detection.aspect.flatMap(EventAspect.init)
        event.polarity = detection.polarity.flatMap(EventPolarity.init)
        return event
    }

    /// An event the ontology has no type for, with its arguments read from the clause.
    private func otherEvent(
        from detection: DetectedEvent, match: EventLexicon.Match, sentence: ParsedSentence, frame: SentenceFrame, document: ArticleDocument,
        triggers: [EventLexicon.Match]
    ) -> EventMention {
        let found = clauseActors.actors(
            of: clauses.arguments(of: detection.tokens.upperBound - 1, in: sentence), sentence: sentence, frame: frame, document: document)
        let event = mention(
            of: match, actors: found.actors, place: found.place, negative: detection.polarity == EventPolarity.negative.rawValue, frame: frame,
            document: document, triggers: triggers)
        return describe(event, as: detection, in: sentence)
    }

    /// The event of a trigger with its parties: how the text presents it (an asserted event the
    /// detector reads as `negative` is negated, one dated ahead of the article planned) and when.
    private func mention(
        of match: EventLexicon.Match, actors: [EventActor], place: String?, negative: Bool = false, frame: SentenceFrame,
        document: ArticleDocument, triggers: [EventLexicon.Match]
    ) -> EventMention {
        var presented = modality.modality(trigger: match.tokens, in: frame)
        if presented == .asserted, negative { presented = .negated }
        let others = triggers.filter { $0 != match }
        let when = time.when(trigger: match.tokens, frame: frame, document: document, modality: presented, otherTriggers: others)
        if presented == .asserted, let value = when.value, when.source == .sentence, isAhead(value, of: document.metadata.publicationDate) {
            presented = .planned
        }
        return EventMention(
            type: match.type, trigger: trigger(of: match, frame: frame, document: document), sentence: frame.index, actors: actors, place: place,
            time: when.value, timeSource: when.source, duration: when.duration, modality: presented)
    }

    private func trigger(of match: EventLexicon.Match, frame: SentenceFrame, document: ArticleDocument) -> TextSpan {
        TextSpan(start: document.tokens[frame.tokens.lowerBound + match.tokens.lowerBound].span.start,
                 end: document.tokens[frame.tokens.lowerBound + match.tokens.upperBound].span.end)
    }

    /// Non-overlapping triggers, longest first at each word; none inside a name ("Peace Summit").
    private func triggers(in frame: SentenceFrame, knownTypes: Set<String>) -> [EventLexicon.Match] {
        var matches: [EventLexicon.Match] = []
        var position = 0
        while position < frame.count {
            if frame.entityAt[position] == nil, let match = lexicon.match(at: position, in: frame.words, knownTypes: knownTypes) {
                matches.append(match)
                position = match.tokens.upperBound + 1
            } else {
                position += 1
            }
        }
        return matches
    }

    private func event(
        from match: EventLexicon.Match, frame: SentenceFrame, document: ArticleDocument, nextTrigger: Int?, triggers: [EventLexicon.Match]
    ) -> EventMention {
        let found = arguments.arguments(
            type: match.type, trigger: match.tokens, isNoun: match.isNoun, frame: frame, document: document, nextTrigger: nextTrigger)
        return mention(of: match, actors: found.actors, place: found.place, frame: frame, document: document, triggers: triggers)
    }

    private func statement(from statement: StatementFinder.Statement, frame: SentenceFrame, document: ArticleDocument) -> EventMention {
        let position = statement.verb - frame.tokens.lowerBound
        let when = time.when(trigger: position...position, frame: frame, document: document, modality: .asserted, otherTriggers: [])
        var event = EventMention(
            type: EventOntology.statement, trigger: document.tokens[statement.verb].span, sentence: frame.index,
            actors: statement.speaker.map { [EventActor(role: "agent", name: $0)] } ?? [], time: when.value, timeSource: when.source,
            modality: .asserted, content: statement.content)
        event.confidence = confidence(of: event, isNoun: false)
        return event
    }

    /// Who says an event happened: the speaker of the statement or quotation it is part of.
    private func reporter(of trigger: TextSpan, statements: [StatementFinder.Statement], document: ArticleDocument) -> String? {
        if let statement = statements.first(where: { $0.content.start <= trigger.start && trigger.end <= $0.content.end && $0.speaker != nil }) {
            return statement.speaker
        }
        return document.quotations.first { $0.span.start <= trigger.start && trigger.end <= $0.span.end }?.speaker
    }

    /// FUTURE_REF, or a date after the publication date.
    private func isAhead(_ value: String, of publication: String?) -> Bool {
        if value == "FUTURE_REF" { return true }
        guard let publication, let range = TimexRange(value: value), let published = TimexRange(value: String(publication.prefix(10))) else { return false }
        return range.first > published.last
    }

    private func distance(_ tokens: ClosedRange<Int>, _ position: Int) -> Int {
        position > tokens.upperBound ? position - tokens.upperBound : max(0, tokens.lowerBound - position)
    }

    /// How sure we are: a trigger with its parties, its own date and a place is a well-attested
    /// event; a bare noun with nothing around it may be a passing mention.
    private func confidence(of event: EventMention, isNoun: Bool) -> Double {
        var score = isNoun ? 0.45 : 0.55
        if !event.actors.isEmpty { score += 0.15 }
        if event.actors.count >= 2 { score += 0.05 }
        if event.timeSource == .sentence { score += 0.1 }
        if event.place != nil { score += 0.05 }
        if event.modality == .hypothetical { score -= 0.15 }
        return (min(0.95, max(0.05, score)) * 100).rounded() / 100
    }
}
