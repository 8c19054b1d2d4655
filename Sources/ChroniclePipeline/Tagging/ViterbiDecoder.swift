/// First-order Viterbi decoding over a `TagScheme`'s tags. Transitions the scheme forbids (in
/// BILOU: I-X after O, B-X followed by O, a sentence ending inside an entity) are never
/// considered, so every output is well formed (a BILOU sequence converts to IOB2 without repair).
///
/// Transition weights are laid out as the scheme says (`TagScheme.transitionSize`).
package struct ViterbiDecoder {
    package let scheme: TagScheme
    private var scores: [Float] = []
    private var back: [UInt8] = []

    package init(scheme: TagScheme) { self.scheme = scheme }

    /// Best tag sequence for `emissions` (`count` tokens of `scheme.count` scores each).
    package mutating func decode(emissions: UnsafeBufferPointer<Float>, count: Int, transitions: UnsafeBufferPointer<Float>) -> [Int] {
        let tagCount = scheme.count
        let (starts, ends, predecessors) = (scheme.starts, scheme.ends, scheme.predecessors)
        guard count > 0 else { return [] }
        if scores.count < count * tagCount {
            scores = [Float](repeating: 0, count: count * tagCount * 2)
            back = [UInt8](repeating: 0, count: count * tagCount * 2)
        }
        let startRow = tagCount * tagCount
        let endRow = startRow + tagCount
        var result = [Int](repeating: 0, count: count)
        scores.withUnsafeMutableBufferPointer { score in
            back.withUnsafeMutableBufferPointer { back in
                for t in 0..<tagCount {
                    score[t] = starts[t] ? emissions[t] + transitions[startRow + t] : -.infinity
                }
                for i in 1..<max(1, count) {
                    let previous = (i - 1) * tagCount
                    let current = i * tagCount
                    for t in 0..<tagCount {
                        var best: Float = -.infinity
                        var bestTag = 0
                        for p in predecessors[t] {
                            let candidate = score[previous + p] + transitions[p * tagCount + t]
                            if candidate > best {
                                best = candidate
                                bestTag = p
                            }
                        }
                        score[current + t] = best + emissions[current + t]
                        back[current + t] = UInt8(bestTag)
                    }
                }
                let last = (count - 1) * tagCount
                var best: Float = -.infinity
                var bestTag = 0
                for t in 0..<tagCount where ends[t] {
                    let candidate = score[last + t] + transitions[endRow + t]
                    if candidate > best {
                        best = candidate
                        bestTag = t
                    }
                }
                result[count - 1] = bestTag
                var i = count - 1
                while i > 0 {
                    bestTag = Int(back[i * tagCount + bestTag])
                    result[i - 1] = bestTag
                    i -= 1
                }
            }
        }
        return result
    }

    /// Adds each token's weight rows (`tagCount` floats each) into `emissions` (`tokenCount *
    /// tagCount`, zeroed first).
    package static func score(
        rows: FeatureRows<Int32>, weights: UnsafeBufferPointer<Float>, tagCount: Int, into emissions: UnsafeMutableBufferPointer<Float>
    ) {
        rows.values.withUnsafeBufferPointer { values in
            for token in 0..<rows.tokenCount {
                let out = emissions.baseAddress! + token * tagCount
                for index in Int(rows.starts[token])..<Int(rows.starts[token + 1]) {
                    let row = weights.baseAddress! + Int(values[index]) * tagCount
                    for t in 0..<tagCount { out[t] += row[t] }
                }
            }
        }
    }
}
