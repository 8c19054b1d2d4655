import ChronicleFoundation

/// One sentence read for its syntax: each token's features, part-of-speech tag, chunk tag and
/// lemma.
package struct ParsedSentence: Sendable {
    package var words: [String]
    package var tokens: [TokenFeatures]
    /// Penn Treebank tags.
    package var partsOfSpeech: [String]
    /// `FeatureHash.string` of each tag, for features.
    package var partOfSpeechHashes: [UInt64]
    /// IOB2 chunk tags (`B-NP`, `I-VP`, `O`).
    package var chunks: [String]
    /// Lower-case lemmas: verbs and nouns by the lemmatizer, other words lowercased.
    package var lemmas: [String]
}

/// The part-of-speech tagger, the chunker and the lemmatizer run together over a sentence.
package struct ShallowParser: Sendable {
    package let tagger: PartOfSpeechTagger
    package let chunker: PhraseChunker
    package let lemmatizer: Lemmatizer

    /// Loaded once per process; building a stage that needs it reports a missing or malformed file.
    package static let bundled = Result { () throws(ResourceError) in
        try ShallowParser(tagger: PartOfSpeechTagger.bundled.get(), chunker: PhraseChunker.bundled.get(), lemmatizer: Lemmatizer.bundled.get())
    }

    package init(tagger: PartOfSpeechTagger, chunker: PhraseChunker, lemmatizer: Lemmatizer) {
        self.tagger = tagger
        self.chunker = chunker
        self.lemmatizer = lemmatizer
    }

    /// Buffers reused from sentence to sentence by one caller.
    package struct Workspace {
        var tagging: SequenceModel.Workspace
        var chunking: SequenceModel.Workspace
        var hashes = FeatureRows<UInt64>()

        package init(parser: ShallowParser) {
            tagging = SequenceModel.Workspace(model: parser.tagger.model)
            chunking = SequenceModel.Workspace(model: parser.chunker.model)
        }
    }

    package func parse(_ words: [String], workspace: inout Workspace) -> ParsedSentence {
        let tokens = words.map(TokenFeatures.init)
        let tags = tagger.tag(tokens[...], workspace: &workspace.tagging, hashes: &workspace.hashes)
        let tagHashes = tags.map { tagger.tagHashes[$0] }
        let chunks = chunker.chunk(tokens[...], tags: tagHashes, workspace: &workspace.chunking, hashes: &workspace.hashes)
        let partsOfSpeech = tags.map { tagger.model.tags[$0] }
        let lemmas = zip(words, partsOfSpeech).map { word, tag in lemma(word, tag: tag) }
        return ParsedSentence(
            words: words, tokens: tokens, partsOfSpeech: partsOfSpeech, partOfSpeechHashes: tagHashes,
            chunks: chunks.map { chunker.model.tags[$0] }, lemmas: lemmas)
    }

    package func parse(_ words: [String]) -> ParsedSentence {
        var workspace = Workspace(parser: self)
        return parse(words, workspace: &workspace)
    }

    /// The lemma of a word with its Penn tag; words of other classes lowercased.
    package func lemma(_ word: String, tag: String) -> String {
        switch tag {
        // Base forms too: "are" and "am" are listed as forms of be.
        case "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD": lemmatizer.lemma(word, as: .verb)
        case "NNS", "NNPS": lemmatizer.lemma(word, as: .noun)
        case "JJR", "JJS": lemmatizer.lemma(word, as: .adj)
        default: word.lowercased()
        }
    }
}
