import Testing

@testable import ChronicleEvaluation

@Suite("Clustering scores")
struct ClusteringScoreTests {
    @Test("B-cubed and adjusted Rand, counted by hand")
    func clusteringScore() {
        // Gold {a b c} {d e}; system {a b} {c d e}.
        let gold = ["a": 1, "b": 1, "c": 1, "d": 2, "e": 2]
        let system = ["a": "x", "b": "x", "c": "y", "d": "y", "e": "y"]
        let score = ClusteringScore(system: system, gold: gold)
        // Precision: a,b 2/2; c 1/3; d,e 2/3 -> (1+1+1/3+2/3+2/3)/5 = 11/15
        #expect(abs(score.precision - 11.0 / 15.0) < 1e-12)
        // Recall: a,b 2/3; c 1/3; d,e 2/2 -> (2/3+2/3+1/3+1+1)/5 = 11/15
        #expect(abs(score.recall - 11.0 / 15.0) < 1e-12)
        // Pairs: index 1 (ab) + 1 (de) = 2; clusters 1 + 3 = 4; classes 3 + 1 = 4; total 10.
        // Expected 4*4/10 = 1.6; max 4; ARI (2 - 1.6) / (4 - 1.6) = 1/6.
        #expect(abs(score.adjustedRand - 1.0 / 6.0) < 1e-12)
        #expect(ClusteringScore(system: gold, gold: gold).f1 == 1)
    }
}
