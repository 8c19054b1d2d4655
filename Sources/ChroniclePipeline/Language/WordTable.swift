/// Words -> values for the rule tables the stages ask about every token ("is this word a month?",
/// "which roles does it play?"): a look-up hashes the word's UTF-8 bytes (`FeatureHash.string`)
/// and probes a `FeatureTable`, then compares the word it found, so it is exact. A `Dictionary`
/// keyed by `String` runs SipHash over the word at every look-up, and the temporal grammar makes
/// several per token.
struct WordTable<Value: Sendable>: Sendable {
    private let table: FeatureTable
    private let words: [String]
    private let values: [Value]

    init(_ entries: [String: Value]) {
        let sorted = entries.keys.sorted()
        let hashes = sorted.map(FeatureHash.string)
        precondition(Set(hashes).count == hashes.count, "two words of one table share a 64-bit hash")
        table = FeatureTable(keys: hashes)
        words = sorted
        values = sorted.map { entries[$0]! }
    }

    subscript(_ word: String) -> Value? {
        guard let row = table.row(FeatureHash.string(word)).map(Int.init), words[row] == word else { return nil }
        return values[row]
    }
}
