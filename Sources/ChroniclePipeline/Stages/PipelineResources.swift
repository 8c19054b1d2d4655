import ChronicleFoundation

extension ResourceReader {
    /// The pipeline's resources (`Sources/ChroniclePipeline/Resources/`): word lists, tables,
    /// gazetteers and the tagger model, each loaded once per process by what needs it.
    package static let pipeline = ResourceReader(bundle: .module)
}
