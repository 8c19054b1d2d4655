import ChronicleFoundation

/// Penn Treebank part-of-speech tags for English news, from an averaged-perceptron model
/// (`Resources/syntax/syntax_pos_model.bin`, trained by `chronicle pos train` on the POS column
/// of CoNLL-2003's training file) decoded with Viterbi over tag bigrams.
package struct PartOfSpeechTagger: Sendable {
    package static let modelPath = "syntax/syntax_pos_model.bin"
    package static let kind = "pos"

    package let model: SequenceModel
    package let clusters: WordClusters
    /// `FeatureHash.string` of each tag name, in the model's order (the chunker's input).
    package let tagHashes: [UInt64]

    /// Loaded once per process; building a stage that needs it reports a missing or malformed file.
    package static let bundled = Result { () throws(ResourceError) in try PartOfSpeechTagger(reader: .pipeline) }

    package init(model: SequenceModel, clusters: WordClusters) {
        self.model = model
        self.clusters = clusters
        tagHashes = model.tags.map(FeatureHash.string)
    }

    init(reader: ResourceReader) throws(ResourceError) {
        let model = try SequenceModel(
            reader: reader, path: Self.modelPath, kind: Self.kind, featureVersion: PartOfSpeechFeatures.version,
            retrain: "chronicle pos train")
        self.init(model: model, clusters: try WordClusters.bundled.get())
    }

    /// Tag numbers (into `model.tags`) for one sentence.
    package func tag(
        _ tokens: ArraySlice<TokenFeatures>, workspace: inout SequenceModel.Workspace, hashes: inout FeatureRows<UInt64>
    ) -> [Int] {
        hashes.removeAll()
        PartOfSpeechFeatures.extract(tokens, clusters: clusters, into: &hashes)
        return model.decode(hashes, workspace: &workspace)
    }

    /// The tags of one sentence's words.
    package func tag(_ words: [String]) -> [String] {
        var workspace = SequenceModel.Workspace(model: model)
        var hashes = FeatureRows<UInt64>()
        return tag(words.map(TokenFeatures.init)[...], workspace: &workspace, hashes: &hashes).map { model.tags[$0] }
    }
}
