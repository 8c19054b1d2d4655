/// TimeML's attributes of an event mention (the EVENT's class and its instance's tense, aspect
/// and polarity), as the learned detector gives them. Raw values are TimeML's own names.
public enum EventClass: String, Codable, Sendable, CaseIterable {
    case occurrence = "OCCURRENCE"
    case reporting = "REPORTING"
    case state = "STATE"
    case intensionalAction = "I_ACTION"
    case intensionalState = "I_STATE"
    case aspectual = "ASPECTUAL"
    case perception = "PERCEPTION"
}

public enum EventTense: String, Codable, Sendable, CaseIterable {
    case past = "PAST"
    case present = "PRESENT"
    case future = "FUTURE"
    case infinitive = "INFINITIVE"
    case presentParticiple = "PRESPART"
    case pastParticiple = "PASTPART"
    case none = "NONE"
}

public enum EventAspect: String, Codable, Sendable, CaseIterable {
    case progressive = "PROGRESSIVE"
    case perfective = "PERFECTIVE"
    case perfectiveProgressive = "PERFECTIVE_PROGRESSIVE"
    case none = "NONE"
}

public enum EventPolarity: String, Codable, Sendable, CaseIterable {
    case positive = "POS"
    case negative = "NEG"
}
