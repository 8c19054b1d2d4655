/// A short, fixed vector of term weights (an article's entities or keywords), keyed by the
/// grouping's term ids and kept sorted by them, so the dot product of two such vectors is one
/// merge of two arrays: grouping compares an article with hundreds of others per insert, and
/// hashing strings for each comparison was most of its cost.
struct SparseVector: Sendable, Equatable {
    private(set) var keys: [TermID] = []
    private(set) var values: [Double] = []
    private(set) var squaredNorm: Double = 0

    init() {}

    init(_ weights: [TermID: Double]) {
        let sorted = weights.sorted { $0.key < $1.key }
        keys = sorted.map(\.key)
        values = sorted.map(\.value)
        squaredNorm = values.reduce(0) { $0 + $1 * $1 }
    }

    /// `keys` ascending, with their values. The norm is summed as every other way of making one
    /// sums it, so it comes out the same to the last bit.
    init(keys: [TermID], values: [Double]) {
        (self.keys, self.values) = (keys, values)
        squaredNorm = values.reduce(0) { $0 + $1 * $1 }
    }

    var isEmpty: Bool { keys.isEmpty }
    var count: Int { keys.count }

    /// (key, weight) pairs in key order.
    var entries: Zip2Sequence<[TermID], [Double]> { zip(keys, values) }

    func weight(of key: TermID) -> Double? {
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low] == key ? values[low] : nil
    }

    func dot(_ other: SparseVector) -> Double {
        var sum = 0.0
        var i = 0
        var j = 0
        while i < keys.count, j < other.keys.count {
            let (a, b) = (keys[i], other.keys[j])
            if a == b {
                sum += values[i] * other.values[j]
                i += 1
                j += 1
            } else if a < b {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }

    func cosine(_ other: SparseVector) -> Double {
        guard squaredNorm > 0, other.squaredNorm > 0 else { return 0 }
        return dot(other) / (squaredNorm * other.squaredNorm).squareRoot()
    }

    /// The vector scaled to length 1.
    var normalized: SparseVector {
        guard squaredNorm > 0 else { return self }
        let length = squaredNorm.squareRoot()
        var result = self
        result.values = values.map { $0 / length }
        result.squaredNorm = result.values.reduce(0) { $0 + $1 * $1 }
        return result
    }
}

/// A term of story grouping (an entity or a keyword), numbered in the order first seen.
typealias TermID = Int32
