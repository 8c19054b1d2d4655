import ChronicleFoundation
import ChroniclePipeline

/// A stored document's events in their binary form (`EventCodec`, record format 4), each
/// decoded when it is read. The learned detector finds some 75 events in an article of 400
/// words; as `EventMention`s (about 200 bytes each, with an array of actors on top) they were
/// most of what the store held per article. Stored, an event takes about 40 bytes, and a
/// snapshot writes and reads these bytes as they are. Events are read by the page (a query's
/// results) or once per article (indexing, grouping), so decoding on reading costs little.
package struct StoredEvents: RandomAccessCollection, Sendable, Equatable {
    /// The record format whose event form `bytes` holds.
    static let format: UInt8 = 4

    private let bytes: [UInt8]
    /// Where each event starts in `bytes`.
    private let starts: [UInt32]

    /// Offsets are 32 bits: an article's events take a few kilobytes.
    package init(_ events: some Collection<EventMention>) {
        var writer = ByteWriter(capacity: 48 * events.count)
        var starts: [UInt32] = []
        starts.reserveCapacity(events.count)
        for event in events {
            starts.append(UInt32(writer.count))
            EventCodec.write(event, into: &writer, format: Self.format)
        }
        self.init(bytes: writer.take(), starts: starts)
    }

    private init(bytes: [UInt8], starts: [UInt32]) {
        // A record lives as long as the store: it keeps exactly what it holds.
        self.bytes = bytes.fitted()
        self.starts = starts
    }

    /// Reads `count` events of `format` from `reader`, each decoded once to check it; events of
    /// this form are kept as their bytes, older ones written again in it.
    init(count: Int, format: UInt8, from reader: inout ByteReader) throws {
        guard format == Self.format else {
            var events: [EventMention] = []
            events.reserveCapacity(count)
            for _ in 0..<count { events.append(try EventCodec.read(&reader, format: format)) }
            self.init(events)
            return
        }
        let first = reader
        var starts: [UInt32] = []
        starts.reserveCapacity(count)
        for _ in 0..<count {
            starts.append(UInt32(reader.position - first.position))
            _ = try EventCodec.read(&reader, format: format)
        }
        var copy = first
        self.init(bytes: Array(try copy.bytes(reader.position - first.position)), starts: starts)
    }

    /// Writes the events in `format`: their bytes as they are in their own.
    func write(into writer: inout ByteWriter, format: UInt8) {
        writer.count(count)
        guard format == Self.format else {
            for event in self { EventCodec.write(event, into: &writer, format: format) }
            return
        }
        writer.raw(bytes)
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { starts.count }

    /// The bytes are always the writer's own, checked when they were read.
    package subscript(index: Int) -> EventMention {
        var reader = ByteReader(bytes, from: Int(starts[index]))
        do {
            return try EventCodec.read(&reader, format: Self.format)
        } catch {
            preconditionFailure("stored event \(index) does not decode: \(error)")
        }
    }

    /// The form is canonical: the same events are the same bytes.
    package static func == (lhs: StoredEvents, rhs: StoredEvents) -> Bool {
        lhs.starts == rhs.starts && lhs.bytes == rhs.bytes
    }
}
