/// A MinHash signature of an article's word 4-grams: two signatures agree in about the share of
/// positions that the articles' 4-gram sets share (their Jaccard similarity). A syndicated copy
/// with a different headline and footer still agrees in most positions.
struct MinHashSignature: Sendable, Equatable {
    static let size = 64
    static let shingleLength = 4
    /// The top 32 bits of each position's minimum: every stored article keeps its signature, and
    /// two different minima agreeing in them is a one-in-four-billion chance.
    let values: [UInt32]

    /// A signature as kept (`values.count` must be `size`).
    init(values: [UInt32]) { self.values = values }

    init(words: [String]) {
        var values = [UInt64](repeating: .max, count: Self.size)
        guard words.count >= Self.shingleLength else {
            self.values = values.map { UInt32(truncatingIfNeeded: $0 >> 32) }
            return
        }
        for start in 0...(words.count - Self.shingleLength) {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for word in words[start..<(start + Self.shingleLength)] {
                for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
                hash = (hash ^ 0x20) &* 0x100_0000_01b3
            }
            for index in 0..<Self.size {
                // One cheap hash per position: the shingle's hash mixed with the position's seed.
                var mixed = hash ^ (UInt64(index) &* 0x9e37_79b9_7f4a_7c15)
                mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
                mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
                mixed ^= mixed >> 31
                if mixed < values[index] { values[index] = mixed }
            }
        }
        self.values = values.map { UInt32(truncatingIfNeeded: $0 >> 32) }
    }

    /// Locality-sensitive bucket keys: one per band of 3 values (21 bands). Two signatures with a
    /// Jaccard similarity of 0.5 share a bucket with probability 0.94, of 0.2 with 0.16, so
    /// copies are found by looking up buckets instead of comparing with every report.
    var bandKeys: [UInt64] {
        guard values.first != .max else { return [] }
        return stride(from: 0, to: Self.size - 2, by: 3).map { start in
            var hash = UInt64(start) &* 0x9e37_79b9_7f4a_7c15
            for value in values[start..<(start + 3)] { hash = (hash ^ UInt64(value)) &* 0x100_0000_01b3 }
            return hash
        }
    }

    /// The estimated Jaccard similarity of the two 4-gram sets.
    func similarity(to other: MinHashSignature) -> Double {
        guard values.count == Self.size, other.values.count == Self.size, values[0] != .max, other.values[0] != .max else { return 0 }
        // Sixteen positions at a time: a report is compared with up to thousands of stored
        // signatures for the copy check, and the position-by-position loop was a tenth of the
        // cost of grouping it at 100,000 articles.
        let same = values.withUnsafeBytes { mine in
            other.values.withUnsafeBytes { theirs in
                var same = SIMD16<UInt32>()
                for offset in stride(from: 0, to: Self.size * 4, by: 64) {
                    let equal = mine.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt32>.self)
                        .== theirs.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt32>.self)
                    same &+= SIMD16<UInt32>(repeating: 0).replacing(with: 1, where: equal)
                }
                return Int(same.wrappedSum())
            }
        }
        return Double(same) / Double(Self.size)
    }
}
