/// Feature hash -> weight row, as an open-addressing table with linear probing: one multiply
/// and usually one probe per lookup, no hashing of Swift values. Hashes are never 0 (see
/// `FeatureHash.feature`), so 0 marks an empty slot.
package struct FeatureTable: Sendable {
    private let keys: [UInt64]
    private let rows: [Int32]
    private let mask: Int

    package init(keys: [UInt64]) {
        var capacity = 16
        while capacity < keys.count * 2 { capacity *= 2 }
        var slots = [UInt64](repeating: 0, count: capacity)
        var rows = [Int32](repeating: -1, count: capacity)
        let mask = capacity - 1
        for (row, key) in keys.enumerated() {
            var slot = Self.slot(key, mask)
            while slots[slot] != 0 && slots[slot] != key { slot = (slot + 1) & mask }
            slots[slot] = key
            rows[slot] = Int32(row)
        }
        self.keys = slots
        self.rows = rows
        self.mask = mask
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: key >> 17) & mask }

    @inline(__always)
    package func row(_ key: UInt64) -> Int32? {
        var slot = Self.slot(key, mask)
        while true {
            let found = keys[slot]
            if found == key { return rows[slot] }
            if found == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }
}
