/// The sum of a story's article vectors (its centroid, unnormalized), with its squared norm kept
/// up to date as articles come and go, so a cosine with an article's short vector costs only
/// that vector's entries.
struct CentroidVector: Sendable, Equatable {
    private(set) var weights: [TermID: Double] = [:]
    private(set) var squaredNorm: Double = 0

    init() {}

    /// A centroid as kept, its norm included: recomputed, it could differ in the last bits.
    init(weights: [TermID: Double], squaredNorm: Double) {
        (self.weights, self.squaredNorm) = (weights, squaredNorm)
    }

    /// Adds (or, with `sign` -1, subtracts) an article's vector.
    mutating func add(_ vector: SparseVector, sign: Double = 1) {
        for (key, value) in vector.entries {
            let old = weights[key] ?? 0
            let new = old + sign * value
            squaredNorm += new * new - old * old
            if abs(new) < 1e-12 { weights[key] = nil } else { weights[key] = new }
        }
        if weights.isEmpty { squaredNorm = 0 }
    }

    func cosine(_ vector: SparseVector) -> Double {
        guard squaredNorm > 0, vector.squaredNorm > 0 else { return 0 }
        var dot = 0.0
        for (key, value) in vector.entries { if let match = weights[key] { dot += value * match } }
        return dot / (squaredNorm * vector.squaredNorm).squareRoot()
    }

    /// The `count` largest entries, as an article-like vector (ties: the earlier term).
    func top(_ count: Int) -> SparseVector {
        guard weights.count > count else { return SparseVector(weights) }
        return SparseVector(Dictionary(uniqueKeysWithValues: weights.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(count).map { ($0.key, $0.value) }))
    }
}
