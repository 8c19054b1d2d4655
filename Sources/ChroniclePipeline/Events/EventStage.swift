import ChronicleFoundation

/// The events stage: finds each sentence's event triggers, then the event's actors and place,
/// its time, duration and quantities, how the text presents it, and who reports it; indirect
/// speech becomes STATEMENT events and direct speech `Quotation`s.
public struct EventStage: PipelineStage {
    public let name = "events"

    let lexicon: EventLexicon
    let arguments: ArgumentFinder
    let quantities: QuantityFinder
    let modality: ModalityDetector
    let time: EventTimeFinder
    let quotations: QuotationFinder
    let statements: StatementFinder

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
        quotations = QuotationFinder(resolver: resolver, parser: try ShallowParser.bundled.get())
        statements = StatementFinder(quotations: quotations)
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
        for index in document.sentences.indices {
            let frame = SentenceFrame(sentence: index, in: document, entitySpans: entitySpans, timexSpans: timexSpans)
            let said = statements.statements(in: frame, document: document, map: map, quoted: quoted)
            var found = said.map { statement(from: $0, frame: frame, document: document) }
            let numbers = quantities.quantities(in: frame, document: document)
            let matches = triggers(in: frame, knownTypes: knownTypes)
            for (number, match) in matches.enumerated() {
                let next = number + 1 < matches.count ? matches[number + 1].tokens.lowerBound : nil
                var event = self.event(from: match, frame: frame, document: document, nextTrigger: next, triggers: matches)
                event.reportedBy = reporter(of: event.trigger, statements: said, document: document)
                if event.modality == .asserted, event.reportedBy != nil { event.modality = .reported }
                // Each number goes to the trigger nearest to it.
                event.quantities = numbers.filter { number in
                    matches.min { distance($0.tokens, number.position) < distance($1.tokens, number.position) } == match
                }.map(\.quantity)
                event.confidence = confidence(of: event, isNoun: match.isNoun)
                found.append(event)
            }
            events.append(contentsOf: found.sorted { $0.trigger.start < $1.trigger.start })
            for event in found { knownTypes.insert(event.type) }
        }
        document.events = events
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
        var presented = modality.modality(trigger: match.tokens, in: frame)
        let others = triggers.filter { $0 != match }
        let when = time.when(trigger: match.tokens, frame: frame, document: document, modality: presented, otherTriggers: others)
        if presented == .asserted, let value = when.value, when.source == .sentence, isAhead(value, of: document.metadata.publicationDate) {
            presented = .planned
        }
        let trigger = TextSpan(start: document.tokens[frame.tokens.lowerBound + match.tokens.lowerBound].span.start,
                               end: document.tokens[frame.tokens.lowerBound + match.tokens.upperBound].span.end)
        return EventMention(
            type: match.type, trigger: trigger, sentence: frame.index, actors: found.actors, place: found.place,
            time: when.value, timeSource: when.source, duration: when.duration, modality: presented)
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
