import ChronicleFoundation

extension ArgumentFinder {
    /// The roles of the words that tell an event's arguments; `Resources/events/event_argument_words.tsv`
    /// says which words play them.
    enum Role: String, WordRole {
        // After the trigger.
        /// Words that name every party after them: "talks between Russia and Ukraine".
        case allParties
        /// "with" of "met with Erdogan": a party, not necessarily all of them.
        case partner
        /// "by" of "a proposal by Putin", "mediated by Türkiye": the agent, or the mediator.
        case agentBy
        /// "from" of "received the remains from Russia": the giver.
        case giver
        /// Words after which a name is not what a verb is done to: "attacked in Kharkiv".
        case notPatientAfter
        /// Verbs of mediation: "mediated by", "X, who chaired the talks".
        case mediation
        /// Verbs of receiving, whose subject is the recipient: "Ukraine said it had received".
        case receiving
        /// Words that after a comma start another clause, where the arguments end: ", while".
        case clauseAfterComma

        // Before the trigger.
        /// Words that after a comma start another clause, beyond which there is no subject: ", but".
        case subjectClauseAfterComma
        /// "that" of "said that": the clause before it is not the event's.
        case complementizer
        /// Words after a verb of saying that make its subject the subject of what follows too:
        /// "claims to have annexed", "announced after attending talks".
        case infinitiveLink
        /// Prepositions right before a noun trigger: "the request for a meeting".
        case preposition
        /// Of those, the ones whose name is the noun's complement, not its subject: "the request for".
        case nounComplement
        /// "of" of "of Ukraine's request": the possessor is the requester.
        case of
        /// Words before a name that make it where (or whose), not who: "in Kyiv", "leaders of".
        case locative
        /// Nouns before "of" that make the names after it the subject: "Delegations of Russia and Ukraine".
        case representatives
        /// Words that join names coordinated before the trigger: "Russia and Ukraine".
        case subjectJoiner
        /// "both" of "both Russia and Ukraine".
        case both
        /// Pronoun subjects: "it annexed", "he proposed".
        case subjectPronoun
        /// Possessive pronouns, whose owner is a noun trigger's subject: "its invasion".
        case possessivePronoun
        /// Relative pronouns: "Crimea, which it annexed".
        case relativePronoun

        // Lists of names.
        /// Words that join coordinated names: "Ukraine, France and Poland", "X & Y".
        case listJoiner
        /// Words that may stand between coordinated names: "the presidents of X and Y".
        case nameJoiner

        // Places.
        /// Prepositions of a place: "in Istanbul", "at the palace".
        case placeMarker
        /// Words inside a place phrase before the name: "in Türkiye's Istanbul", "at the Kremlin".
        case placeFiller

        var value: WordRoleValue { .none }
    }

    /// Loaded once per process; building the event stage reports a missing or malformed file.
    static let bundledWords = Result { () throws(ResourceError) in
        try WordRoles<Role>(reader: .pipeline, path: "events/event_argument_words.tsv")
    }
}
