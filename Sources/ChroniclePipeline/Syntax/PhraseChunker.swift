import ChronicleFoundation

/// Base phrases (NP, VP, PP, ADJP, ADVP, SBAR, PRT, ...) as IOB2 tags, from an averaged-perceptron
/// model (`Resources/syntax/syntax_chunk_model.bin`, trained by `chronicle chunks train` on the
/// chunk column of CoNLL-2003's training file) over words and their part-of-speech tags, decoded
/// with Viterbi so that no phrase starts with `I-`.
package struct PhraseChunker: Sendable {
    package static let modelPath = "syntax/syntax_chunk_model.bin"
    package static let kind = "chunk"

    package let model: SequenceModel
    package let clusters: WordClusters

    /// Loaded once per process; building a stage that needs it reports a missing or malformed file.
    package static let bundled = Result { () throws(ResourceError) in try PhraseChunker(reader: .pipeline) }

    package init(model: SequenceModel, clusters: WordClusters) {
        self.model = model
        self.clusters = clusters
    }

    init(reader: ResourceReader) throws(ResourceError) {
        let model = try SequenceModel(
            reader: reader, path: Self.modelPath, kind: Self.kind, featureVersion: ChunkFeatures.version,
            retrain: "chronicle chunks train")
        self.init(model: model, clusters: try WordClusters.bundled.get())
    }

    /// Chunk tag numbers (into `model.tags`) for one sentence, given the hashes of its
    /// part-of-speech tags (`PartOfSpeechTagger.tagHashes`).
    package func chunk(
        _ tokens: ArraySlice<TokenFeatures>, tags: [UInt64], workspace: inout SequenceModel.Workspace, hashes: inout FeatureRows<UInt64>
    ) -> [Int] {
        hashes.removeAll()
        ChunkFeatures.extract(tokens, tags: tags, clusters: clusters, into: &hashes)
        return model.decode(hashes, workspace: &workspace)
    }

    /// The IOB2 chunk tags of one sentence's words, given their part-of-speech tags.
    package func chunk(_ words: [String], tags: [String]) -> [String] {
        var workspace = SequenceModel.Workspace(model: model)
        var hashes = FeatureRows<UInt64>()
        return chunk(words.map(TokenFeatures.init)[...], tags: tags.map(FeatureHash.string), workspace: &workspace, hashes: &hashes)
            .map { model.tags[$0] }
    }
}
