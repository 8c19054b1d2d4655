/// The tags a sequence tagger chooses from, numbered from 0, and which may follow which: the
/// decoder never considers a transition the scheme forbids, so every output is well formed
/// (no I-X after O in BILOU). Part-of-speech tags allow every transition.
package struct TagScheme: Sendable {
    package let count: Int
    /// For each tag, the tags allowed before it.
    package let predecessors: [[Int]]
    /// Whether a sentence may start, or end, in each tag.
    package let starts: [Bool]
    package let ends: [Bool]

    package init(
        count: Int, allows: (Int, Int) -> Bool = { _, _ in true }, canStart: (Int) -> Bool = { _ in true },
        canEnd: (Int) -> Bool = { _ in true }
    ) {
        precondition(count > 0 && count <= 256, "tags are kept in a byte while decoding")
        self.count = count
        predecessors = (0..<count).map { next in (0..<count).filter { allows($0, next) } }
        starts = (0..<count).map(canStart)
        ends = (0..<count).map(canEnd)
    }

    /// Transition weights: `count + 2` rows of `count` floats. Row `p` scores `p -> t`, then a
    /// row for starting a sentence in `t` and one for ending it in `t`.
    package var transitionSize: Int { (count + 2) * count }
}
