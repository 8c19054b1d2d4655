/// Feature hash -> weight row, as an open-addressing table with linear probing: one multiply
/// and usually one probe per lookup, no hashing of Swift values. Hashes are never 0 (see
/// `FeatureHash.feature`), so 0 marks an empty slot. A slot holds the hash and its row together:
/// a lookup touches one cache line.
package struct FeatureTable: Sendable {
    private struct Slot {
        var key: UInt64
        var row: Int32
    }

    private let slots: [Slot]
    private let mask: Int

    package init(keys: [UInt64]) {
        var capacity = 16
        while capacity < keys.count * 2 { capacity *= 2 }
        var slots = [Slot](repeating: Slot(key: 0, row: -1), count: capacity)
        let mask = capacity - 1
        for (row, key) in keys.enumerated() {
            var slot = Self.slot(key, mask)
            while slots[slot].key != 0 && slots[slot].key != key { slot = (slot + 1) & mask }
            slots[slot] = Slot(key: key, row: Int32(row))
        }
        self.slots = slots
        self.mask = mask
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: key >> 17) & mask }

    /// The rows of every token's features, in two passes: the first reads each key's home slot
    /// with no branch between the reads, so the processor fetches their cache lines side by side;
    /// the second decides from what it read, probing further only on a collision. Looked up one
    /// by one, a sentence's features missed the cache one after another: the lookups were two
    /// fifths of the taggers' time, waiting on memory.
    package func rows(of hashes: FeatureRows<UInt64>, into rows: inout FeatureRows<Int32>, scratch: inout [UInt64]) {
        rows.removeAll()
        scratch.removeAll(keepingCapacity: true)
        slots.withUnsafeBufferPointer { slots in
            for key in hashes.values { scratch.append(slots[Self.slot(key, mask)].key) }
            for token in 0..<hashes.tokenCount {
                for index in Int(hashes.starts[token])..<Int(hashes.starts[token + 1]) {
                    let key = hashes.values[index]
                    let home = scratch[index]
                    if home == 0 { continue }
                    if home == key {
                        rows.append(slots[Self.slot(key, mask)].row)
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
        slots.withUnsafeBufferPointer { slots in
            var slot = Self.slot(key, mask)
            while true {
                let found = slots[slot]
                if found.key == key { return found.row }
                if found.key == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }
    }
}
