/// First-order Viterbi decoding over a `TagScheme`'s tags. Transitions the scheme forbids (in
/// BILOU: I-X after O, B-X followed by O, a sentence ending inside an entity) are never
/// considered, so every output is well formed (a BILOU sequence converts to IOB2 without repair).
///
/// Transition weights are laid out as the scheme says (`TagScheme.transitionSize`).
package struct ViterbiDecoder {
    package let scheme: TagScheme
    /// `count * count` flags: whether tag `p` may precede tag `t` (at `p * count + t`).
    private let allowed: [Bool]
    private var scores: [Float] = []
    private var back: [UInt8] = []
    private var masked: [Float] = []
    /// Per previous tag, its largest and smallest masked transition: the bounds that let a
    /// previous tag be skipped when it cannot win (see `decode`).
    private var rowMax: [Float] = []
    private var rowMin: [Float] = []

    package init(scheme: TagScheme) {
        self.scheme = scheme
        var allowed = [Bool](repeating: false, count: scheme.count * scheme.count)
        for (t, predecessors) in scheme.predecessors.enumerated() {
            for p in predecessors { allowed[p * scheme.count + t] = true }
        }
        self.allowed = allowed
    }

    /// Best tag sequence for `emissions` (`count` tokens of `scheme.count` scores each).
    ///
    /// The transitions are copied once per sentence with forbidden ones set to -infinity, so the
    /// inner loop runs over every tag with no branch on the scheme, contiguous in memory (the
    /// compiler vectorises it); ties go to the lowest-numbered previous tag. A previous tag whose
    /// score plus its largest transition is below what the best previous tag reaches with its
    /// smallest cannot be the best predecessor of any tag, and is skipped: with the part-of-speech
    /// tagger's 45 tags most are, and the result is the same.
    package mutating func decode(emissions: UnsafeBufferPointer<Float>, count: Int, transitions: UnsafeBufferPointer<Float>) -> [Int] {
        let tagCount = scheme.count
        guard count > 0 else { return [] }
        if scores.count < count * tagCount {
            scores = [Float](repeating: 0, count: count * tagCount * 2)
            back = [UInt8](repeating: 0, count: count * tagCount * 2)
        }
        if masked.count != tagCount * tagCount { masked = [Float](repeating: 0, count: tagCount * tagCount) }
        let startRow = tagCount * tagCount
        let endRow = startRow + tagCount
        var result = [Int](repeating: 0, count: count)
        let (starts, ends) = (scheme.starts, scheme.ends)
        if rowMax.count != tagCount {
            rowMax = [Float](repeating: 0, count: tagCount)
            rowMin = [Float](repeating: 0, count: tagCount)
        }
        allowed.withUnsafeBufferPointer { allowed in
            masked.withUnsafeMutableBufferPointer { masked in
                for index in 0..<(tagCount * tagCount) { masked[index] = allowed[index] ? transitions[index] : -.infinity }
                for p in 0..<tagCount {
                    let row = masked[(p * tagCount)..<((p + 1) * tagCount)]
                    rowMax[p] = row.max() ?? -.infinity
                    rowMin[p] = row.min() ?? -.infinity
                }
            }
        }
        let (maxima, minima) = (rowMax, rowMin)
        scores.withUnsafeMutableBufferPointer { score in
            back.withUnsafeMutableBufferPointer { back in
                masked.withUnsafeBufferPointer { masked in
                    let score = score.baseAddress!
                    let back = back.baseAddress!
                    let masked = masked.baseAddress!
                    let emission = emissions.baseAddress!
                    for t in 0..<tagCount {
                        score[t] = starts[t] ? emission[t] + transitions[startRow + t] : -.infinity
                    }
                    for i in 1..<max(1, count) {
                        let previous = score + (i - 1) * tagCount
                        let current = score + i * tagCount
                        let pointers = back + i * tagCount
                        let first = previous[0]
                        for t in 0..<tagCount {
                            current[t] = first + masked[t]
                            pointers[t] = 0
                        }
                        var leader = 0
                        for p in 1..<tagCount where previous[p] > previous[leader] { leader = p }
                        let floor = previous[leader] + minima[leader]
                        for p in 1..<tagCount {
                            let before = previous[p]
                            guard before > -.infinity, before + maxima[p] >= floor else { continue }
                            let row = masked + p * tagCount
                            let tag = UInt8(p)
                            for t in 0..<tagCount {
                                let candidate = before + row[t]
                                if candidate > current[t] {
                                    current[t] = candidate
                                    pointers[t] = tag
                                }
                            }
                        }
                        let local = emission + i * tagCount
                        for t in 0..<tagCount { current[t] += local[t] }
                    }
                    let last = score + (count - 1) * tagCount
                    var best: Float = -.infinity
                    var bestTag = 0
                    for t in 0..<tagCount where ends[t] {
                        let candidate = last[t] + transitions[endRow + t]
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
