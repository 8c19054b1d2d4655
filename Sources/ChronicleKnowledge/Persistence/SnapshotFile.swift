import ChronicleFoundation
import ChroniclePipeline
import Foundation
import Synchronization

/// The on-disk snapshot: a versioned, checksummed header and the records in the binary record
/// format (`RecordCodec`), in frames of `recordsPerFrame` records each. Frames are encoded on
/// every core at once, a few at a time, and written as they are done, so a snapshot never holds
/// more than those few in memory; they are decoded the same way. Version 2 files (every frame
/// deflated) and version 1 files (one zlib stream of JSON) are still read.
///
/// ```
/// "CHRSNAP1" | version u32 | last sequence u64 | record count u64
/// | uncompressed length u64 | payload length u64 | payload crc32 u32 | header crc32 u32
/// | payload: frames, each [records u32][uncompressed length u32][stored length u32]
///   [encoding u8: 0 raw, 1 deflate][bytes]
/// ```
package enum SnapshotFile {
    static let magic = Array("CHRSNAP1".utf8)
    static let version: UInt32 = 3
    static let deflatedFramesVersion: UInt32 = 2
    static let jsonVersion: UInt32 = 1
    /// Frames are written raw: deflate, even at zlib's fastest level, ran at 80 MB/s a core here
    /// and was four fifths of a snapshot's CPU (20 s for 100,000 articles while reads ran), while
    /// the three times larger raw file costs the disk a few seconds and the CPU almost nothing.
    /// Levels 1-9 deflate each frame.
    static let defaultCompressionLevel: Int32 = 0
    /// Small enough that two cores share the work evenly, large enough that zlib finds repeats.
    static let recordsPerFrame = 512
    /// Frames encoded at once before they are written: enough to keep every core busy.
    static var framesInFlight: Int { 2 * max(1, ProcessInfo.processInfo.activeProcessorCount) }
    static let headerBytes = 52
    /// Bytes written between two requests to the kernel to start writing them to disk.
    static let writeBackStretch = 8 << 20

    enum FrameEncoding: UInt8 {
        case raw = 0
        case deflate = 1
    }

    package struct Contents {
        package var lastSequence: UInt64
        package var records: [ArticleRecord]

        package init(lastSequence: UInt64, records: [ArticleRecord]) {
            self.lastSequence = lastSequence
            self.records = records
        }
    }

    private struct Frame {
        var bytes: [UInt8]
        var uncompressed: Int
        var checksum: UInt32
    }

    /// The whole file in memory (tests and benchmarks; the store streams it with `write`).
    package static func encode(_ contents: Contents, compressionLevel: Int32 = defaultCompressionLevel) throws -> Data {
        var payload = Data()
        let header = try encodePayload(contents, compressionLevel: compressionLevel) { payload.append(contentsOf: $0) }
        return header + payload
    }

    /// Writes the snapshot to `fd`: a header's room, the frames as they are encoded, then the
    /// header over its room. Returns the file's length. Each `writeBackStretch` written is sent on
    /// to the disk at once, so the caller's final fsync waits for the last stretch rather than
    /// for the whole file (744 MiB at the 262 MB/s this disk writes is 2.8 s).
    static func write(_ contents: Contents, to fd: Int32, path: String, compressionLevel: Int32 = defaultCompressionLevel) throws -> Int {
        try DurableFile.writeAll(fd, Data(count: headerBytes), path: path)
        var length = headerBytes
        var sentToDisk = 0
        let header = try encodePayload(contents, compressionLevel: compressionLevel) { frame in
            try DurableFile.writeAll(fd, frame, path: path)
            length += frame.count
            if length - sentToDisk >= writeBackStretch {
                DurableFile.startWriteBack(fd, offset: sentToDisk, count: length - sentToDisk)
                sentToDisk = length
            }
        }
        guard lseek(fd, 0, SEEK_SET) == 0 else { throw PersistenceError.system("cannot seek in", path) }
        try DurableFile.writeAll(fd, header, path: path)
        return length
    }

    /// Encodes the frames `framesInFlight` at a time, hands each to `emit` in order, and returns
    /// the header that describes them.
    private static func encodePayload(_ contents: Contents, compressionLevel: Int32, emit: ([UInt8]) throws -> Void) throws -> Data {
        let records = contents.records
        let frameCount = (records.count + recordsPerFrame - 1) / recordsPerFrame
        var payloadChecksum = Zlib.crc32(Data())
        var uncompressedLength = 0
        var payloadLength = 0
        for group in stride(from: 0, to: frameCount, by: framesInFlight) {
            let indices = group..<min(frameCount, group + framesInFlight)
            let frames = Mutex<[Int: Result<Frame, any Error>]>([:])
            DispatchQueue.concurrentPerform(iterations: indices.count) { offset in
                let index = indices.lowerBound + offset
                let range = index * recordsPerFrame..<min(records.count, (index + 1) * recordsPerFrame)
                let result = Result { try encodeFrame(records[range], compressionLevel: compressionLevel) }
                frames.withLock { $0[index] = result }
            }
            for index in indices {
                let frame = try frames.withLock { try $0[index]!.get() }
                payloadChecksum = Zlib.crc32(combining: payloadChecksum, with: frame.checksum, length: frame.bytes.count)
                uncompressedLength += frame.uncompressed
                payloadLength += frame.bytes.count
                try emit(frame.bytes)
            }
        }
        var header = ByteWriter(capacity: headerBytes)
        header.raw(magic)
        header.fixed(version)
        header.fixed(contents.lastSequence)
        header.fixed(UInt64(records.count))
        header.fixed(UInt64(uncompressedLength))
        header.fixed(UInt64(payloadLength))
        header.fixed(payloadChecksum)
        header.fixed(Zlib.crc32(header.bytes))
        assert(header.count == headerBytes)
        return Data(header.bytes)
    }

    /// The frame header (records, uncompressed length, stored length, encoding) ahead of its bytes.
    private static let frameHeaderBytes = 13

    /// Encodes the records after room for the frame header, in the one buffer that is written to
    /// the file: a raw frame is never copied (copies and their page faults were a third of a
    /// snapshot's CPU).
    private static func encodeFrame(_ records: ArraySlice<ArticleRecord>, compressionLevel: Int32) throws -> Frame {
        var writer = ByteWriter(capacity: records.reduce(0) { $0 + 2 * $1.document.text.utf8.count } + 4096)
        writer.raw([UInt8](repeating: 0, count: frameHeaderBytes))
        // By index: `for record in records` would copy each record out of the array.
        for index in records.indices { RecordCodec.write(records[index], into: &writer) }
        var bytes = writer.take()
        let uncompressed = bytes.count - frameHeaderBytes
        var encoding = FrameEncoding.raw
        if compressionLevel > 0 {
            let stored = try Zlib.compress(Data(bytes[frameHeaderBytes...]), level: compressionLevel)
            bytes.replaceSubrange(frameHeaderBytes..., with: stored)
            encoding = .deflate
        }
        var header = ByteWriter(capacity: frameHeaderBytes)
        header.fixed(UInt32(records.count))
        header.fixed(UInt32(uncompressed))
        header.fixed(UInt32(bytes.count - frameHeaderBytes))
        header.byte(encoding.rawValue)
        bytes.replaceSubrange(0..<frameHeaderBytes, with: header.bytes)
        return Frame(bytes: bytes, uncompressed: uncompressed, checksum: Zlib.crc32(bytes))
    }

    package static func decode(_ data: Data) throws -> Contents {
        let bytes = [UInt8](data)
        var reader = ByteReader(bytes)
        guard let magicBytes = try? reader.bytes(magic.count), Array(magicBytes) == magic else {
            throw corrupt("not a Chronicle snapshot (bad magic)")
        }
        guard let version = try? reader.fixed(UInt32.self) else { throw corrupt("truncated header") }
        guard [Self.version, deflatedFramesVersion, jsonVersion].contains(version) else { throw corrupt("unsupported version \(version)") }
        guard let lastSequence = try? reader.fixed(UInt64.self), let count = try? reader.fixed(UInt64.self),
            let uncompressedLength = try? reader.fixed(UInt64.self), let compressedLength = try? reader.fixed(UInt64.self),
            let payloadChecksum = try? reader.fixed(UInt32.self)
        else { throw corrupt("truncated header") }
        let headerLength = reader.position
        guard let headerChecksum = try? reader.fixed(UInt32.self), headerChecksum == Zlib.crc32(data.prefix(headerLength)) else {
            throw corrupt("header checksum mismatch")
        }
        guard uncompressedLength < 1 << 40, compressedLength < 1 << 40, let payload = try? reader.bytes(Int(compressedLength)) else {
            throw corrupt("truncated payload")
        }
        guard Zlib.crc32(payload) == payloadChecksum else { throw corrupt("payload checksum mismatch") }
        let records: [ArticleRecord]
        if version == jsonVersion {
            let json = try Zlib.decompress(Data(payload), expectedSize: Int(uncompressedLength))
            records = try JSONDecoder().decode([ArticleRecord].self, from: json)
        } else {
            records = try decodeFrames(bytes, payload: payload.indices, version: version)
        }
        guard records.count == count else { throw corrupt("\(records.count) records, header says \(count)") }
        return Contents(lastSequence: lastSequence, records: records)
    }

    /// Splits the payload (`payload` of the file's `bytes`) into its frames, then inflates and
    /// decodes them on every core. Raw frames are read where they lie in the file's bytes.
    private static func decodeFrames(_ bytes: [UInt8], payload: Range<Int>, version: UInt32) throws -> [ArticleRecord] {
        var reader = ByteReader(bytes, range: payload)
        var parsed: [(records: Int, uncompressed: Int, encoding: FrameEncoding, stored: Range<Int>)] = []
        while !reader.isAtEnd {
            guard let records = try? reader.fixed(UInt32.self), let uncompressed = try? reader.fixed(UInt32.self),
                let length = try? reader.fixed(UInt32.self)
            else { throw corrupt("truncated frame \(parsed.count)") }
            var encoding = FrameEncoding.deflate
            if version != deflatedFramesVersion {
                guard let byte = try? reader.byte(), let found = FrameEncoding(rawValue: byte) else {
                    throw corrupt("frame \(parsed.count) has no known encoding")
                }
                encoding = found
            }
            guard let stored = try? reader.bytes(Int(length)) else { throw corrupt("truncated frame \(parsed.count)") }
            parsed.append((Int(records), Int(uncompressed), encoding, stored.indices))
        }
        let frames = parsed
        let decoded = Mutex<[Int: Result<[ArticleRecord], any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: frames.count) { index in
            let frame = frames[index]
            let result = Result { () throws -> [ArticleRecord] in
                var reader =
                    frame.encoding == .deflate
                    ? ByteReader([UInt8](try Zlib.decompress(Data(bytes[frame.stored]), expectedSize: frame.uncompressed)))
                    : ByteReader(bytes, range: frame.stored)
                guard reader.remaining == frame.uncompressed else {
                    throw corrupt("frame \(index) holds \(reader.remaining) bytes, not \(frame.uncompressed)")
                }
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
