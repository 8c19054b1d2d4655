/// Words -> values for the rule tables the stages ask about every token ("is this word a month?",
/// "which roles does it play?"): a look-up hashes the word's UTF-8 bytes (`FeatureHash.string`)
/// and probes a `HashedTable`, then compares the word it found, so it is exact. A `Dictionary`
/// keyed by `String` runs SipHash over the word at every look-up, and the temporal grammar makes
/// several per token.
struct WordTable<Value: Sendable>: Sendable {
    private let entries: HashedTable<(word: String, value: Value)>

    init(_ entries: [String: Value]) {
        var hashed: [UInt64: (word: String, value: Value)] = [:]
        for (word, value) in entries {
            let previous = hashed.updateValue((word, value), forKey: FeatureHash.string(word))
            precondition(previous == nil, "two words of one table share a 64-bit hash")
        }
        self.entries = HashedTable(hashed)
    }

    subscript(_ word: String) -> Value? {
        guard let found = entries[FeatureHash.string(word)], found.word == word else { return nil }
        return found.value
    }
}
