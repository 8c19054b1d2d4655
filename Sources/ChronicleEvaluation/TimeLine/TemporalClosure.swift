import ChroniclePipeline

/// The temporal closure of BEFORE and SIMULTANEOUS relations: SIMULTANEOUS nodes form classes
/// (union-find), BEFORE orders classes, and a relation holds in the closure when the classes say
/// so: `a SIMULTANEOUS b` when they share a class, `a BEFORE b` when a's class reaches b's through
/// BEFORE edges. With only these two relations, interval and point reasoning agree (BEFORE is
/// `a.end < b.start`, SIMULTANEOUS equates both ends), so this is the closure the TempEval-3
/// timegraph computes for them.
struct TemporalClosure: Sendable {
    typealias Node = TimeLineRelation.Node

    /// Union-find parent; a node absent from it is not in the graph.
    private var parent: [Node: Node] = [:]
    /// Class representative -> the representatives directly after it.
    private var after: [Node: Set<Node>] = [:]

    func contains(_ node: Node) -> Bool { parent[node] != nil }

    func representative(of node: Node) -> Node {
        var current = node
        while let next = parent[current], next != current { current = next }
        return current
    }

    /// Whether the relation follows from what was added. Relations on nodes the graph does not
    /// hold never do.
    func entails(_ relation: TimeLineRelation) -> Bool {
        guard contains(relation.source), contains(relation.target) else { return false }
        let source = representative(of: relation.source)
        let target = representative(of: relation.target)
        switch relation.kind {
        case .simultaneous: return source == target
        case .before: return source != target && reaches(source, target)
        }
    }

    /// Adds the relation unless it contradicts the closure (a cycle of BEFORE, or BEFORE inside a
    /// class); returns whether it was added.
    mutating func add(_ relation: TimeLineRelation) -> Bool {
        for node in [relation.source, relation.target] where parent[node] == nil { parent[node] = node }
        let source = representative(of: relation.source)
        let target = representative(of: relation.target)
        switch relation.kind {
        case .before:
            guard source != target, !reaches(target, source) else { return false }
            after[source, default: []].insert(target)
        case .simultaneous:
            guard source != target else { return true }
            guard !reaches(source, target), !reaches(target, source) else { return false }
            parent[target] = source
            after[source, default: []].formUnion(after.removeValue(forKey: target) ?? [])
            for key in after.keys where after[key]!.remove(target) != nil {
                after[key]!.insert(source)
            }
        }
        return true
    }

    /// Whether `to` can be reached from `from` through one or more BEFORE edges (representatives).
    private func reaches(_ from: Node, _ to: Node) -> Bool {
        var seen: Set<Node> = []
        var stack = Array(after[from] ?? [])
        while let node = stack.popLast() {
            if node == to { return true }
            guard seen.insert(node).inserted else { continue }
            stack.append(contentsOf: after[node] ?? [])
        }
        return false
    }
}
