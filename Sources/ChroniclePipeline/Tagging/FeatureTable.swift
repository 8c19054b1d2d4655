/// Feature hash -> weight row (or word hash -> entry), as an open-addressing table with linear
/// probing: one multiply and usually one probe per lookup, no hashing of Swift values. A slot is
/// 8 bytes, a 32-bit fingerprint of the hash beside its row, so the table of a large model takes
/// half the cache a slot holding the whole hash would; the lookups wait on memory more than
/// anything else.
///
/// A fingerprint stands for its hash exactly among the features the model knows: building the
/// table changes the salt of the fingerprints until no two keys that one lookup could meet share
/// one. A feature the model does not know can still match a known one's fingerprint, about once
/// in 2^32 lookups, and then reads that feature's weights: a decision may change in billions
/// of words, never a crash.
package struct FeatureTable: Sendable {
    /// The fingerprint in the high half, the row in the low half; `empty` where no key is.
    private let slots: [UInt64]
    private let mask: Int
    private let salt: UInt64
    private static let empty = UInt64.max

    package init(keys: [UInt64]) {
        var capacity = 16
        while capacity < keys.count * 2 { capacity *= 2 }
        let mask = capacity - 1
        var salt: UInt64 = 0
        while true {
            if let slots = Self.fill(keys, capacity: capacity, salt: salt) {
                self.slots = slots
                break
            }
            // Two equal keys share every fingerprint: no salt separates them.
            precondition(salt < 64, "a feature table's keys must differ")
            salt &+= 1
        }
        self.mask = mask
        self.salt = salt
    }

    /// The slots of `keys` with fingerprints of `salt`, or nil when two keys on one probe path
    /// share a fingerprint.
    private static func fill(_ keys: [UInt64], capacity: Int, salt: UInt64) -> [UInt64]? {
        var slots = [UInt64](repeating: empty, count: capacity)
        let mask = capacity - 1
        for (row, key) in keys.enumerated() {
            let print = fingerprint(key, salt)
            var slot = home(key, mask)
            while slots[slot] != empty {
                if slots[slot] >> 32 == print { return nil }
                slot = (slot + 1) & mask
            }
            slots[slot] = print << 32 | UInt64(UInt32(row))
        }
        return slots
    }

    @inline(__always)
    private static func home(_ key: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: key >> 17) & mask }

    /// 32 bits of the key mixed from all 64, so that they say something the home slot does not.
    @inline(__always)
    private static func fingerprint(_ key: UInt64, _ salt: UInt64) -> UInt64 {
        ((key ^ salt) &* 0x9e37_79b9_7f4a_7c15) >> 32
    }

    /// The rows of every token's features, in two passes: the first reads each key's home slot
    /// with no branch between the reads, so the processor fetches their cache lines side by side;
    /// the second decides from what it read, probing further only on a collision. Looked up one
    /// by one, a sentence's features missed the cache one after another: the lookups were two
    /// fifths of the taggers' time, waiting on memory.
    package func rows(of hashes: FeatureRows<UInt64>, into rows: inout FeatureRows<Int32>, scratch: inout [UInt64]) {
        rows.removeAll()
        scratch.removeAll(keepingCapacity: true)
        slots.withUnsafeBufferPointer { slots in
            for key in hashes.values { scratch.append(slots[Self.home(key, mask)]) }
            for token in 0..<hashes.tokenCount {
                for index in Int(hashes.starts[token])..<Int(hashes.starts[token + 1]) {
                    let home = scratch[index]
                    if home == Self.empty { continue }
                    let key = hashes.values[index]
                    if home >> 32 == Self.fingerprint(key, salt) {
                        rows.append(Int32(truncatingIfNeeded: home))
                    } else if let row = row(key) {
                        rows.append(row)
                    }
                }
                rows.endToken()
            }
        }
    }

    @inline(__always)
    package func row(_ key: UInt64) -> Int32? {
        let print = Self.fingerprint(key, salt)
        return slots.withUnsafeBufferPointer { slots in
            var slot = Self.home(key, mask)
            while true {
                let found = slots[slot]
                if found == Self.empty { return nil }
                if found >> 32 == print { return Int32(truncatingIfNeeded: found) }
                slot = (slot + 1) & mask
            }
        }
    }
}
