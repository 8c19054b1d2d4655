import ChroniclePipeline
import Foundation

/// The on-disk snapshot: a versioned, checksummed header and the zlib-compressed JSON records.
///
/// ```
/// "CHRSNAP1" | version u32 | last sequence u64 | record count u64
/// | uncompressed length u64 | compressed length u64 | payload crc32 u32 | header crc32 u32
/// | compressed payload
/// ```
enum SnapshotFile {
    static let magic = Array("CHRSNAP1".utf8)
    static let version: UInt32 = 1

    struct Contents {
        var lastSequence: UInt64
        var records: [ArticleRecord]
    }

    static func encode(_ contents: Contents) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try encoder.encode(contents.records)
        let compressed = try Zlib.compress(json)
        var header = BinaryWriter()
        header.write(magic)
        header.write(version)
        header.write(contents.lastSequence)
        header.write(UInt64(contents.records.count))
        header.write(UInt64(json.count))
        header.write(UInt64(compressed.count))
        header.write(Zlib.crc32(compressed))
        var file = header
        file.write(Zlib.crc32(header.data))
        file.write(compressed)
        return file.data
    }

    static func decode(_ data: Data) throws -> Contents {
        func corrupt(_ reason: String) -> PersistenceError {
            PersistenceError(description: "snapshot is corrupt: \(reason)")
        }
        var reader = BinaryReader(data)
        guard let magicBytes = reader.bytes(magic.count), Array(magicBytes) == magic else {
            throw corrupt("not a Chronicle snapshot (bad magic)")
        }
        guard let version = reader.uint32() else { throw corrupt("truncated header") }
        guard version == Self.version else { throw corrupt("unsupported version \(version)") }
        guard let lastSequence = reader.uint64(), let count = reader.uint64(),
            let uncompressedLength = reader.uint64(), let compressedLength = reader.uint64(),
            let payloadChecksum = reader.uint32()
        else { throw corrupt("truncated header") }
        let headerBytes = data.prefix(reader.offset)
        guard let headerChecksum = reader.uint32(), headerChecksum == Zlib.crc32(Data(headerBytes)) else {
            throw corrupt("header checksum mismatch")
        }
        guard uncompressedLength < 1 << 36, let compressed = reader.bytes(Int(compressedLength)) else {
            throw corrupt("truncated payload")
        }
        guard Zlib.crc32(compressed) == payloadChecksum else { throw corrupt("payload checksum mismatch") }
        let json = try Zlib.decompress(compressed, expectedSize: Int(uncompressedLength))
        let records = try JSONDecoder().decode([ArticleRecord].self, from: json)
        guard records.count == count else { throw corrupt("\(records.count) records, header says \(count)") }
        return Contents(lastSequence: lastSequence, records: records)
    }
}
