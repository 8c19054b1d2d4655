extension Sequence {
    /// The first `count` elements in the order `areInIncreasingOrder` gives, without sorting the
    /// rest: a running story names thousands of entities, and its list entry shows eight.
    package func first(_ count: Int, by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        guard count > 0 else { return [] }
        var kept: [Element] = []
        kept.reserveCapacity(count + 1)
        for element in self {
            guard kept.count < count || areInIncreasingOrder(element, kept[kept.count - 1]) else { continue }
            kept.insert(element, at: kept.partitioningIndex { areInIncreasingOrder(element, $0) })
            if kept.count > count { kept.removeLast() }
        }
        return kept
    }
}
