import ChronicleFoundation
import ChroniclePipeline

/// Trains the part-of-speech tagger and the phrase chunker on CoNLL-2003's POS and chunk columns.
///
/// The chunker reads part-of-speech tags, and at tagging time those come from the tagger, with
/// its mistakes. So that it learns to work with such tags, each fold of its training sentences
/// is tagged by a tagger trained on the other folds (jackknifing, as in Collins & Koo 2005), and
/// its validation sentences by the tagger given.
package struct SyntaxTrainer {
    package let options: SequenceTrainer.Options
    let clusters: WordClusters
    let log: (String) -> Void

    package init(options: SequenceTrainer.Options, clusters: WordClusters, log: @escaping (String) -> Void) {
        self.options = options
        self.clusters = clusters
        self.log = log
    }

    // MARK: Part of speech

    package func trainPartOfSpeech(training: SyntaxCorpus, validation: SyntaxCorpus) -> SequenceTrainer.Result {
        let tags = SyntaxCorpus.tagSet(training.partsOfSpeech)
        return SequenceTrainer(options: options, log: log).train(
            kind: PartOfSpeechTagger.kind, featureVersion: PartOfSpeechFeatures.version, tags: tags,
            training: partOfSpeechSentences(training, tags: tags), validation: partOfSpeechSentences(validation, tags: tags),
            score: { predicted in
                PartOfSpeechEvaluation(gold: validation.partsOfSpeech, predicted: predicted.map { $0.map { tags[$0] } }).accuracy
            })
    }

    private func partOfSpeechSentences(_ corpus: SyntaxCorpus, tags: [String]) -> [SequenceTrainer.Sentence] {
        let numbers = Dictionary(uniqueKeysWithValues: tags.enumerated().map { ($1, $0) })
        return zip(corpus.tokens, corpus.partsOfSpeech).map { tokens, gold in
            var hashes = FeatureRows<UInt64>()
            PartOfSpeechFeatures.extract(tokens[...], clusters: clusters, into: &hashes)
            // A tag training never saw counts as wrong whatever is predicted.
            return SequenceTrainer.Sentence(hashes: hashes, gold: gold.map { numbers[$0] ?? -1 })
        }
    }

    // MARK: Chunks

    /// Trains the chunker; `tagger` tags the validation sentences, and fold taggers trained for
    /// `partOfSpeechEpochs` epochs tag the training ones.
    package func trainChunker(
        training: SyntaxCorpus, validation: SyntaxCorpus, tagger: PartOfSpeechTagger, folds: Int, partOfSpeechEpochs: Int
    ) -> SequenceTrainer.Result {
        let predicted = jackknifedPartsOfSpeech(training, folds: folds, epochs: partOfSpeechEpochs)
        let validationTags = validation.tokens.map { tagSentence(tagger, $0) }
        let tags = SyntaxCorpus.tagSet(training.chunks)
        return SequenceTrainer(options: options, log: log).train(
            kind: PhraseChunker.kind, featureVersion: ChunkFeatures.version, tags: tags,
            training: chunkSentences(training, partsOfSpeech: predicted, tags: tags),
            validation: chunkSentences(validation, partsOfSpeech: validationTags, tags: tags),
            score: { predicted in
                var evaluation = CoNLLEvaluation()
                for (gold, sentence) in zip(validation.chunks, predicted) { evaluation.add(gold: gold, predicted: sentence.map { tags[$0] }) }
                return evaluation.overall.f1
            })
    }

    /// Each training sentence's part-of-speech tags from a tagger that never saw it.
    private func jackknifedPartsOfSpeech(_ corpus: SyntaxCorpus, folds: Int, epochs: Int) -> [[String]] {
        var random = SplitMix64(seed: options.seed)
        var order = Array(corpus.words.indices)
        random.shuffle(&order)
        var fold = [Int](repeating: 0, count: corpus.words.count)
        for (position, sentence) in order.enumerated() { fold[sentence] = position % folds }
        var result = corpus.partsOfSpeech
        var foldOptions = options
        foldOptions.epochs = epochs
        for k in 0..<folds {
            var part = corpus
            let inFold = corpus.words.indices.filter { fold[$0] != k }
            part.words = inFold.map { corpus.words[$0] }
            part.tokens = inFold.map { corpus.tokens[$0] }
            part.partsOfSpeech = inFold.map { corpus.partsOfSpeech[$0] }
            part.chunks = inFold.map { corpus.chunks[$0] }
            let tags = SyntaxCorpus.tagSet(part.partsOfSpeech)
            let trainer = SyntaxTrainer(options: foldOptions, clusters: clusters, log: log)
            let model = SequenceTrainer(options: foldOptions, log: log).train(
                kind: PartOfSpeechTagger.kind, featureVersion: PartOfSpeechFeatures.version, tags: tags,
                training: trainer.partOfSpeechSentences(part, tags: tags)
            ).model
            let tagger = PartOfSpeechTagger(model: model, clusters: clusters)
            for sentence in corpus.words.indices where fold[sentence] == k {
                result[sentence] = tagSentence(tagger, corpus.tokens[sentence])
            }
            log("chunk training: fold \(k + 1)/\(folds) tagged")
        }
        return result
    }

    private func tagSentence(_ tagger: PartOfSpeechTagger, _ tokens: [TokenFeatures]) -> [String] {
        var workspace = SequenceModel.Workspace(model: tagger.model)
        var hashes = FeatureRows<UInt64>()
        return tagger.tag(tokens[...], workspace: &workspace, hashes: &hashes).map { tagger.model.tags[$0] }
    }

    private func chunkSentences(_ corpus: SyntaxCorpus, partsOfSpeech: [[String]], tags: [String]) -> [SequenceTrainer.Sentence] {
        let numbers = Dictionary(uniqueKeysWithValues: tags.enumerated().map { ($1, $0) })
        return corpus.tokens.indices.map { sentence in
            var hashes = FeatureRows<UInt64>()
            ChunkFeatures.extract(
                corpus.tokens[sentence][...], tags: partsOfSpeech[sentence].map(FeatureHash.string), clusters: clusters, into: &hashes)
            return SequenceTrainer.Sentence(hashes: hashes, gold: corpus.chunks[sentence].map { numbers[$0] ?? -1 })
        }
    }
}

/// Token accuracy of part-of-speech tags.
package struct PartOfSpeechEvaluation: Sendable {
    package var tokens = 0
    package var correct = 0

    package init(gold: [[String]], predicted: [[String]]) {
        for (gold, predicted) in zip(gold, predicted) {
            tokens += gold.count
            correct += zip(gold, predicted).filter { $0 == $1 }.count
        }
    }

    package var accuracy: Double { tokens == 0 ? 0 : Double(correct) / Double(tokens) }
}
