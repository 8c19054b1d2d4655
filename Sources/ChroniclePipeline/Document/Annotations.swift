/// Entity types, following CoNLL with GPE folded into LOC and nationalities as NORP.
package enum EntityType: String, Codable, Sendable, CaseIterable {
    case person = "PERSON"
    case organization = "ORG"
    case location = "LOC"
    case nationality = "NORP"
    case miscellaneous = "MISC"
}

/// One mention of a named entity in the text.
package struct EntityMention: Codable, Sendable, Equatable {
    package var span: TextSpan
    package var text: String
    package var type: EntityType
    /// Key shared by the mentions of one entity within the article (the fullest form seen).
    package var canonicalName: String
    package var role: String?
    package var affiliation: String?

    package init(
        span: TextSpan, text: String, type: EntityType, canonicalName: String? = nil,
        role: String? = nil, affiliation: String? = nil
    ) {
        self.span = span
        self.text = text
        self.type = type
        self.canonicalName = canonicalName ?? text
        self.role = role
        self.affiliation = affiliation
    }

    enum CodingKeys: String, CodingKey {
        case span, text, type, role, affiliation
        case canonicalName = "canonical_name"
    }
}

/// TIMEX3 types.
package enum TimexType: String, Codable, Sendable {
    case date = "DATE"
    case time = "TIME"
    case duration = "DURATION"
    case set = "SET"
}

/// A temporal expression with its normalized TIMEX3 value.
package struct TimexMention: Codable, Sendable, Equatable {
    package var span: TextSpan
    package var text: String
    package var type: TimexType
    /// TIMEX3 value: `2025-05-16`, `P30D`, `PAST_REF`, ...
    package var value: String
    /// TIMEX3 mod: `MORE_THAN`, `APPROX`, `START`, ...
    package var mod: String?
    /// How precise the value is: `day`, `month`, `year`, `week`, `quarter`, `minute`, ... (the
    /// unit of a duration or set), or `reference` for `PAST_REF` and the like.
    package var granularity: String

    package init(span: TextSpan, text: String, type: TimexType, value: String, mod: String? = nil) {
        self.span = span
        self.text = text
        self.type = type
        self.value = value
        self.mod = mod
        self.granularity = TimexGranularity.of(value: value, type: type)
    }
}

/// How the text presents an event: as having happened (`asserted`), as to come (`planned`, agreed
/// to), as `proposed` or `demanded` by someone, as a possibility (`hypothetical`), as not having
/// happened (`negated`), or as a claim of someone else's (`reported`, see `reportedBy`).
package enum Modality: String, Codable, Sendable, CaseIterable {
    case asserted, planned, proposed, demanded, hypothetical, negated, reported
}

/// A participant of an event and the part it plays: `agent`, `patient`, `participant`,
/// `mediator`, `recipient`. `name` is a canonical entity name; a capital or seat of government
/// standing for its country ("Moscow", "the Kremlin") is named as the country.
package struct EventActor: Codable, Sendable, Equatable {
    package var role: String
    package var name: String
    /// The words in the text, when they differ from the name ("Moscow" for Russia).
    package var span: TextSpan?

    package init(role: String, name: String, span: TextSpan? = nil) {
        self.role = role
        self.name = name
        self.span = span
    }
}

/// A number the event reports: what is counted, how many, in which unit.
package struct Quantity: Codable, Sendable, Equatable {
    package var value: Double
    package var unit: String?
    package var counted: String?
    package var span: TextSpan

    package init(value: Double, unit: String? = nil, counted: String? = nil, span: TextSpan) {
        self.value = value
        self.unit = unit
        self.counted = counted
        self.span = span
    }
}

/// Where an event's time came from: its own sentence, an earlier sentence of its paragraph, or
/// the article's publication date.
package enum EventTimeSource: String, Codable, Sendable {
    case sentence, paragraph
    case publicationDate = "publication_date"
}

/// An event found in one sentence.
package struct EventMention: Codable, Sendable, Equatable {
    /// A type of the ontology (`EventOntology`): MEET, AGREE, EXCHANGE_PRISONERS, ...
    package var type: String
    package var trigger: TextSpan
    /// Index into `ArticleDocument.sentences`.
    package var sentence: Int
    package var actors: [EventActor]
    /// Canonical name of where it happened.
    package var place: String?
    /// Normalized TIMEX3 value of when it happened.
    package var time: String?
    package var timeSource: EventTimeSource?
    /// How long it lasted, a TIMEX3 duration ("two-hour talks": PT2H).
    package var duration: String?
    package var quantities: [Quantity]
    package var modality: Modality
    /// Who says it happened ("Ukraine said it had received..."): a canonical name.
    package var reportedBy: String?
    /// What was said, for a STATEMENT: the reported clause.
    package var content: TextSpan?
    package var confidence: Double

    package init(
        type: String, trigger: TextSpan, sentence: Int, actors: [EventActor] = [], place: String? = nil,
        time: String? = nil, timeSource: EventTimeSource? = nil, duration: String? = nil, quantities: [Quantity] = [],
        modality: Modality = .asserted, reportedBy: String? = nil, content: TextSpan? = nil, confidence: Double = 0.5
    ) {
        self.type = type
        self.trigger = trigger
        self.sentence = sentence
        self.actors = actors
        self.place = place
        self.time = time
        self.timeSource = timeSource
        self.duration = duration
        self.quantities = quantities
        self.modality = modality
        self.reportedBy = reportedBy
        self.content = content
        self.confidence = confidence
    }

    enum CodingKeys: String, CodingKey {
        case type, trigger, sentence, actors, place, time, duration, quantities, modality, content, confidence
        case timeSource = "time_source"
        case reportedBy = "reported_by"
    }
}

/// A direct quotation and who said it.
package struct Quotation: Codable, Sendable, Equatable {
    /// The quoted words, without the quote marks.
    package var span: TextSpan
    package var text: String
    /// Canonical name of the speaker, when one could be resolved.
    package var speaker: String?
    /// The reporting verb as written: "said", "added".
    package var verb: String?

    package init(span: TextSpan, text: String, speaker: String? = nil, verb: String? = nil) {
        self.span = span
        self.text = text
        self.speaker = speaker
        self.verb = verb
    }
}
