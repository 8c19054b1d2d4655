import ChronicleFoundation
import Testing

@testable import ChroniclePipeline

struct FeatureTableTests {
    /// Feature hashes as `FeatureHash.feature` makes them: never 0.
    func keys(_ count: Int, seed: UInt64) -> [UInt64] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in random.next() | 1 }
    }

    @Test("every known feature finds its own row, and a sentence's rows come out by token")
    func knownFeatures() {
        let known = keys(50_000, seed: 7)
        let table = FeatureTable(keys: known)
        for (row, key) in known.enumerated() { #expect(table.row(key) == Int32(row)) }

        var hashes = FeatureRows<UInt64>()
        hashes.append(known[3])
        hashes.append(12_345)  // unknown: left out
        hashes.append(known[40_000])
        hashes.endToken()
        hashes.endToken()
        hashes.append(known[0])
        hashes.endToken()
        var rows = FeatureRows<Int32>()
        var scratch: [UInt64] = []
        table.rows(of: hashes, into: &rows, scratch: &scratch)
        #expect(rows.tokenCount == 3)
        #expect(rows.values == [3, 40_000, 0])
        #expect(rows.starts == [0, 2, 2, 3])
    }

    @Test("features the model does not know find no row (the fingerprint is 32 bits of the whole hash)")
    func unknownFeatures() {
        let table = FeatureTable(keys: keys(50_000, seed: 7))
        let strangers = keys(200_000, seed: 8)
        #expect(strangers.filter { table.row($0) != nil }.isEmpty)
    }

    @Test("keys that share their home slot and all but the fingerprint's bits are told apart")
    func crowdedSlots() {
        // Keys alike in bits 17 and up share a home slot; they differ only in their low bits.
        let crowded = (0..<64).map { UInt64(0xABCD) << 17 | UInt64($0) << 1 | 1 }
        let table = FeatureTable(keys: crowded)
        for (row, key) in crowded.enumerated() { #expect(table.row(key) == Int32(row)) }
        #expect(table.row(UInt64(0xABCD) << 17 | UInt64(200) << 1 | 1) == nil)
    }
}
