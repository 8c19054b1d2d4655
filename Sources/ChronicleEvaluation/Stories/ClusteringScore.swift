import ChronicleKnowledge
import ChroniclePipeline

/// How well a clustering matches a gold partition of the same items: B-cubed precision, recall
/// and F1 (Bagga & Baldwin 1998: per item, the share of its cluster that shares its gold class,
/// and the share of its gold class found in its cluster, averaged over items) and the adjusted
/// Rand index (Hubert & Arabie 1985).
package struct ClusteringScore: Sendable, Equatable {
    package let precision: Double
    package let recall: Double
    package let adjustedRand: Double
    package var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    /// `system` and `gold` give each item's cluster and class; items missing from either are ignored.
    package init<Item: Hashable, System: Hashable, Gold: Hashable>(system: [Item: System], gold: [Item: Gold]) {
        let items = system.keys.filter { gold[$0] != nil }
        var clusterSizes: [System: Int] = [:]
        var classSizes: [Gold: Int] = [:]
        var cellSizes: [PairKey<System, Gold>: Int] = [:]
        for item in items {
            let cluster = system[item]!, label = gold[item]!
            clusterSizes[cluster, default: 0] += 1
            classSizes[label, default: 0] += 1
            cellSizes[PairKey(cluster, label), default: 0] += 1
        }
        var precision = 0.0
        var recall = 0.0
        for item in items {
            let cell = Double(cellSizes[PairKey(system[item]!, gold[item]!)]!)
            precision += cell / Double(clusterSizes[system[item]!]!)
            recall += cell / Double(classSizes[gold[item]!]!)
        }
        let count = Double(items.count)
        self.precision = count == 0 ? 0 : precision / count
        self.recall = count == 0 ? 0 : recall / count
        func pairs(_ n: Int) -> Double { Double(n) * Double(n - 1) / 2 }
        let index = cellSizes.values.reduce(0) { $0 + pairs($1) }
        let clusterPairs = clusterSizes.values.reduce(0) { $0 + pairs($1) }
        let classPairs = classSizes.values.reduce(0) { $0 + pairs($1) }
        let expected = items.count < 2 ? 0 : clusterPairs * classPairs / pairs(items.count)
        let maximum = (clusterPairs + classPairs) / 2
        adjustedRand = maximum == expected ? 1 : (index - expected) / (maximum - expected)
    }
}

private struct PairKey<A: Hashable, B: Hashable>: Hashable {
    let a: A
    let b: B
    init(_ a: A, _ b: B) {
        self.a = a
        self.b = b
    }
}
