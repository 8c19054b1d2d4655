/// A tagger's weights as a decoder reads them: each feature's row of per-tag weights as `Int16`
/// steps of one scale (the form the model file stores, so a model decodes the same before it is
/// written and after it is read), then the transition block as floats. The taggers spend most of
/// their time waiting for these rows; at two bytes a weight they take half the cache lines
/// floats did.
package struct WeightBlock: Sendable {
    package let rows: Int
    package let tagCount: Int
    package let scale: Float
    private let steps: [Int16]
    package let transitions: [Float]

    /// `weights`: `rows` rows of `tagCount` weights, then the transition block.
    package init(_ weights: [Float], rows: Int, tagCount: Int) {
        let featureWeights = weights[..<(rows * tagCount)]
        let largest = featureWeights.reduce(Float(0)) { max($0, abs($1)) }
        let scale = largest > 0 ? largest / Float(Int16.max) : 1
        (self.rows, self.tagCount, self.scale) = (rows, tagCount, scale)
        steps = featureWeights.map { Int16(($0 / scale).rounded()) }
        transitions = Array(weights[(rows * tagCount)...])
    }

    /// The weights as floats, in the layout `init` takes.
    package var floats: [Float] { steps.map { Float($0) * scale } + transitions }

    /// Reads one word of each row a sentence will sum, and of each further cache line of it, so
    /// the lines are on their way before the sums need them. Returns what it read, for the caller
    /// to keep (a read whose value nobody uses may be dropped).
    package func warm(_ rows: FeatureRows<Int32>) -> UInt32 {
        steps.withUnsafeBufferPointer { steps in
            var seen: UInt32 = 0
            for value in rows.values {
                let row = steps.baseAddress! + Int(value) * tagCount
                for tag in stride(from: 0, to: tagCount, by: 32) { seen &+= UInt32(UInt16(bitPattern: row[tag])) }
                seen &+= UInt32(UInt16(bitPattern: row[tagCount - 1]))
            }
            return seen
        }
    }

    /// Adds each token's rows to its `tagCount` sums in `totals` (token-major), in whole steps.
    package func accumulate(_ rows: FeatureRows<Int32>, into totals: UnsafeMutableBufferPointer<Int32>) {
        steps.withUnsafeBufferPointer { steps in
            rows.values.withUnsafeBufferPointer { values in
                for token in 0..<rows.tokenCount {
                    let out = totals.baseAddress! + token * tagCount
                    for index in Int(rows.starts[token])..<Int(rows.starts[token + 1]) {
                        let row = steps.baseAddress! + Int(values[index]) * tagCount
                        for tag in 0..<tagCount { out[tag] &+= Int32(row[tag]) }
                    }
                }
            }
        }
    }

    /// Emission scores from summed steps.
    package func scores(_ totals: UnsafeBufferPointer<Int32>, into emissions: UnsafeMutableBufferPointer<Float>) {
        for index in totals.indices { emissions[index] = Float(totals[index]) * scale }
    }

    /// The sums and scores of a sentence, kept from sentence to sentence by one caller.
    package struct Scratch {
        var totals: [Int32] = []
        var emissions: [Float] = []

        package init() {}
    }

    /// The best tags of a sentence whose tokens have the feature rows of `rows` and of `more`
    /// (a second set for the same tokens), `offsets` (one per tag) added to every token's scores.
    package func decode(
        _ rows: FeatureRows<Int32>, plus more: FeatureRows<Int32>? = nil, offsets: [Float]? = nil, scratch: inout Scratch,
        decoder: inout ViterbiDecoder
    ) -> [Int] {
        let tokenCount = rows.tokenCount
        guard tokenCount > 0 else { return [] }
        let size = tokenCount * tagCount
        if scratch.emissions.count < size {
            scratch.emissions = [Float](repeating: 0, count: size * 2)
            scratch.totals = [Int32](repeating: 0, count: size * 2)
        }
        return scratch.totals.withUnsafeMutableBufferPointer { totals in
            scratch.emissions.withUnsafeMutableBufferPointer { emissions in
                let sums = UnsafeMutableBufferPointer(rebasing: totals[0..<size])
                sums.update(repeating: 0)
                accumulate(rows, into: sums)
                if let more { accumulate(more, into: sums) }
                let slice = UnsafeMutableBufferPointer(rebasing: emissions[0..<size])
                scores(UnsafeBufferPointer(sums), into: slice)
                if let offsets {
                    for token in 0..<tokenCount {
                        for tag in 0..<tagCount { slice[token * tagCount + tag] += offsets[tag] }
                    }
                }
                return transitions.withUnsafeBufferPointer { transitions in
                    decoder.decode(emissions: UnsafeBufferPointer(slice), count: tokenCount, transitions: transitions)
                }
            }
        }
    }
}
