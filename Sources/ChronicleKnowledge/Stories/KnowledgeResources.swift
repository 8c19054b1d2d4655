import ChronicleFoundation

extension ResourceReader {
    /// The knowledge layer's resources (`Sources/ChronicleKnowledge/Resources/`): word lists,
    /// each loaded once per process by what needs it.
    package static let knowledge = ResourceReader(bundle: .module)
}
