/// Values by 64-bit hash (a word's `FeatureHash.string`, a lemma's key) through a `FeatureTable`:
/// for the tables that are read for every token, where a `Dictionary` would hash the hash again.
/// A hash the table was not built with finds nothing, but for the fingerprint's rare false match
/// (`FeatureTable`); callers that must be exact keep the key and compare it (`WordTable`).
package struct HashedTable<Value: Sendable>: Sendable {
    private let table: FeatureTable
    private let values: [Value]

    package init(_ entries: [UInt64: Value]) {
        // Sorted, so that the same entries give the same table in every process.
        let keys = entries.keys.sorted()
        table = FeatureTable(keys: keys)
        values = keys.map { entries[$0]! }
    }

    package var count: Int { values.count }

    @inline(__always)
    package subscript(_ hash: UInt64) -> Value? { table.row(hash).map { values[Int($0)] } }
}
