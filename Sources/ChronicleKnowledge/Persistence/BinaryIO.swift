import Foundation

/// Little-endian integer framing for the snapshot header and journal records.
struct BinaryWriter {
    private(set) var data = Data()

    mutating func write(_ bytes: some Sequence<UInt8>) { data.append(contentsOf: bytes) }
    mutating func write(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    mutating func write(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
}

struct BinaryReader {
    let data: Data
    private(set) var offset: Int

    init(_ data: Data, offset: Int = 0) {
        self.data = data
        self.offset = offset
    }

    var remaining: Int { data.count - offset }

    mutating func bytes(_ count: Int) -> Data? {
        guard count >= 0, remaining >= count else { return nil }
        let start = data.startIndex + offset
        offset += count
        return data.subdata(in: start..<start + count)
    }

    mutating func uint32() -> UInt32? {
        guard let raw = bytes(4) else { return nil }
        return raw.reduce(into: (UInt32(0), UInt32(0))) { acc, byte in
            acc.0 |= UInt32(byte) << acc.1
            acc.1 += 8
        }.0
    }

    mutating func uint64() -> UInt64? {
        guard let raw = bytes(8) else { return nil }
        return raw.reduce(into: (UInt64(0), UInt64(0))) { acc, byte in
            acc.0 |= UInt64(byte) << acc.1
            acc.1 += 8
        }.0
    }
}
