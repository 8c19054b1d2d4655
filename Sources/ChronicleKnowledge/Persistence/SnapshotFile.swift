import ChronicleFoundation
import ChroniclePipeline
import Foundation
import Synchronization

/// The on-disk snapshot: a versioned, checksummed header, the records in the binary record format
/// (`RecordCodec`) in frames of `recordsPerFrame` records each, and since version 4 the indexes'
/// decisions in frames of their own (`RegistryCodec`, `StoryCodec`), so that opening a store is
/// a decode rather than a rebuild. Frames are encoded on every core at once, a few at a time, and
/// written as they are done, so a snapshot never holds more than those few in memory; they are
/// decoded the same way. Version 3 files (records only, frames without a kind), version 2 files
/// (every frame deflated) and version 1 files (one zlib stream of JSON) are still read: their
/// indexes are rebuilt from the records.
///
/// ```
/// "CHRSNAP1" | version u32 | last sequence u64 | record count u64
/// | uncompressed length u64 | payload length u64 | payload crc32 u32 | header crc32 u32
/// | payload: frames, each [kind u8: 0 records, 1 entity table, 4 entities, 5 resolved names,
///   2 story members, 3 stories]
///   [items u32][uncompressed length u32][stored length u32][encoding u8: 0 raw, 1 deflate][bytes]
/// ```
package enum SnapshotFile {
    static let magic = Array("CHRSNAP1".utf8)
    /// Version 6: records in `RecordCodec` format 4 (events' lemmas and TimeML attributes).
    static let version: UInt32 = 6
    /// Version 5: records in format 3 (quotations' channels, quoted terms).
    static let channelsVersion: UInt32 = 5
    /// Version 4: the indexes' frames after the records (records in format 2).
    static let indexesVersion: UInt32 = 4
    static let recordsOnlyVersion: UInt32 = 3
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

    enum FrameKind: UInt8 {
        case records = 0
        /// The entity id table, name keys and person names.
        case entities = 1
        case storyMembers = 2
        case stories = 3
        case entityRecords = 4
        /// What each article's names resolved to.
        case resolvedNames = 5
    }

    package struct Contents {
        package var lastSequence: UInt64
        package var records: [ArticleRecord]
        /// The state the records and indexes are written from, or that a decode restored from
        /// them; nil for a snapshot of records only (the indexes are then rebuilt from them).
        package var state: StoreState?
        /// Why a snapshot's indexes could not be restored, when they could not.
        package var indexProblem: String?

        package init(lastSequence: UInt64, records: [ArticleRecord]) {
            self.lastSequence = lastSequence
            self.records = records
        }

        /// The whole state: its records in sequence order and its indexes.
        package init(state: StoreState) {
            self.init(lastSequence: state.lastSequence, records: state.sequences.compactMap { state.record(forSequence: $0) })
            self.state = state
        }
    }

    /// One frame to encode: its kind, how many items it holds and how to write them.
    private struct FrameJob: Sendable {
        let kind: FrameKind
        let items: Int
        /// Bytes to reserve, so the buffer seldom grows.
        var capacity = 1 << 20
        let write: @Sendable (inout ByteWriter) -> Void
    }

    private struct Frame {
        var bytes: [UInt8]
        var uncompressed: Int
        var checksum: UInt32
    }

    /// The whole file in memory (tests and benchmarks; the store streams it with `write`).
    /// `version`: `recordsOnlyVersion` writes what version 3 wrote (tests of older files).
    package static func encode(_ contents: Contents, compressionLevel: Int32 = defaultCompressionLevel, version: UInt32 = version) throws -> Data {
        var payload = Data()
        let header = try encodePayload(contents, compressionLevel: compressionLevel, version: version) { payload.append(contentsOf: $0) }
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
        let header = try encodePayload(contents, compressionLevel: compressionLevel, version: version) { frame in
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
    private static func encodePayload(_ contents: Contents, compressionLevel: Int32, version: UInt32, emit: ([UInt8]) throws -> Void) throws -> Data {
        let jobs = frameJobs(contents, version: version)
        var payloadChecksum = Zlib.crc32(Data())
        var uncompressedLength = 0
        var payloadLength = 0
        for group in stride(from: 0, to: jobs.count, by: framesInFlight) {
            let indices = group..<min(jobs.count, group + framesInFlight)
            let frames = try Concurrently.map(indices.count) { offset in
                try encodeFrame(jobs[indices.lowerBound + offset], compressionLevel: compressionLevel, version: version)
            }
            for frame in frames {
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
        header.fixed(UInt64(contents.records.count))
        header.fixed(UInt64(uncompressedLength))
        header.fixed(UInt64(payloadLength))
        header.fixed(payloadChecksum)
        header.fixed(Zlib.crc32(header.bytes))
        assert(header.count == headerBytes)
        return Data(header.bytes)
    }

    /// The records a frame at a time, then, with a state, its indexes: the entity table, the
    /// entities, what each article's names resolved to and the story members, each a share at a
    /// time, and the stories.
    /// The `RecordCodec` format of a snapshot version's records.
    static func recordFormat(_ version: UInt32) -> UInt8 { version >= 6 ? 4 : version >= channelsVersion ? 3 : 2 }

    private static func frameJobs(_ contents: Contents, version: UInt32) -> [FrameJob] {
        let records = contents.records
        var jobs = Self.jobs(.records, for: records, per: recordsPerFrame) { chunk in
            chunk.reduce(0) { $0 + 2 * $1.document.text.utf8.count } + 4096
        } write: { chunk, writer in
            // By index: `for record in chunk` would copy each record out of the array.
            for index in chunk.indices { RecordCodec.write(chunk[index], into: &writer, format: recordFormat(version)) }
        }
        guard version >= Self.indexesVersion, let state = contents.state else { return jobs }
        let articles = ArticleReferences(records: state.records)
        let registry = state.entities
        let table = RegistryCodec.Table(registry)
        let articleIDs = state.sequences.compactMap { state.idsBySequence[$0] }
        jobs.append(FrameJob(kind: .entities, items: table.ids.count) { RegistryCodec.writeNames(registry, table: table, into: &$0) })
        jobs += Self.jobs(.entityRecords, for: Array(registry.entities.values), per: 4 * recordsPerFrame) { chunk, writer in
            RegistryCodec.write(chunk, table: table, articles: articles, into: &writer)
        }
        jobs += Self.jobs(.resolvedNames, for: articleIDs.filter { registry.articleEntities[$0] != nil }, per: recordsPerFrame) { chunk, writer in
            RegistryCodec.write(resolvedNamesOf: chunk, in: registry, records: state.records, table: table, articles: articles, into: &writer)
        }
        jobs += Self.jobs(.storyMembers, for: articleIDs.compactMap { state.stories.clusterer.members[$0] }, per: recordsPerFrame) { chunk, writer in
            StoryCodec.write(chunk, articles: articles, into: &writer)
        }
        jobs.append(FrameJob(kind: .stories, items: state.stories.storyIDs.count) { writer in
            StoryCodec.writeGrouping(state.stories, records: state.records, articles: articles, into: &writer)
        })
        return jobs
    }

    /// One frame of `kind` for each `per` of `items`, in order; `capacity` guesses a frame's bytes.
    private static func jobs<Item: Sendable>(
        _ kind: FrameKind, for items: [Item], per: Int, capacity: (ArraySlice<Item>) -> Int = { _ in 1 << 20 },
        write: @escaping @Sendable (ArraySlice<Item>, inout ByteWriter) -> Void
    ) -> [FrameJob] {
        stride(from: 0, to: items.count, by: per).map { start in
            let chunk = items[start..<min(items.count, start + per)]
            return FrameJob(kind: kind, items: chunk.count, capacity: capacity(chunk)) { write(chunk, &$0) }
        }
    }

    /// The frame header (kind, items, uncompressed length, stored length, encoding) ahead of its
    /// bytes; version 3 frames have no kind.
    private static func frameHeaderBytes(version: UInt32) -> Int { version >= Self.indexesVersion ? 14 : 13 }

    /// Encodes a frame after room for its header, in the one buffer that is written to the file:
    /// a raw frame is never copied (copies and their page faults were a third of a snapshot's
    /// CPU).
    private static func encodeFrame(_ job: FrameJob, compressionLevel: Int32, version: UInt32) throws -> Frame {
        let headerBytes = frameHeaderBytes(version: version)
        var writer = ByteWriter(capacity: job.capacity)
        writer.raw([UInt8](repeating: 0, count: headerBytes))
        job.write(&writer)
        var bytes = writer.take()
        let uncompressed = bytes.count - headerBytes
        var encoding = FrameEncoding.raw
        if compressionLevel > 0 {
            let stored = try Zlib.compress(Data(bytes[headerBytes...]), level: compressionLevel)
            bytes.replaceSubrange(headerBytes..., with: stored)
            encoding = .deflate
        }
        var header = ByteWriter(capacity: headerBytes)
        if version >= Self.indexesVersion { header.byte(job.kind.rawValue) }
        header.fixed(UInt32(job.items))
        header.fixed(UInt32(uncompressed))
        header.fixed(UInt32(bytes.count - headerBytes))
        header.byte(encoding.rawValue)
        bytes.replaceSubrange(0..<headerBytes, with: header.bytes)
        return Frame(bytes: bytes, uncompressed: uncompressed, checksum: Zlib.crc32(bytes))
    }

    package static func decode(_ data: Data) throws -> Contents { try decode([UInt8](data)) }

    package static func decode(_ bytes: [UInt8]) throws -> Contents {
        var reader = ByteReader(bytes)
        guard let magicBytes = try? reader.bytes(magic.count), Array(magicBytes) == magic else {
            throw corrupt("not a Chronicle snapshot (bad magic)")
        }
        guard let version = try? reader.fixed(UInt32.self) else { throw corrupt("truncated header") }
        guard [Self.version, channelsVersion, indexesVersion, recordsOnlyVersion, deflatedFramesVersion, jsonVersion].contains(version) else {
            throw corrupt("unsupported version \(version)")
        }
        guard let lastSequence = try? reader.fixed(UInt64.self), let count = try? reader.fixed(UInt64.self),
            let uncompressedLength = try? reader.fixed(UInt64.self), let compressedLength = try? reader.fixed(UInt64.self),
            let payloadChecksum = try? reader.fixed(UInt32.self)
        else { throw corrupt("truncated header") }
        let headerLength = reader.position
        guard let headerChecksum = try? reader.fixed(UInt32.self), headerChecksum == Zlib.crc32(bytes[..<headerLength]) else {
            throw corrupt("header checksum mismatch")
        }
        guard uncompressedLength < 1 << 40, compressedLength < 1 << 40, let payload = try? reader.bytes(Int(compressedLength)) else {
            throw corrupt("truncated payload")
        }
        guard Zlib.crc32(payload) == payloadChecksum else { throw corrupt("payload checksum mismatch") }
        if version == jsonVersion {
            let json = try Zlib.decompress(Data(payload), expectedSize: Int(uncompressedLength))
            let records = try JSONDecoder().decode([ArticleRecord].self, from: json)
            guard records.count == count else { throw corrupt("\(records.count) records, header says \(count)") }
            return Contents(lastSequence: lastSequence, records: records)
        }
        let frames = try parseFrames(bytes, payload: payload.indices, version: version)
        let records = try decodeFrames(frames.filter { $0.kind == .records }, of: bytes) { reader, frame in
            var records: [ArticleRecord] = []
            records.reserveCapacity(frame.items)
            for _ in 0..<frame.items { records.append(try RecordCodec.readRecord(&reader, format: recordFormat(version))) }
            return records
        }.flatMap { $0 }
        guard records.count == count else { throw corrupt("\(records.count) records, header says \(count)") }
        var contents = Contents(lastSequence: lastSequence, records: records)
        if frames.contains(where: { $0.kind != .records }) {
            do {
                contents.state = try restoreState(records: records, lastSequence: lastSequence, frames: frames, of: bytes)
            } catch {
                contents.indexProblem = "\(error)"
            }
        }
        return contents
    }

    private struct ParsedFrame {
        let index: Int
        let kind: FrameKind
        let items: Int
        let uncompressed: Int
        let encoding: FrameEncoding
        let stored: Range<Int>
    }

    /// Splits the payload (`payload` of the file's `bytes`) into its frames.
    private static func parseFrames(_ bytes: [UInt8], payload: Range<Int>, version: UInt32) throws -> [ParsedFrame] {
        var reader = ByteReader(bytes, range: payload)
        var frames: [ParsedFrame] = []
        while !reader.isAtEnd {
            let index = frames.count
            var kind = FrameKind.records
            if version >= Self.indexesVersion {
                guard let byte = try? reader.byte(), let found = FrameKind(rawValue: byte) else { throw corrupt("frame \(index) is of no known kind") }
                kind = found
            }
            guard let items = try? reader.fixed(UInt32.self), let uncompressed = try? reader.fixed(UInt32.self),
                let length = try? reader.fixed(UInt32.self)
            else { throw corrupt("truncated frame \(index)") }
            var encoding = FrameEncoding.deflate
            if version != deflatedFramesVersion {
                guard let byte = try? reader.byte(), let found = FrameEncoding(rawValue: byte) else {
                    throw corrupt("frame \(index) has no known encoding")
                }
                encoding = found
            }
            guard let stored = try? reader.bytes(Int(length)) else { throw corrupt("truncated frame \(index)") }
            frames.append(ParsedFrame(index: index, kind: kind, items: Int(items), uncompressed: Int(uncompressed), encoding: encoding, stored: stored.indices))
        }
        return frames
    }

    /// Inflates and decodes `frames` on every core, each with `decode` (given a reader over its
    /// bytes), in their order. Raw frames are read where they lie in `bytes`.
    private static func decodeFrames<T: Sendable>(
        _ frames: [ParsedFrame], of bytes: [UInt8], _ decode: @Sendable @escaping (inout ByteReader, ParsedFrame) throws -> T
    ) throws -> [T] {
        try Concurrently.map(frames.count) { position in
            let frame = frames[position]
            var reader =
                frame.encoding == .deflate
                ? ByteReader([UInt8](try Zlib.decompress(Data(bytes[frame.stored]), expectedSize: frame.uncompressed)))
                : ByteReader(bytes, range: frame.stored)
            guard reader.remaining == frame.uncompressed else {
                throw corrupt("frame \(frame.index) holds \(reader.remaining) bytes, not \(frame.uncompressed)")
            }
            let value: T
            do {
                value = try decode(&reader, frame)
            } catch let error as ByteReader.Malformed {
                throw corrupt("frame \(frame.index) (\(frame.kind)): \(error.description)")
            }
            guard reader.isAtEnd else { throw corrupt("\(reader.remaining) bytes after the items of frame \(frame.index)") }
            return value
        }
    }

    /// The state the index frames describe over the records: the entity table first, then the
    /// entities, resolved names, story members and stories side by side, then the stories joined
    /// to their members and everything that follows from them.
    private static func restoreState(records: [ArticleRecord], lastSequence: UInt64, frames: [ParsedFrame], of bytes: [UInt8]) throws
        -> StoreState
    {
        let entityFrames = frames.filter { $0.kind == .entities }
        let storyFrames = frames.filter { $0.kind == .stories }
        guard entityFrames.count == 1, storyFrames.count == 1 else {
            throw corrupt("\(entityFrames.count) entity frames and \(storyFrames.count) story frames, not one of each")
        }
        guard let lookups = RecordLookups(records: records) else { throw corrupt("an id or a sequence repeats among the records") }
        let articles = ArticleReferences(idsBySequence: lookups.idsBySequence)
        let (table, names) = try decodeFrames(entityFrames, of: bytes) { reader, _ in try RegistryCodec.readNames(&reader) }[0]
        enum Part: Sendable {
            case entities([EntityRecord])
            case resolvedNames([(article: String, names: ResolvedNames)])
            case members([StoryClusterer.Member])
            case grouping(StoryCodec.Grouping)
        }
        // Every frame that needs no other: the stories first, the largest.
        let parts = try decodeFrames(storyFrames + frames.filter { [.entityRecords, .resolvedNames, .storyMembers].contains($0.kind) }, of: bytes) {
            reader, frame -> Part in
            switch frame.kind {
            case .entityRecords: .entities(try RegistryCodec.readEntities(&reader, table: table, articles: articles))
            case .resolvedNames: .resolvedNames(try RegistryCodec.readResolvedNames(&reader, records: lookups.byID, table: table, articles: articles))
            case .stories: .grouping(try StoryCodec.readGrouping(&reader, articles: articles))
            default: .members(try StoryCodec.readMembers(&reader, articles: articles))
            }
        }
        var entityRecords: [String: EntityRecord] = [:]
        var articleEntities: [String: ResolvedNames] = [:]
        var members: [StoryClusterer.Member] = []
        var grouping: StoryCodec.Grouping?
        for part in parts {
            switch part {
            case .entities(let records): for record in records { entityRecords[record.id] = record }
            case .resolvedNames(let resolved): for (article, names) in resolved { articleEntities[article] = names }
            case .members(let found): members += found
            case .grouping(let found): grouping = found
            }
        }
        guard let grouping else { throw corrupt("no stories") }
        let entities = EntityRegistry(
            entities: entityRecords, idsByKey: names.idsByKey, personNameKeys: names.personNameKeys, articleEntities: articleEntities)
        let stories: (clusterer: StoryClusterer, eventPositions: [String: [Int]])
        do {
            stories = try StoryCodec.clusterer(grouping, members: members)
        } catch {
            throw corrupt("stories: \(error.description)")
        }
        guard
            let state = StoreState(
                records: records, lookups: lookups, lastSequence: lastSequence, entities: entities, clusterer: stories.clusterer,
                origins: grouping.origins, eventPositions: stories.eventPositions, storiesAwaitRegroup: grouping.awaitsRegroup)
        else { throw corrupt("the indexes do not fit the records") }
        return state
    }

    private static func corrupt(_ reason: String) -> PersistenceError {
        PersistenceError(description: "snapshot is corrupt: \(reason)")
    }
}
