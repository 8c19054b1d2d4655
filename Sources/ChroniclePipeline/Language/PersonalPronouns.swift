import ChronicleFoundation

/// The pronouns that stand for a person named before them ("he", "her"), from
/// `Resources/language/language_personal_pronouns.txt`.
enum PersonalPronouns {
    /// Loaded once per process; building the event stage reports a missing or malformed file.
    static let bundled = Result { () throws(ResourceError) in try WordSet(reader: .pipeline, path: "language/language_personal_pronouns.txt") }
    static var shared: WordSet { bundled.required }
}
