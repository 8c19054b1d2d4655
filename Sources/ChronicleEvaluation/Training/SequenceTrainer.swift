import ChronicleFoundation
import ChroniclePipeline

/// Trains a one-pass `SequenceModel` with the averaged perceptron: sentences in an order shuffled
/// from one seed each epoch, the epoch kept whose averaged weights score best on validation data,
/// features seen too rarely dropped before training and features with only tiny weights dropped
/// from the file. The part-of-speech tagger, the chunker and the event tagger all train here;
/// each brings its own features and its own score.
package struct SequenceTrainer {
    package struct Options: Sendable {
        package var epochs = 12
        package var seed: UInt64 = 1
        /// Stop after this many epochs without a better validation score.
        package var patience = 3
        /// Features seen fewer times in training are dropped.
        package var minimumCount = 2
        /// Features whose averaged weights all stay below this are left out of the model file.
        package var minimumWeight: Float = 0.05
        /// Share of a sentence's features hidden from it at each epoch (feature bagging, Sutton et
        /// al. 2006), so that no single strong feature overrules the rest.
        package var featureDropout = 0.0
        /// Models trained from seeds `seed`, `seed + 1`, ... whose weights are averaged into one
        /// (without validation data; with it, one model is trained).
        package var members = 1

        package init() {}
    }

    /// One training or validation sentence: its features and its gold tag numbers.
    package struct Sentence: Sendable {
        package var hashes: FeatureRows<UInt64>
        package var gold: [Int]

        package init(hashes: FeatureRows<UInt64>, gold: [Int]) {
            self.hashes = hashes
            self.gold = gold
        }
    }

    package struct Result {
        package var model: SequenceModel
        package var epoch: Int
        /// The validation score of the returned model (nil when trained without validation).
        package var score: Double?
    }

    package let options: Options
    let log: (String) -> Void

    package init(options: Options, log: @escaping (String) -> Void) {
        self.options = options
        self.log = log
    }

    /// Trains on `training`; with `validation`, keeps the epoch whose tags for the validation
    /// sentences `score` best (higher is better) and stops after `patience` epochs without a
    /// gain, else trains exactly `options.epochs` epochs.
    package func train(
        kind: String, featureVersion: UInt32, tags: [String], training: [Sentence], validation: [Sentence] = [],
        score: (([[Int]]) -> Double)? = nil
    ) -> Result {
        let scheme = TagScheme(tags: tags)
        var index = FeatureIndex()
        index.add(training.lazy.map(\.hashes), minimumCount: options.minimumCount)
        let featureCount = index.count
        let trainingRows = training.map { index.rows($0.hashes) }
        let validationRows = validation.map { index.rows($0.hashes) }
        log("\(kind): \(training.count) sentences, \(featureCount) features")

        var best = trainMember(
            kind: kind, scheme: scheme, seed: options.seed, featureCount: featureCount, training: training, trainingRows: trainingRows,
            validationRows: validation.isEmpty ? [] : validationRows, score: score)
        if validation.isEmpty, options.members > 1 {
            // Bagged by seed: each member sees the sentences in another order and loses other features.
            for member in 1..<options.members {
                let other = trainMember(
                    kind: kind, scheme: scheme, seed: options.seed &+ UInt64(member), featureCount: featureCount, training: training,
                    trainingRows: trainingRows, validationRows: [], score: nil)
                for index in best.weights.indices { best.weights[index] += other.weights[index] }
            }
            let share = 1 / Float(options.members)
            for index in best.weights.indices { best.weights[index] *= share }
            log("\(kind): \(options.members) models averaged")
        }
        let model = pruned(kind: kind, featureVersion: featureVersion, tags: tags, keys: index.keys, weights: best.weights)
        log("\(kind): epoch \(best.epoch) kept, \(model.keys.count) features in the model")
        return Result(model: model, epoch: best.epoch, score: best.score)
    }

    /// One perceptron trained from `seed`: its averaged weights after the best epoch (by
    /// `score` on `validationRows`, or the last).
    private func trainMember(
        kind: String, scheme: TagScheme, seed: UInt64, featureCount: Int, training: [Sentence], trainingRows: [FeatureRows<Int32>],
        validationRows: [FeatureRows<Int32>], score: (([[Int]]) -> Double)?
    ) -> (weights: [Float], epoch: Int, score: Double?) {
        var perceptron = AveragedPerceptron(featureCount: featureCount, scheme: scheme)
        var decoder = ViterbiDecoder(scheme: scheme)
        var random = SplitMix64(seed: seed)
        var order = Array(training.indices)
        var best: (weights: [Float], epoch: Int, score: Double?) = ([], 0, nil)
        let clock = ContinuousClock()
        for epoch in 1...max(1, options.epochs) {
            let started = clock.now
            random.shuffle(&order)
            var mistakes = 0
            let threshold = UInt64(options.featureDropout * Double(UInt64.max))
            for sentence in order {
                let gold = training[sentence].gold
                guard !gold.isEmpty else { continue }
                var rows = trainingRows[sentence]
                if threshold > 0 { rows = rows.compactMap { random.next() < threshold ? nil : $0 } }
                if perceptron.train(rows: rows, gold: gold, decoder: &decoder) != gold { mistakes += 1 }
            }
            let seconds = String(format: "%.1fs", (clock.now - started).seconds)
            let weights = perceptron.averaged()
            guard let score, !validationRows.isEmpty else {
                log("\(kind) epoch \(epoch): \(mistakes) sentences wrong, \(seconds)")
                best = (weights, epoch, nil)
                continue
            }
            var emissions: [Float] = []
            let predicted = validationRows.map { rows in
                rows.tokenCount == 0
                    ? []
                    : AveragedPerceptron.predict(
                        rows: rows, weights: weights, featureCount: featureCount, emissions: &emissions, decoder: &decoder)
            }
            let value = score(predicted)
            log("\(kind) epoch \(epoch): \(mistakes) sentences wrong, validation \(String(format: "%.4f", value)), \(seconds)")
            if value > (best.score ?? -.infinity) {
                best = (weights, epoch, value)
            } else if epoch - best.epoch >= options.patience {
                break
            }
        }
        return best
    }

    /// The model with the features whose weights reach `minimumWeight`, sorted by hash.
    private func pruned(kind: String, featureVersion: UInt32, tags: [String], keys: [UInt64], weights: [Float]) -> SequenceModel {
        let tagCount = tags.count
        var kept: [Int] = []
        for row in keys.indices {
            let strongest = (0..<tagCount).reduce(Float(0)) { max($0, abs(weights[row * tagCount + $1])) }
            if strongest >= options.minimumWeight { kept.append(row) }
        }
        kept.sort { keys[$0] < keys[$1] }
        var result: [Float] = []
        result.reserveCapacity(kept.count * tagCount + TagScheme(tags: tags).transitionSize)
        for row in kept { result += weights[(row * tagCount)..<((row + 1) * tagCount)] }
        result += weights[(keys.count * tagCount)...]
        return SequenceModel(kind: kind, featureVersion: featureVersion, tags: tags, keys: kept.map { keys[$0] }, weights: result)
    }
}
