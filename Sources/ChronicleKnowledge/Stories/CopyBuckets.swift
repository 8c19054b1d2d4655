/// MinHash band key -> the articles in that bucket, oldest first, for spotting syndicated copies.
/// Nearly every bucket holds one article (copies are few), so that one is kept in the table
/// itself and only a bucket of two or more has an array: an array for each of an article's 21
/// buckets was a fifth of the memory story grouping held.
struct CopyBuckets: Sendable {
    private var first: [UInt64: String] = [:]
    /// The articles after the first, oldest first.
    private var more: [UInt64: [String]] = [:]

    mutating func add(_ article: String, to key: UInt64) {
        if first[key] == nil { first[key] = article } else { more[key, default: []].append(article) }
    }

    /// Takes out every entry of `article` in the bucket.
    mutating func remove(_ article: String, from key: UInt64) {
        guard let oldest = first[key] else { return }
        let rest = ([oldest] + (more.removeValue(forKey: key) ?? [])).filter { $0 != article }
        first[key] = rest.first
        if rest.count > 1 { more[key] = Array(rest.dropFirst()) }
    }

    /// The newest `limit` articles of the bucket, oldest first.
    func articles(in key: UInt64, newest limit: Int) -> [String] {
        guard let oldest = first[key] else { return [] }
        return Array(([oldest] + (more[key] ?? [])).suffix(limit))
    }
}
