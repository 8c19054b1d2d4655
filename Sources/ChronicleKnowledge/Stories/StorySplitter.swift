import Foundation

/// Finds a story that holds two happenings of one kind: two title defences of one boxer, the
/// deaths of two Watergate figures. Arriving one by one, their reports look alike to the whole
/// store (same sport, same scandal), so they can end up in one story; among the story's own
/// reports, though, what they all share says nothing, and what is left (the two opponents, the
/// two arenas) falls into two groups with little in common.
///
/// The check weighs every entity and keyword again by how rare it is within the story (a
/// local idf), splits the reports in two by average-linkage clustering, and keeps the split
/// when each side has enough reports and the sides are far less alike than the reports within
/// them.
struct StorySplitter: Sendable {
    /// The ratio of the similarity between the two sides to the similarity within them below
    /// which the story splits.
    var ratio: Double
    /// Reports each side needs at least.
    var minimumSide: Int
    /// The share of similarity carried by entities (the rest: keywords), as in grouping.
    var entityWeight: Double

    /// The reports to split off (indexes into `members`), or nil to keep the story whole.
    func split(_ members: [StoryClusterer.Member]) -> [Int]? {
        let count = members.count
        guard ratio > 0, count >= 2 * minimumSide else { return nil }
        let entities = Self.locallyWeighted(members.map(\.entities))
        let keywords = Self.locallyWeighted(members.map(\.keywords))
        var similarity = [[Double]](repeating: [Double](repeating: 0, count: count), count: count)
        for i in 0..<count {
            for j in (i + 1)..<count {
                let value = entityWeight * entities[i].dot(entities[j]) + (1 - entityWeight) * keywords[i].dot(keywords[j])
                similarity[i][j] = value
                similarity[j][i] = value
            }
        }
        let (first, second) = Self.twoGroups(similarity)
        guard min(first.count, second.count) >= minimumSide else { return nil }
        func average(_ a: [Int], _ b: [Int]) -> Double {
            var sum = 0.0
            var pairs = 0
            for i in a { for j in b where i != j { sum += similarity[i][j]; pairs += 1 } }
            return pairs == 0 ? 0 : sum / Double(pairs)
        }
        let within = (average(first, first) * Double(first.count) + average(second, second) * Double(second.count)) / Double(count)
        guard within > 0, average(first, second) < ratio * within else { return nil }
        // The side without the story's first report leaves: the story keeps its id.
        return first.contains(0) ? second : first
    }

    /// Each vector's weights times the key's idf among these vectors, normalized: a key every
    /// report carries weighs almost nothing.
    static func locallyWeighted(_ vectors: [SparseVector]) -> [SparseVector] {
        var frequency: [TermID: Int] = [:]
        for vector in vectors { for key in vector.keys { frequency[key, default: 0] += 1 } }
        let total = Double(vectors.count + 1)
        return vectors.map { vector in
            SparseVector(vector.entries.reduce(into: [:]) { weights, entry in
                weights[entry.0] = entry.1 * log(total / Double(frequency[entry.0] ?? 1))
            }).normalized
        }
    }

    /// Average-linkage clustering of `similarity` down to two groups (Lance-Williams updates).
    static func twoGroups(_ similarity: [[Double]]) -> ([Int], [Int]) {
        var groups = similarity.indices.map { [$0] }
        var linkage = similarity
        var alive = Array(similarity.indices)
        while alive.count > 2 {
            var best = (similarity: -Double.infinity, a: 0, b: 0)
            for (position, a) in alive.enumerated() {
                for b in alive[(position + 1)...] where linkage[a][b] > best.similarity { best = (linkage[a][b], a, b) }
            }
            let (a, b) = (best.a, best.b)
            let (sizeA, sizeB) = (Double(groups[a].count), Double(groups[b].count))
            for c in alive where c != a && c != b {
                let merged = (linkage[a][c] * sizeA + linkage[b][c] * sizeB) / (sizeA + sizeB)
                linkage[a][c] = merged
                linkage[c][a] = merged
            }
            groups[a] += groups[b]
            alive.removeAll { $0 == b }
        }
        return (groups[alive[0]].sorted(), alive.count > 1 ? groups[alive[1]].sorted() : [])
    }
}
