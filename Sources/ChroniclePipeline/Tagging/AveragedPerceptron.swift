/// The averaged structured perceptron (Collins 2002): decode a sentence with the current
/// weights, and where the best sequence differs from the gold one, move the weights of the gold
/// tags' features up and the predicted ones' down. Averaging the weights over all updates keeps
/// the last few sentences from dominating and works like regularisation.
///
/// The average is kept with the usual trick (Daumé 2006): besides the weights `w`, accumulate
/// `step * delta` in `u`; the average after `step` updates is `w - u / step`, so no pass over all
/// weights is needed per sentence.
package struct AveragedPerceptron {
    package let scheme: TagScheme
    package let featureCount: Int
    /// `featureCount` rows of `tagCount` weights, then the transition block (see `ViterbiDecoder`).
    private(set) var weights: [Float]
    private var accumulated: [Double]
    private var step = 1
    private var emissions: [Float] = []

    package init(featureCount: Int, scheme: TagScheme) {
        self.scheme = scheme
        self.featureCount = featureCount
        let size = featureCount * scheme.count + scheme.transitionSize
        weights = [Float](repeating: 0, count: size)
        accumulated = [Double](repeating: 0, count: size)
    }

    package var transitionOffset: Int { featureCount * scheme.count }

    /// Tags a sentence with the given weights (the current ones or an average), in the
    /// decoder's scheme.
    package static func predict(
        rows: FeatureRows<Int32>, weights: [Float], featureCount: Int, emissions: inout [Float], decoder: inout ViterbiDecoder
    ) -> [Int] {
        let tagCount = decoder.scheme.count
        let size = rows.tokenCount * tagCount
        if emissions.count < size { emissions = [Float](repeating: 0, count: size * 2) }
        return weights.withUnsafeBufferPointer { weights in
            emissions.withUnsafeMutableBufferPointer { buffer in
                let slice = UnsafeMutableBufferPointer(rebasing: buffer[0..<size])
                slice.update(repeating: 0)
                ViterbiDecoder.score(rows: rows, weights: weights, tagCount: tagCount, into: slice)
                let transitions = UnsafeBufferPointer(rebasing: weights[(featureCount * tagCount)...])
                return decoder.decode(emissions: UnsafeBufferPointer(slice), count: rows.tokenCount, transitions: transitions)
            }
        }
    }

    /// One training step on one sentence; returns the tags predicted before the update.
    @discardableResult
    package mutating func train(rows: FeatureRows<Int32>, gold: [Int], decoder: inout ViterbiDecoder) -> [Int] {
        let predicted = Self.predict(rows: rows, weights: weights, featureCount: featureCount, emissions: &emissions, decoder: &decoder)
        if predicted != gold {
            let tagCount = scheme.count
            for i in 0..<gold.count where predicted[i] != gold[i] {
                for row in rows.token(i) {
                    update(Int(row) * tagCount + gold[i], 1)
                    update(Int(row) * tagCount + predicted[i], -1)
                }
            }
            let transitions = transitionOffset
            let startRow = transitions + tagCount * tagCount
            let endRow = startRow + tagCount
            update(startRow + gold[0], 1)
            update(startRow + predicted[0], -1)
            update(endRow + gold[gold.count - 1], 1)
            update(endRow + predicted[gold.count - 1], -1)
            for i in 1..<max(1, gold.count) {
                update(transitions + gold[i - 1] * tagCount + gold[i], 1)
                update(transitions + predicted[i - 1] * tagCount + predicted[i], -1)
            }
        }
        step += 1
        return predicted
    }

    @inline(__always)
    private mutating func update(_ index: Int, _ delta: Float) {
        weights[index] += delta
        accumulated[index] += Double(step) * Double(delta)
    }

    /// The weights averaged over every step so far.
    package func averaged() -> [Float] {
        let steps = Double(step)
        var result = [Float](repeating: 0, count: weights.count)
        for index in weights.indices where weights[index] != 0 || accumulated[index] != 0 {
            result[index] = Float(Double(weights[index]) - accumulated[index] / steps)
        }
        return result
    }
}
