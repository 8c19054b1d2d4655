/// A sparse vector of named weights with its squared norm kept up to date, so a cosine with a
/// short vector costs only the short vector's entries.
struct SparseVector: Sendable, Equatable {
    private(set) var weights: [String: Double] = [:]
    private(set) var squaredNorm: Double = 0

    init() {}

    init(_ weights: [String: Double]) {
        self.weights = weights
        squaredNorm = weights.values.reduce(0) { $0 + $1 * $1 }
    }

    var isEmpty: Bool { weights.isEmpty }

    func dot(_ other: SparseVector) -> Double {
        let (small, large) = weights.count <= other.weights.count ? (self, other) : (other, self)
        var sum = 0.0
        for (key, value) in small.weights { if let match = large.weights[key] { sum += value * match } }
        return sum
    }

    func cosine(_ other: SparseVector) -> Double {
        guard squaredNorm > 0, other.squaredNorm > 0 else { return 0 }
        return dot(other) / (squaredNorm * other.squaredNorm).squareRoot()
    }

    /// Adds (or, with `sign` -1, subtracts) another vector.
    mutating func add(_ other: SparseVector, sign: Double = 1) {
        for (key, value) in other.weights {
            let old = weights[key] ?? 0
            let new = old + sign * value
            squaredNorm += new * new - old * old
            if abs(new) < 1e-12 { weights[key] = nil } else { weights[key] = new }
        }
        if weights.isEmpty { squaredNorm = 0 }
    }

    /// The vector scaled to length 1.
    var normalized: SparseVector {
        guard squaredNorm > 0 else { return self }
        let length = squaredNorm.squareRoot()
        return SparseVector(weights.mapValues { $0 / length })
    }

    /// The `count` largest entries.
    func top(_ count: Int) -> SparseVector {
        guard weights.count > count else { return self }
        return SparseVector(Dictionary(uniqueKeysWithValues: weights.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(count).map { ($0.key, $0.value) }))
    }
}
