import ChronicleFoundation

/// Verbs that introduce speech, in the forms news prints them: the word after a speaker's name in
/// "Medinsky said", and the verb of a short attribution after a quotation ("We are ready."
/// Medinsky added.). One list, `Resources/language/language_reporting_verbs.txt`, for the text
/// stage's sentence splitter and for the entity and event stages.
enum ReportingVerbs {
    /// Loaded once per process; building the text or event stage reports a missing or malformed file.
    static let bundled = Result { () throws(ResourceError) in try WordSet(reader: .pipeline, path: "language/language_reporting_verbs.txt") }
    static var shared: WordSet { bundled.required }
}
