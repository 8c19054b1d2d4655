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
