import ChroniclePipeline
import Foundation
import Synchronization

/// The on-disk snapshot: a versioned, checksummed header and the records in the binary record
/// format (`RecordCodec`), in zlib-compressed frames of `recordsPerFrame` records each. Frames are
/// encoded and compressed on every core at once, and decoded the same way; version 1 files (one
/// zlib stream of JSON) are still read.
///
/// ```
/// "CHRSNAP1" | version u32 | last sequence u64 | record count u64
/// | uncompressed length u64 | compressed length u64 | payload crc32 u32 | header crc32 u32
/// | payload: frames, each [records u32][uncompressed length u32][compressed length u32][deflate]
/// ```
enum SnapshotFile {
    static let magic = Array("CHRSNAP1".utf8)
    static let version: UInt32 = 2
    static let jsonVersion: UInt32 = 1
    /// zlib's fastest level: the payload is large and the snapshot is written while the service
    /// runs; level 6 took three times as long for a tenth less.
    static let compressionLevel: Int32 = 1
    /// Small enough that two cores share the work evenly, large enough that zlib finds repeats.
    static let recordsPerFrame = 512
    static let frameHeaderBytes = 12

    struct Contents {
        var lastSequence: UInt64
        var records: [ArticleRecord]
    }

    private struct Frame {
        var bytes: Data
        var uncompressed: Int
        var checksum: UInt32
    }

    static func encode(_ contents: Contents) throws -> Data {
        let records = contents.records
        let frameCount = (records.count + recordsPerFrame - 1) / recordsPerFrame
        let frames = Mutex<[Int: Result<Frame, any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: frameCount) { index in
            let range = index * recordsPerFrame..<min(records.count, (index + 1) * recordsPerFrame)
            let result = Result { () throws -> Frame in
                var writer = ByteWriter(capacity: range.count * 16 * 1024)
                for record in records[range] { RecordCodec.write(record, into: &writer) }
                let compressed = try Zlib.compress(Data(writer.bytes), level: compressionLevel)
                var frame = BinaryWriter()
                frame.write(UInt32(range.count))
                frame.write(UInt32(writer.bytes.count))
                frame.write(UInt32(compressed.count))
                frame.write(compressed)
                return Frame(bytes: frame.data, uncompressed: writer.bytes.count, checksum: Zlib.crc32(frame.data))
            }
            frames.withLock { $0[index] = result }
        }
        let encoded = try frames.withLock { frames in try (0..<frameCount).map { try frames[$0]!.get() } }
        var payloadChecksum = Zlib.crc32(Data())
        for frame in encoded { payloadChecksum = Zlib.crc32(combining: payloadChecksum, with: frame.checksum, length: frame.bytes.count) }
        var header = BinaryWriter()
        header.write(magic)
        header.write(version)
        header.write(contents.lastSequence)
        header.write(UInt64(records.count))
        header.write(UInt64(encoded.reduce(0) { $0 + $1.uncompressed }))
        header.write(UInt64(encoded.reduce(0) { $0 + $1.bytes.count }))
        header.write(payloadChecksum)
        var file = header
        file.write(Zlib.crc32(header.data))
        var data = file.data
        data.reserveCapacity(data.count + encoded.reduce(0) { $0 + $1.bytes.count })
        for frame in encoded { data.append(frame.bytes) }
        return data
    }

    static func decode(_ data: Data) throws -> Contents {
        var reader = BinaryReader(data)
        guard let magicBytes = reader.bytes(magic.count), Array(magicBytes) == magic else {
            throw corrupt("not a Chronicle snapshot (bad magic)")
        }
        guard let version = reader.uint32() else { throw corrupt("truncated header") }
        guard version == Self.version || version == jsonVersion else { throw corrupt("unsupported version \(version)") }
        guard let lastSequence = reader.uint64(), let count = reader.uint64(),
            let uncompressedLength = reader.uint64(), let compressedLength = reader.uint64(),
            let payloadChecksum = reader.uint32()
        else { throw corrupt("truncated header") }
        let headerBytes = data.prefix(reader.offset)
        guard let headerChecksum = reader.uint32(), headerChecksum == Zlib.crc32(Data(headerBytes)) else {
            throw corrupt("header checksum mismatch")
        }
        guard uncompressedLength < 1 << 40, compressedLength < 1 << 40, let payload = reader.bytes(Int(compressedLength)) else {
            throw corrupt("truncated payload")
        }
        guard Zlib.crc32(payload) == payloadChecksum else { throw corrupt("payload checksum mismatch") }
        let records: [ArticleRecord]
        if version == jsonVersion {
            let json = try Zlib.decompress(payload, expectedSize: Int(uncompressedLength))
            records = try JSONDecoder().decode([ArticleRecord].self, from: json)
        } else {
            records = try decodeFrames(payload)
        }
        guard records.count == count else { throw corrupt("\(records.count) records, header says \(count)") }
        return Contents(lastSequence: lastSequence, records: records)
    }

    /// Splits the payload into its frames, then inflates and decodes them on every core.
    private static func decodeFrames(_ payload: Data) throws -> [ArticleRecord] {
        var reader = BinaryReader(payload)
        var parsed: [(records: Int, uncompressed: Int, compressed: Data)] = []
        while reader.remaining > 0 {
            guard let records = reader.uint32(), let uncompressed = reader.uint32(), let length = reader.uint32(),
                let compressed = reader.bytes(Int(length))
            else { throw corrupt("truncated frame \(parsed.count)") }
            parsed.append((Int(records), Int(uncompressed), compressed))
        }
        let frames = parsed
        let decoded = Mutex<[Int: Result<[ArticleRecord], any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: frames.count) { index in
            let frame = frames[index]
            let result = Result { () throws -> [ArticleRecord] in
                let bytes = try Zlib.decompress(frame.compressed, expectedSize: frame.uncompressed)
                var reader = ByteReader([UInt8](bytes))
                var records: [ArticleRecord] = []
                records.reserveCapacity(frame.records)
                for _ in 0..<frame.records { records.append(try RecordCodec.readRecord(&reader)) }
                guard reader.isAtEnd else { throw corrupt("\(reader.remaining) bytes after the records of frame \(index)") }
                return records
            }
            decoded.withLock { $0[index] = result }
        }
        return try decoded.withLock { decoded in try (0..<frames.count).flatMap { try decoded[$0]!.get() } }
    }

    private static func corrupt(_ reason: String) -> PersistenceError {
        PersistenceError(description: "snapshot is corrupt: \(reason)")
    }
}
