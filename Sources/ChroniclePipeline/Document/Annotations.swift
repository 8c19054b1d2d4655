/// Entity types, following CoNLL with GPE folded into LOC and nationalities as NORP.
public enum EntityType: String, Codable, Sendable, CaseIterable {
    case person = "PERSON"
    case organization = "ORG"
    case location = "LOC"
    case nationality = "NORP"
    case miscellaneous = "MISC"
}

/// One mention of a named entity in the text.
public struct EntityMention: Codable, Sendable, Equatable {
    public var span: TextSpan
    public var text: String
    public var type: EntityType
    /// Key shared by the mentions of one entity within the article (the fullest form seen).
    public var canonicalName: String
    public var role: String?
    public var affiliation: String?

    public init(
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
public enum TimexType: String, Codable, Sendable {
    case date = "DATE"
    case time = "TIME"
    case duration = "DURATION"
    case set = "SET"
}

/// A temporal expression with its normalized TIMEX3 value.
public struct TimexMention: Codable, Sendable, Equatable {
    public var span: TextSpan
    public var text: String
    public var type: TimexType
    /// TIMEX3 value: `2025-05-16`, `P30D`, `PAST_REF`, ...
    public var value: String
    /// TIMEX3 mod: `MORE_THAN`, `APPROX`, `START`, ...
    public var mod: String?
    /// How precise the value is: `day`, `month`, `year`, `week`, `quarter`, `minute`, ... (the
    /// unit of a duration or set), or `reference` for `PAST_REF` and the like.
    public var granularity: String

    public init(span: TextSpan, text: String, type: TimexType, value: String, mod: String? = nil) {
        self.span = span
        self.text = text
        self.type = type
        self.value = value
        self.mod = mod
        self.granularity = TimexGranularity.of(value: value, type: type)
    }
}

/// How an event is asserted by the text.
public enum Modality: String, Codable, Sendable {
    case asserted, planned, proposed, demanded, hypothetical, negated, reported
}

/// A participant of an event and the part it plays.
public struct EventActor: Codable, Sendable, Equatable {
    public var role: String
    public var name: String
    public var span: TextSpan?

    public init(role: String, name: String, span: TextSpan? = nil) {
        self.role = role
        self.name = name
        self.span = span
    }
}

/// A number the event reports: what is counted, how many, in which unit.
public struct Quantity: Codable, Sendable, Equatable {
    public var value: Double
    public var unit: String?
    public var counted: String?
    public var span: TextSpan

    public init(value: Double, unit: String? = nil, counted: String? = nil, span: TextSpan) {
        self.value = value
        self.unit = unit
        self.counted = counted
        self.span = span
    }
}

/// An event found in one sentence.
public struct EventMention: Codable, Sendable, Equatable {
    public var type: String
    public var trigger: TextSpan
    /// Index into `ArticleDocument.sentences`.
    public var sentence: Int
    public var actors: [EventActor]
    public var place: String?
    /// Normalized TIMEX3 value of when it happened.
    public var time: String?
    public var quantities: [Quantity]
    public var modality: Modality
    public var confidence: Double

    public init(
        type: String, trigger: TextSpan, sentence: Int, actors: [EventActor] = [], place: String? = nil,
        time: String? = nil, quantities: [Quantity] = [], modality: Modality = .asserted,
        confidence: Double = 0.5
    ) {
        self.type = type
        self.trigger = trigger
        self.sentence = sentence
        self.actors = actors
        self.place = place
        self.time = time
        self.quantities = quantities
        self.modality = modality
        self.confidence = confidence
    }
}

/// A direct quotation and who said it.
public struct Quotation: Codable, Sendable, Equatable {
    public var span: TextSpan
    public var text: String
    public var speaker: String?
    public var verb: String?

    public init(span: TextSpan, text: String, speaker: String? = nil, verb: String? = nil) {
        self.span = span
        self.text = text
        self.speaker = speaker
        self.verb = verb
    }
}
