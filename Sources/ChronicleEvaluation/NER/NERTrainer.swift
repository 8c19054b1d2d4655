import ChronicleFoundation
import ChroniclePipeline
import Foundation

/// Trains the two-pass tagger on a CoNLL file, choosing each pass's epoch by F1 on a
/// validation file.
///
/// 1. The first pass (local features) is trained on all training documents.
/// 2. Its document-level evidence must look at training time as it will at tagging time: a
///    model tags its own training data almost perfectly, so the second pass would learn to
///    trust the first blindly. Instead the training documents are split into folds and each
///    fold is tagged by a first-pass model trained on the other folds (cross-validation, as in
///    Krishnan & Manning 2006).
/// 3. The second pass is trained on local features plus those held-out document features.
///
/// A name list taken from the training labels is one more gazetteer; for the same reason each
/// training document sees the list built from the other folds only.
///
/// Everything random (fold assignment, sentence order) comes from one seed.
package struct NERTrainer {
    package struct Options: Sendable {
        package var epochs = 20
        package var seed: UInt64 = 1
        package var folds = 5
        /// Stop a pass after this many epochs without a better validation F1.
        package var patience = 4
        /// Features seen fewer times in training are dropped.
        package var minimumCount = 3
        /// Features whose averaged weights all stay below this are left out of the model file.
        package var minimumWeight: Float = 0.01
        /// Share of features hidden from each training sentence at each epoch of the first pass
        /// (feature bagging, Sutton et al. 2006), so that no single strong feature, such as a
        /// city name seen twice as a football club, overrules the context and gazetteer
        /// evidence. The second pass trains on everything: it learns how far to trust the
        /// first pass, and hiding its features too cost F1 on validation.
        package var featureDropout = 0.2
        package var trainingNames = true
        package var secondPass = true
        /// Folder of `gazetteer_*.tsv`; nil trains without the external gazetteer.
        package var gazetteerDirectory: URL?
        /// Word classes for the cluster features; the tagger reads the bundled ones, so a model
        /// trained with others tags worse.
        package var clusters: WordClusters

        package init(clusters: WordClusters) { self.clusters = clusters }
    }

    package struct Result {
        package var model: TaggerModel
        /// Validation scores of the model as returned (both passes).
        package var validation: CoNLLEvaluation
    }

    struct Document {
        var sentences: [[String]]
        var gold: [[Int]]
        var goldIOB: [[String]]
    }

    package let options: Options
    let log: (String) -> Void

    package init(options: Options, log: @escaping (String) -> Void) {
        self.options = options
        self.log = log
    }

    static func documents(_ file: CoNLLFile) -> [Document] {
        file.documents.map { document in
            let gold = document.sentences.map { $0.tags() }
            return Document(
                sentences: document.sentences.map(\.tokens), gold: gold.map(EntityTagSet.bilou(fromIOB2:)), goldIOB: gold)
        }
    }

    package func train(training trainingFile: CoNLLFile, validation validationFile: CoNLLFile) throws(ResourceError) -> Result {
        let clock = ContinuousClock()
        let started = clock.now
        func elapsed() -> String { String(format: "%.1fs", (clock.now - started).seconds) }

        let training = Self.documents(trainingFile)
        let validation = Self.documents(validationFile)
        var random = SplitMix64(seed: options.seed)
        var order = Array(training.indices)
        random.shuffle(&order)
        var fold = [Int](repeating: 0, count: training.count)
        for (position, document) in order.enumerated() { fold[document] = position % options.folds }

        // Gazetteers: the external lists, and names from the training labels (per fold).
        var external = TaggerGazetteer()
        if let directory = options.gazetteerDirectory { external = try TaggerGazetteer.external(reader: ResourceReader(directory: directory)) }
        log("gazetteer: \(external.entries.count) entries")
        func names(excludingFold excluded: Int?) -> TaggerGazetteer {
            var gazetteer = TaggerGazetteer()
            guard options.trainingNames else { return gazetteer }
            for (index, document) in training.enumerated() where fold[index] != excluded {
                for (tokens, tags) in zip(document.sentences, document.goldIOB) {
                    for chunk in IOBChunks.chunks(in: tags) {
                        guard let type = EntityTagSet.typeIndex(chunk.type) else { continue }
                        gazetteer.add(tokens: Array(tokens[chunk.range]), category: type)
                    }
                }
            }
            return gazetteer
        }
        let allNames = names(excludingFold: nil)
        let lowercaseWords = Self.lowercaseWords(training)
        let foldExtractors = (0..<options.folds).map {
            FeatureExtractor(gazetteers: [external, names(excludingFold: $0)], clusters: options.clusters)
        }
        let finalExtractor = FeatureExtractor(gazetteers: [external, allNames], clusters: options.clusters)

        // First-pass features, hashed once.
        let trainingPrepared = training.indices.map { foldExtractors[fold[$0]].prepare(training[$0].sentences) }
        let validationPrepared = validation.map { finalExtractor.prepare($0.sentences) }
        func localHashes(_ prepared: [PreparedDocument]) -> [[FeatureRows<UInt64>]] {
            prepared.map { document in
                document.sentences.indices.map { sentence in
                    var rows = FeatureRows<UInt64>()
                    FeatureExtractor.localFeatures(document, sentence: sentence, into: &rows)
                    return rows
                }
            }
        }
        let trainingHashes = localHashes(trainingPrepared)
        let validationHashes = localHashes(validationPrepared)
        var index = FeatureIndex()
        index.add(trainingHashes.joined(), minimumCount: options.minimumCount)
        let trainingLocal = trainingHashes.map { $0.map { index.rows($0) } }
        let validationLocal = validationHashes.map { $0.map { index.rows($0) } }
        let localCount = index.count
        log("first pass: \(localCount) features, \(elapsed())")

        // Pass 1 on everything, epoch chosen on the validation set.
        let allSentences = training.indices.flatMap { document in training[document].sentences.indices.map { (document, $0) } }
        let first = trainPass(
            "pass 1", featureCount: localCount, sentences: allSentences, rows: trainingLocal, documents: training,
            epochs: options.epochs, dropout: options.featureDropout, random: &random,
            validate: { weights in
                self.evaluate(validation, rows: validationLocal, weights: weights, featureCount: localCount).evaluation
            })
        log("pass 1: epoch \(first.epoch), validation F1 \(String(format: "%.4f", first.f1)), \(elapsed())")
        guard options.secondPass else {
            let model = buildModel(
                passes: [first.weights], featureCount: localCount, keys: index.keys, gazetteers: finalExtractor.gazetteers,
                lowercaseWords: lowercaseWords)
            return Result(model: model, validation: evaluate(validation, rows: validationLocal, weights: first.weights, featureCount: localCount).evaluation)
        }

        // Held-out first-pass tags for the training documents.
        var heldOut = training.map { $0.gold.map { [Int](repeating: 0, count: $0.count) } }
        for k in 0..<options.folds {
            let sentences = allSentences.filter { fold[$0.0] != k }
            let model = trainPass(
                "fold \(k + 1)/\(options.folds)", featureCount: localCount, sentences: sentences, rows: trainingLocal,
                documents: training, epochs: first.epoch, dropout: options.featureDropout, random: &random, validate: nil)
            var decoder = ViterbiDecoder(scheme: EntityTagSet.scheme)
            var emissions: [Float] = []
            for document in training.indices where fold[document] == k {
                for sentence in training[document].sentences.indices {
                    heldOut[document][sentence] = AveragedPerceptron.predict(
                        rows: trainingLocal[document][sentence], weights: model.weights, featureCount: localCount,
                        emissions: &emissions, decoder: &decoder)
                }
            }
            log("fold \(k + 1)/\(options.folds) tagged, \(elapsed())")
        }
        let validationFirst = evaluate(validation, rows: validationLocal, weights: first.weights, featureCount: localCount).tags

        // Second-pass features: local ones plus document evidence from the first pass.
        func documentHashes(_ prepared: [PreparedDocument], tags: [[[Int]]]) -> [[FeatureRows<UInt64>]] {
            zip(prepared, tags).map { document, tags in
                let flat = tags.flatMap { $0 }
                let summary = FirstPassSummary(tokens: document.tokens, sentences: document.sentences, tags: flat)
                return document.sentences.indices.map { sentence in
                    var rows = FeatureRows<UInt64>()
                    FeatureExtractor.documentFeatures(document, summary: summary, tags: flat, sentence: sentence, into: &rows)
                    return rows
                }
            }
        }
        let trainingDocumentHashes = documentHashes(trainingPrepared, tags: heldOut)
        index.add(trainingDocumentHashes.joined(), minimumCount: options.minimumCount)
        let fullCount = index.count
        func merged(_ local: [[FeatureRows<Int32>]], _ hashes: [[FeatureRows<UInt64>]]) -> [[FeatureRows<Int32>]] {
            zip(local, hashes).map { zip($0, $1).map { FeatureRows.merging($0, index.rows($1)) } }
        }
        let trainingFull = merged(trainingLocal, trainingDocumentHashes)
        let validationFull = merged(validationLocal, documentHashes(validationPrepared, tags: validationFirst))
        log("second pass: \(fullCount) features, \(elapsed())")

        let second = trainPass(
            "pass 2", featureCount: fullCount, sentences: allSentences, rows: trainingFull, documents: training,
            epochs: options.epochs, dropout: 0, random: &random,
            validate: { weights in
                self.evaluate(validation, rows: validationFull, weights: weights, featureCount: fullCount).evaluation
            })
        log("pass 2: epoch \(second.epoch), validation F1 \(String(format: "%.4f", second.f1)), \(elapsed())")

        // The first pass's weights, widened to the second pass's rows (document features: 0).
        var firstWeights = [Float](repeating: 0, count: fullCount * EntityTagSet.count + EntityTagSet.scheme.transitionSize)
        firstWeights.replaceSubrange(0..<(localCount * EntityTagSet.count), with: first.weights[0..<(localCount * EntityTagSet.count)])
        firstWeights.replaceSubrange(
            (fullCount * EntityTagSet.count)..., with: first.weights[(localCount * EntityTagSet.count)...])
        let model = buildModel(
            passes: [firstWeights, second.weights], featureCount: fullCount, keys: index.keys, gazetteers: finalExtractor.gazetteers,
            lowercaseWords: lowercaseWords)
        log("model: \(model.keys.count) features kept, \(elapsed())")
        let tagger = NamedEntityTagger(model: model, clusters: options.clusters)
        var evaluation = CoNLLEvaluation()
        for document in validation {
            for (gold, predicted) in zip(document.goldIOB, tagger.tag(sentences: document.sentences)) {
                evaluation.add(gold: gold, predicted: predicted)
            }
        }
        return Result(model: model, validation: evaluation)
    }

    /// Trains one perceptron for up to `epochs` epochs; with `validate`, keeps the epoch whose
    /// averaged weights score best and stops after `patience` epochs without improvement.
    private func trainPass(
        _ name: String, featureCount: Int, sentences: [(Int, Int)], rows: [[FeatureRows<Int32>]], documents: [Document],
        epochs: Int, dropout: Double, random: inout SplitMix64, validate: (([Float]) -> CoNLLEvaluation)?
    ) -> (weights: [Float], epoch: Int, f1: Double) {
        var perceptron = AveragedPerceptron(featureCount: featureCount, scheme: EntityTagSet.scheme)
        var decoder = ViterbiDecoder(scheme: EntityTagSet.scheme)
        var order = sentences
        var best: (weights: [Float], epoch: Int, f1: Double) = ([], 0, -1)
        let clock = ContinuousClock()
        for epoch in 1...max(1, epochs) {
            let started = clock.now
            random.shuffle(&order)
            var mistakes = 0
            for (document, sentence) in order {
                let gold = documents[document].gold[sentence]
                var sentenceRows = rows[document][sentence]
                if dropout > 0 {
                    let threshold = UInt64(dropout * Double(UInt64.max))
                    sentenceRows = sentenceRows.compactMap { random.next() < threshold ? nil : $0 }
                }
                if perceptron.train(rows: sentenceRows, gold: gold, decoder: &decoder) != gold { mistakes += 1 }
            }
            let seconds = (clock.now - started).seconds
            guard let validate else {
                log("\(name) epoch \(epoch): \(mistakes) sentences wrong, \(String(format: "%.1f", seconds))s")
                if epoch == epochs { best = (perceptron.averaged(), epoch, 0) }
                continue
            }
            let weights = perceptron.averaged()
            let evaluation = validate(weights)
            log(
                "\(name) epoch \(epoch): \(mistakes) sentences wrong, validation P \(String(format: "%.4f", evaluation.overall.precision)) R \(String(format: "%.4f", evaluation.overall.recall)) F1 \(String(format: "%.4f", evaluation.overall.f1)), \(String(format: "%.1f", seconds))s"
            )
            if evaluation.overall.f1 > best.f1 {
                best = (weights, epoch, evaluation.overall.f1)
            } else if epoch - best.epoch >= options.patience {
                break
            }
        }
        return best
    }

    /// Tags the validation documents with one pass's weights and scores them.
    private func evaluate(
        _ documents: [Document], rows: [[FeatureRows<Int32>]], weights: [Float], featureCount: Int
    ) -> (evaluation: CoNLLEvaluation, tags: [[[Int]]]) {
        var decoder = ViterbiDecoder(scheme: EntityTagSet.scheme)
        var emissions: [Float] = []
        var evaluation = CoNLLEvaluation()
        var tags: [[[Int]]] = []
        for (document, documentRows) in zip(documents, rows) {
            var documentTags: [[Int]] = []
            for (sentence, sentenceRows) in documentRows.enumerated() {
                let predicted = AveragedPerceptron.predict(
                    rows: sentenceRows, weights: weights, featureCount: featureCount, emissions: &emissions, decoder: &decoder)
                evaluation.add(gold: document.goldIOB[sentence], predicted: EntityTagSet.iob2(predicted))
                documentTags.append(predicted)
            }
            tags.append(documentTags)
        }
        return (evaluation, tags)
    }

    /// Lowercase-form hashes of the words training text writes in lower case inside sentences
    /// at least twice and more often than capitalised ("may", "rice"), as opposed to names
    /// ("Trump", "Apple"). Hashes, not words: the model carries no corpus text.
    static func lowercaseWords(_ documents: [Document]) -> Set<UInt64> {
        var counts: [UInt64: (lower: Int, capitalized: Int)] = [:]
        for document in documents {
            for sentence in document.sentences {
                for token in sentence.dropFirst() {
                    let features = TokenFeatures(token)
                    guard features.flags.contains(.hasLetter), !features.flags.contains(.hasDigit),
                        !features.flags.contains(.allCapitals)
                    else { continue }
                    if features.flags.contains(.initialCapital) {
                        counts[features.lower, default: (0, 0)].capitalized += 1
                    } else {
                        counts[features.lower, default: (0, 0)].lower += 1
                    }
                }
            }
        }
        return Set(counts.filter { $0.value.lower >= 2 && $0.value.lower > $0.value.capitalized }.keys)
    }

    /// Keeps the features with a weight of at least `minimumWeight` in some pass, sorted by hash.
    private func buildModel(
        passes: [[Float]], featureCount: Int, keys: [UInt64], gazetteers: [TaggerGazetteer], lowercaseWords: Set<UInt64>
    ) -> TaggerModel {
        let tagCount = EntityTagSet.count
        var kept: [Int] = []
        for row in 0..<featureCount {
            let strongest = passes.map { weights in (0..<tagCount).reduce(Float(0)) { max($0, abs(weights[row * tagCount + $1])) } }.max() ?? 0
            if strongest >= options.minimumWeight { kept.append(row) }
        }
        kept.sort { keys[$0] < keys[$1] }
        let prunedPasses = passes.map { weights in
            var result: [Float] = []
            result.reserveCapacity(kept.count * tagCount + EntityTagSet.scheme.transitionSize)
            for row in kept { result += weights[(row * tagCount)..<((row + 1) * tagCount)] }
            result += weights[(featureCount * tagCount)...]
            return result
        }
        return TaggerModel(keys: kept.map { keys[$0] }, passes: prunedPasses, gazetteers: gazetteers, lowercaseWords: lowercaseWords)
    }
}

extension FeatureRows {
    /// Token by token, the values of `first` then those of `second`.
    static func merging(_ first: FeatureRows, _ second: FeatureRows) -> FeatureRows {
        var result = FeatureRows(capacity: first.values.count + second.values.count, tokens: first.tokenCount)
        for token in 0..<first.tokenCount {
            result.values += first.token(token)
            result.values += second.token(token)
            result.endToken()
        }
        return result
    }
}
