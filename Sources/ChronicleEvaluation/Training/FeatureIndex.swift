import ChroniclePipeline

/// Feature hash -> training row, grown from the training data only.
struct FeatureIndex {
    private(set) var ids: [UInt64: Int32] = [:]
    private(set) var keys: [UInt64] = []

    var count: Int { keys.count }

    /// Adds the features seen at least `minimumCount` times, in first-seen order (deterministic).
    mutating func add<S: Sequence>(_ rows: S, minimumCount: Int) where S.Element == FeatureRows<UInt64> {
        var counts: [UInt64: Int32] = [:]
        var order: [UInt64] = []
        for sentence in rows {
            for hash in sentence.values where ids[hash] == nil {
                if let count = counts[hash] {
                    counts[hash] = count + 1
                } else {
                    counts[hash] = 1
                    order.append(hash)
                }
            }
        }
        for hash in order where counts[hash]! >= minimumCount {
            ids[hash] = Int32(keys.count)
            keys.append(hash)
        }
    }

    func rows(_ hashes: FeatureRows<UInt64>) -> FeatureRows<Int32> { hashes.compactMap { ids[$0] } }
}
