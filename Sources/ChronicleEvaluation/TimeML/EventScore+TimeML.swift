import ChroniclePipeline

// How TimeML files and the event tagger's output become what `EventScore` compares.

extension TimeMLDocument.Event {
    /// The event as the scorer reads it: span, class and the instance's attributes (an instance
    /// without modality has modality NONE).
    package var mention: EventScore.Mention {
        var attributes = ["class": eventClass]
        attributes["tense"] = tense
        attributes["aspect"] = aspect
        attributes["polarity"] = polarity
        if tense != nil { attributes["modality"] = modality?.lowercased() ?? EventAttributeClassifier.noModality }
        return EventScore.Mention(span: span, attributes: attributes)
    }
}

extension TimeMLDocument {
    /// Whether the document's polarity annotation can be learnt from and scored against: no
    /// news text negates most of its events, and a file that says so (25 of AQUAINT's 73 mark
    /// nearly every event NEG) has a broken attribute, not that much negation.
    package var polarityIsReliable: Bool {
        let negated = events.filter { $0.polarity == "NEG" }.count
        return negated * 2 <= events.filter { $0.polarity != nil }.count
    }
}

extension EventScore {
    /// Scores a system's events against a gold document's, leaving polarity out where the gold
    /// document's is unreliable.
    package mutating func add(document: TimeMLDocument, system: [Mention]) {
        var gold = document.events.map(\.mention)
        var system = system
        if !document.polarityIsReliable {
            for index in gold.indices { gold[index].attributes["polarity"] = nil }
            for index in system.indices { system[index].attributes["polarity"] = nil }
        }
        add(gold: gold, system: system)
    }
}

extension DetectedEvent {
    /// The values the scorer compares, by TimeML attribute name.
    package var attributes: [String: String] {
        var result = ["class": eventClass]
        result["tense"] = tense
        result["aspect"] = aspect
        result["polarity"] = polarity
        result["modality"] = modality
        return result
    }
}
