import ChronicleFoundation

/// The words that tell who spoke and where a clause ends, by role, for the quotation and
/// statement finders and the clause limits of arguments and modality. The words are
/// `Resources/events/event_speech_words.tsv`.
enum SpeechWords {
    enum Role: String, WordRole {
        /// Between a speaker and the verb: "Trump has said".
        case auxiliary
        /// A verb that frames a short quote as its speaker's words: "described the deal as 'historic'".
        case framingVerb
        /// A verb whose object is the one spoken to: "a source told AFP".
        case addresseeVerb
        /// A word before a verb of saying that is not its speaker: "it was said".
        case notSpeaker
        /// A word of a speaker's title before the name: "the top negotiator Medinsky".
        case speakerTitle
        /// Opens a relative clause between a speaker and the verb: "Fidan, who presided, said".
        case relativePronoun
        /// A pronoun that speaks after a quotation: "..., he said".
        case pronounSpeaker
        /// Ends a clause: "but", "because", a semicolon.
        case clauseBreak
        /// Before a short quote, makes it a quoted term: "a 'strong reaction'", "Kyiv's 'peace plan'".
        case termDeterminer

        var value: WordRoleValue { .none }
    }

    /// Loaded once per process; building the event stage reports a missing or malformed file.
    static let bundled = Result { () throws(ResourceError) in
        try WordRoles<Role>(reader: .pipeline, path: "events/event_speech_words.tsv")
    }
    static var shared: WordRoles<Role> { bundled.required }
}
