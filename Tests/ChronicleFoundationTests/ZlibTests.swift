import ChronicleFoundation
import Foundation
import Testing

@Suite("zlib")
struct ZlibTests {
    @Test("CRC-32: the standard check value, and a buffer summed in pieces on every core sums as one pass")
    func crc32() {
        #expect(Zlib.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        // 150 MiB: three pieces, the last one short. Its CRC, worked out in one pass with the
        // pieces' sums combined by hand.
        var random = SplitMix64(seed: 9)
        let bytes = [UInt8](unsafeUninitializedCapacity: 150 << 20) { buffer, count in
            let words = UnsafeMutableRawBufferPointer(buffer).bindMemory(to: UInt64.self)
            for index in words.indices { words[index] = random.next() }
            count = buffer.count
        }
        let piece = 64 << 20
        var expected = Zlib.crc32(Array(bytes[..<piece]))
        for start in stride(from: piece, to: bytes.count, by: piece) {
            let part = Array(bytes[start..<min(bytes.count, start + piece)])
            expected = Zlib.crc32(combining: expected, with: Zlib.crc32(part), length: part.count)
        }
        #expect(Zlib.crc32(bytes) == expected)
        #expect(Zlib.crc32(bytes) != Zlib.crc32(bytes.dropLast()))
    }
}
