/// One feature table for several models trained on the same features (the event-attribute
/// classifiers: tense, aspect, polarity): a sentence's features are looked up once, in the
/// union of the models' features, and each model reads its own rows from that through a
/// translation array. Three tables would each be probed for every feature, and the probes are
/// what the taggers wait on.
package struct SharedFeatureRows: Sendable {
    private let table: FeatureTable
    /// Per model, union row -> the model's row, or -1 where the model lacks the feature.
    private let translations: [[Int32]]

    package init(models: [SequenceModel]) {
        let keys = Array(Set(models.flatMap(\.keys))).sorted()
        table = FeatureTable(keys: keys)
        translations = models.map { model in
            var own: [UInt64: Int32] = [:]
            for (row, key) in model.keys.enumerated() { own[key] = Int32(row) }
            return keys.map { own[$0] ?? -1 }
        }
    }

    /// The union rows of `hashes`, looked up once for every model.
    package func lookUp(_ hashes: FeatureRows<UInt64>, into rows: inout FeatureRows<Int32>, scratch: inout [UInt64]) {
        table.rows(of: hashes, into: &rows, scratch: &scratch)
    }

    /// Model `model`'s rows of the union rows `shared`.
    package func rows(of shared: FeatureRows<Int32>, model: Int, into rows: inout FeatureRows<Int32>) {
        rows.removeAll()
        let translation = translations[model]
        for token in 0..<shared.tokenCount {
            for index in Int(shared.starts[token])..<Int(shared.starts[token + 1]) {
                let row = translation[Int(shared.values[index])]
                if row >= 0 { rows.append(row) }
            }
            rows.endToken()
        }
    }
}
