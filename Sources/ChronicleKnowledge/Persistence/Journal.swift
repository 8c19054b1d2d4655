import ChronicleFoundation
import ChroniclePipeline
import Foundation
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An append-only log of store changes, split into segment files `journal-<first sequence>.log`.
///
/// Each record is framed as `[length u32][crc32 u32][JSON]`. `append` writes a batch of records and
/// fsyncs once (group commit), so an acknowledged article survives `kill -9` while concurrent
/// writers share the cost of the sync. A new segment is started at every snapshot; segments the
/// snapshots no longer need are deleted, which is how the journal is truncated. All file access
/// is under one lock: the flush runs off the store's actor while a snapshot may rotate segments.
final class Journal: @unchecked Sendable {
    static let segmentPrefix = "journal-"
    static let segmentSuffix = ".log"

    let directory: String
    private let lock = NSLock()
    private var descriptor: Int32 = -1
    private var currentSegment: String = ""

    init(directory: String) {
        self.directory = directory
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    var isOpen: Bool { lock.withLock { descriptor >= 0 } }

    /// Closes the current segment; `startSegment` opens the next one.
    func closeSegment() {
        lock.withLock {
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
        }
    }

    /// Closes the current segment and starts a new one named after `nextSequence` (records of a
    /// batch already in flight may still land in it with smaller sequences, which recovery and
    /// segment removal allow for). Empty closed segments (a restart with no writes) are removed.
    func startSegment(nextSequence: UInt64) throws {
        try lock.withLock {
            for segment in Self.segments(in: directory) where segment.path != currentSegment {
                if let size = try? FileManager.default.attributesOfItem(atPath: segment.path)[.size] as? Int, size == 0 {
                    unlink(segment.path)
                }
            }
            let path = (directory as NSString).appendingPathComponent(Self.segmentName(nextSequence))
            let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw PersistenceError.system("cannot open journal segment", path) }
            DurableFile.syncDirectory(of: path)
            if descriptor >= 0 { close(descriptor) }
            descriptor = fd
            currentSegment = path
        }
    }

    /// Appends a batch of entries and fsyncs once. All or nothing: on failure (disk full, I/O
    /// error) the partial batch is cut off again, so later appends never sit behind a torn record.
    func append(_ entries: [JournalEntry]) throws {
        var frames = ByteWriter()
        for entry in entries {
            let payload = RecordCodec.encode(entry)
            frames.fixed(UInt32(payload.count))
            frames.fixed(Zlib.crc32(payload))
            frames.raw(payload)
        }
        try lock.withLock {
            guard descriptor >= 0 else { throw PersistenceError(description: "journal is not open") }
            let start = lseek(descriptor, 0, SEEK_END)
            do {
                try DurableFile.writeAll(descriptor, frames.bytes, path: currentSegment)
                guard fsync(descriptor) == 0 else { throw PersistenceError.system("cannot fsync", currentSegment) }
            } catch {
                if start < 0 || ftruncate(descriptor, start) != 0 {
                    // The tail cannot be repaired: stop appending to this segment.
                    close(descriptor)
                    descriptor = -1
                }
                throw error
            }
        }
    }

    /// Deletes closed segments whose entries all have sequence numbers up to `sequence`.
    func removeSegments(coveredThrough sequence: UInt64) {
        lock.lock()
        defer { lock.unlock() }
        let segments = Self.segments(in: directory)
        for index in segments.indices where segments[index].path != currentSegment && Self.isCovered(index, of: segments, through: sequence) {
            unlink(segments[index].path)
        }
    }

    /// Whether every entry of `segments[index]` is at or before `sequence`: a segment's entries
    /// come before the next segment's first sequence (the last segment is never covered).
    private static func isCovered(_ index: Int, of segments: [Segment], through sequence: UInt64) -> Bool {
        guard index + 1 < segments.count, segments[index + 1].firstSequence > 0 else { return false }
        return segments[index + 1].firstSequence &- 1 <= sequence
    }

    // MARK: Recovery

    struct Segment {
        let path: String
        let firstSequence: UInt64
    }

    static func segmentName(_ firstSequence: UInt64) -> String {
        segmentPrefix + String(repeating: "0", count: max(0, 20 - String(firstSequence).count))
            + String(firstSequence) + segmentSuffix
    }

    static func segments(in directory: String) -> [Segment] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.compactMap { name -> Segment? in
            guard name.hasPrefix(segmentPrefix), name.hasSuffix(segmentSuffix) else { return nil }
            let digits = name.dropFirst(segmentPrefix.count).dropLast(segmentSuffix.count)
            guard let first = UInt64(digits) else { return nil }
            return Segment(path: (directory as NSString).appendingPathComponent(name), firstSequence: first)
        }.sorted { $0.firstSequence < $1.firstSequence }
    }

    /// A record in the binary format, or in the JSON of journals written before it.
    static func decodeEntry(_ payload: ArraySlice<UInt8>, decoder: JSONDecoder) -> JournalEntry? {
        if payload.first == UInt8(ascii: "{") { return try? decoder.decode(JournalEntry.self, from: Data(payload)) }
        return try? RecordCodec.decodeEntry([UInt8](payload))
    }

    /// Reads every intact entry of every segment, in order, but for the segments that hold only
    /// entries at or before `covered` (a snapshot has them; the next snapshot removes the files).
    /// A torn or corrupt tail is reported, cut off the file so it is not reported again, and
    /// skipped: recovery never fails on it.
    static func readAll(directory: String, after covered: UInt64 = 0, logger: Logger) -> [JournalEntry] {
        let decoder = JSONDecoder()
        var entries: [JournalEntry] = []
        let segments = segments(in: directory)
        for (index, segment) in segments.enumerated() where !isCovered(index, of: segments, through: covered) {
            guard let data = FileManager.default.contents(atPath: segment.path) else {
                logger.error("journal segment unreadable, skipped", metadata: ["path": "\(segment.path)"])
                continue
            }
            var reader = ByteReader([UInt8](data))
            var validLength = 0
            var problem: String?
            while !reader.isAtEnd {
                guard let length = try? reader.fixed(UInt32.self), let checksum = try? reader.fixed(UInt32.self) else {
                    problem = "truncated record header"
                    break
                }
                guard let payload = try? reader.bytes(Int(length)) else {
                    problem = "truncated record (\(length) bytes announced, \(reader.remaining) left)"
                    break
                }
                guard Zlib.crc32(payload) == checksum else {
                    problem = "checksum mismatch"
                    break
                }
                guard let entry = decodeEntry(payload, decoder: decoder) else {
                    problem = "undecodable record"
                    break
                }
                entries.append(entry)
                validLength = reader.position
            }
            if let problem {
                logger.warning(
                    "journal tail skipped",
                    metadata: [
                        "path": "\(segment.path)", "reason": "\(problem)", "offset": "\(validLength)",
                        "skipped_bytes": "\(data.count - validLength)",
                    ])
                truncate(segment.path, off_t(validLength))
            }
        }
        return entries
    }
}
