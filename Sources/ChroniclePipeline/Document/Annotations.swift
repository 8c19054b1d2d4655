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

/// How the text presents an event: as having happened (`asserted`), as to come (`planned`, agreed
/// to), as `proposed` or `demanded` by someone, as a possibility (`hypothetical`), as not having
/// happened (`negated`), or as a claim of someone else's (`reported`, see `reportedBy`).
public enum Modality: String, Codable, Sendable, CaseIterable {
    case asserted, planned, proposed, demanded, hypothetical, negated, reported
}

/// A participant of an event and the part it plays: `agent`, `patient`, `participant`,
/// `mediator`, `recipient`. `name` is a canonical entity name; a capital or seat of government
/// standing for its country ("Moscow", "the Kremlin") is named as the country.
public struct EventActor: Codable, Sendable, Equatable {
    public var role: String
    /// An entity's canonical name or, for a party that names no entity, its words ("mid-level delegation").
    public var name: String
    /// The words in the text, when they differ from the name ("Moscow" for Russia).
    public var span: TextSpan?
    /// Whether `name` is an entity's; a party in its own words is not.
    public var isEntity: Bool

    public init(role: String, name: String, span: TextSpan? = nil, isEntity: Bool = true) {
        self.role = role
        self.name = name
        self.span = span
        self.isEntity = isEntity
    }

    enum CodingKeys: String, CodingKey {
        case role, name, span
        case isEntity = "entity"
    }

    /// Documents written before parties in their own words were found have no `entity`: all
    /// their actors are entities.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        role = try container.decode(String.self, forKey: .role)
        name = try container.decode(String.self, forKey: .name)
        span = try container.decodeIfPresent(TextSpan.self, forKey: .span)
        isEntity = try container.decodeIfPresent(Bool.self, forKey: .isEntity) ?? true
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

/// Where an event's time came from: its own sentence, an earlier sentence of its paragraph, or
/// the article's publication date.
public enum EventTimeSource: String, Codable, Sendable, CaseIterable {
    case sentence, paragraph
    case publicationDate = "publication_date"
}

/// An event found in one sentence.
public struct EventMention: Codable, Sendable, Equatable {
    /// A type of the ontology (`EventOntology`): MEET, AGREE, EXCHANGE_PRISONERS, ...; OTHER
    /// (`EventOntology.other`) for an event it has no type for, known by its lemma.
    public var type: String
    public var trigger: TextSpan
    /// Index into `ArticleDocument.sentences`.
    public var sentence: Int
    /// The trigger's head word in its dictionary form: "return", "swap", "election".
    public var lemma: String?
    /// TimeML's class and instance attributes, from the learned detector.
    public var eventClass: EventClass?
    public var tense: EventTense?
    public var aspect: EventAspect?
    public var polarity: EventPolarity?
    public var actors: [EventActor]
    /// Canonical name of where it happened.
    public var place: String?
    /// Normalized TIMEX3 value of when it happened.
    public var time: String?
    public var timeSource: EventTimeSource?
    /// How long it lasted, a TIMEX3 duration ("two-hour talks": PT2H).
    public var duration: String?
    public var quantities: [Quantity]
    public var modality: Modality
    /// Who says it happened ("Ukraine said it had received..."): a canonical name.
    public var reportedBy: String?
    /// What was said, for a STATEMENT: the reported clause.
    public var content: TextSpan?
    public var confidence: Double

    public init(
        type: String, trigger: TextSpan, sentence: Int, lemma: String? = nil, eventClass: EventClass? = nil, tense: EventTense? = nil,
        aspect: EventAspect? = nil, polarity: EventPolarity? = nil, actors: [EventActor] = [], place: String? = nil,
        time: String? = nil, timeSource: EventTimeSource? = nil, duration: String? = nil, quantities: [Quantity] = [],
        modality: Modality = .asserted, reportedBy: String? = nil, content: TextSpan? = nil, confidence: Double = 0.5
    ) {
        self.type = type
        self.trigger = trigger
        self.sentence = sentence
        self.lemma = lemma
        self.eventClass = eventClass
        self.tense = tense
        self.aspect = aspect
        self.polarity = polarity
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
        case type, trigger, sentence, lemma, tense, aspect, polarity, actors, place, time, duration, quantities, modality, content, confidence
        case eventClass = "class"
        case timeSource = "time_source"
        case reportedBy = "reported_by"
    }
}

/// A direct quotation and who said it.
public struct Quotation: Codable, Sendable, Equatable {
    /// The quoted words, without the quote marks.
    public var span: TextSpan
    public var text: String
    /// Canonical name of the speaker, when one could be resolved: who said the words.
    public var speaker: String?
    /// The reporting verb as written: "said", "added".
    public var verb: String?
    /// Canonical name of the source that passes the words on, when it is not the speaker:
    /// in `X said "...", according to Y`, Y.
    public var reportedBy: String?

    public init(span: TextSpan, text: String, speaker: String? = nil, verb: String? = nil, reportedBy: String? = nil) {
        self.span = span
        self.text = text
        self.speaker = speaker
        self.verb = verb
        self.reportedBy = reportedBy
    }

    enum CodingKeys: String, CodingKey {
        case span, text, speaker, verb
        case reportedBy = "reported_by"
    }
}

/// A word or short phrase in quote marks that nobody is quoted as saying: a term the writer
/// keeps at a distance (`a "strong reaction"`, `the "peaceful" end`).
public struct QuotedTerm: Codable, Sendable, Equatable {
    /// The quoted words, without the quote marks.
    public var span: TextSpan
    public var text: String

    public init(span: TextSpan, text: String) {
        self.span = span
        self.text = text
    }
}
