import ChronicleFoundation

extension TenseCue {
    /// The roles of the words that point to the past or the future; `Resources/time/time_tense_cues.tsv`
    /// says which words play them. The lexicon's `future` words ("will", "planned") are cues too.
    enum Role: String, WordRole {
        /// Prepositions between a verb and its date: "met on Monday".
        case preposition
        /// Prepositions before a phrase that starts its clause: "On Tuesday, the league plans to hold".
        case frontedPreposition
        /// Forms of "be" that make the past participle after them no past: "to be completed by Dec. 15".
        case be
        /// "to" of "plans to", "expected to".
        case infinitive
        /// Words that before "to" speak of what is to come: "plans to", "is expected to".
        case futureBeforeTo
        /// The present-tense ones of those, for a verb after the phrase: "On Friday the government
        /// planned to pay" is the past.
        case presentBeforeTo
        /// The start of "as soon as Tuesday", "as early as next week".
        case asSoonAs
        /// Modals of the future after the phrase: "In December they will resume".
        case futureModal
        /// Irregular past forms news uses most (regular ones end in "-ed"), and "since", "ago".
        case irregularPast
        /// "-ed" words that are not past verbs, or that speak of the future ("expected", "planned").
        case notPast

        var value: WordRoleValue { .none }
    }

    /// Loaded once per process; building the temporal tagger reports a missing or malformed file.
    static let bundledWords = Result { () throws(ResourceError) in try WordRoles<Role>(reader: .pipeline, path: "time/time_tense_cues.tsv") }
}
