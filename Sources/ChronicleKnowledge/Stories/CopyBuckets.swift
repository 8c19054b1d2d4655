/// MinHash band key -> the articles in that bucket, oldest first, for spotting syndicated copies.
/// Nearly every bucket holds one article (copies are few), so that one is kept in the table
/// itself and only a bucket of two or more has an array: an array for each of an article's 21
/// buckets was a fifth of the memory story grouping held.
///
/// An entry is what a look-up needs (the grouping keeps its members, signature included): a
/// bucket of boilerplate holds thousands, and finding each by its article id again was a sixth
/// of the cost of grouping a report at 100,000 articles.
struct CopyBuckets<Entry: Sendable>: Sendable {
    private var first: [UInt64: Entry] = [:]
    /// The entries after the first, oldest first.
    private var more: [UInt64: [Entry]] = [:]

    mutating func add(_ entry: Entry, to key: UInt64) {
        if first[key] == nil { first[key] = entry } else { more[key, default: []].append(entry) }
    }

    /// Takes out every entry of the bucket that `matches`.
    mutating func remove(from key: UInt64, where matches: (Entry) -> Bool) {
        guard let oldest = first[key] else { return }
        let rest = ([oldest] + (more.removeValue(forKey: key) ?? [])).filter { !matches($0) }
        first[key] = rest.first
        if rest.count > 1 { more[key] = Array(rest.dropFirst()) }
    }

    /// Calls `body` on the newest `limit` entries of the bucket, oldest first, without copying
    /// the bucket out.
    func forEach(in key: UInt64, newest limit: Int, _ body: (Entry) -> Void) {
        guard limit > 0, let oldest = first[key] else { return }
        let rest = more[key] ?? []
        if rest.count < limit { body(oldest) }
        for entry in rest.suffix(limit) { body(entry) }
    }

    /// The newest `limit` entries of the bucket, oldest first.
    func entries(in key: UInt64, newest limit: Int) -> [Entry] {
        var found: [Entry] = []
        forEach(in: key, newest: limit) { found.append($0) }
        return found
    }

    /// Whether both hold the same buckets with the same entries in the same order.
    func sameBuckets(as other: CopyBuckets, _ same: (Entry, Entry) -> Bool) -> Bool {
        func equal(_ a: [Entry], _ b: [Entry]) -> Bool { a.count == b.count && zip(a, b).allSatisfy(same) }
        return Set(first.keys) == Set(other.first.keys) && first.allSatisfy { same($1, other.first[$0]!) }
            && Set(more.keys) == Set(other.more.keys) && more.allSatisfy { equal($1, other.more[$0]!) }
    }
}
