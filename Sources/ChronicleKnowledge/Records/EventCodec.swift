import ChronicleFoundation
import ChroniclePipeline

/// An event mention's binary form, as journal entries and snapshots write it (`RecordCodec`) and
/// as a record keeps its events in memory (`StoredEvents`). Formats before 4 lacked the lemma,
/// the TimeML attributes and the actors' entity flag, and wrote the enums as strings.
enum EventCodec {
    static func write(_ event: EventMention, into writer: inout ByteWriter, format: UInt8) {
        writer.string(event.type)
        writer.span(event.trigger)
        writer.count(event.sentence)
        if format >= 4 {
            writer.string(event.lemma)
            writeCase(event.eventClass, cases: eventClasses, into: &writer)
            writeCase(event.tense, cases: tenses, into: &writer)
            writeCase(event.aspect, cases: aspects, into: &writer)
            writeCase(event.polarity, cases: polarities, into: &writer)
        }
        writer.count(event.actors.count)
        for actor in event.actors {
            writer.string(actor.role)
            writer.string(actor.name)
            writer.optional(actor.span) { $0.span($1) }
            if format >= 4 { writer.bool(actor.isEntity) }
        }
        writer.string(event.place)
        writer.string(event.time)
        if format >= 4 { writeCase(event.timeSource, cases: timeSources, into: &writer) } else { writer.string(event.timeSource?.rawValue) }
        writer.string(event.duration)
        writer.count(event.quantities.count)
        for quantity in event.quantities {
            writer.double(quantity.value)
            writer.string(quantity.unit)
            writer.string(quantity.counted)
            writer.span(quantity.span)
        }
        if format >= 4 { writeCase(event.modality, cases: modalities, into: &writer) } else { writer.string(event.modality.rawValue) }
        writer.string(event.reportedBy)
        writer.optional(event.content) { $0.span($1) }
        writer.double(event.confidence)
    }

    /// A small enum as one byte from format 4 on: 0 for none, else its position in `cases` (its
    /// `allCases`) plus one, so the order of those cases is part of the format. Read back as
    /// strings, the events' enums were a fifth of a snapshot's decoding.
    static func writeCase<T: Equatable>(_ value: T?, cases: [T], into writer: inout ByteWriter) {
        writer.byte(value.flatMap { cases.firstIndex(of: $0) }.map { UInt8($0 + 1) } ?? 0)
    }

    static func readCase<T>(_ cases: [T], from reader: inout ByteReader) throws(ByteReader.Malformed) -> T? {
        let byte = Int(try reader.byte())
        guard byte > 0 else { return nil }
        guard byte <= cases.count else { throw ByteReader.Malformed(description: "no \(T.self) numbered \(byte)") }
        return cases[byte - 1]
    }

    /// Each enum's cases, made once (a synthesized `allCases` builds its array at every call).
    static let eventClasses = EventClass.allCases
    static let tenses = EventTense.allCases
    static let aspects = EventAspect.allCases
    static let polarities = EventPolarity.allCases
    static let timeSources = EventTimeSource.allCases
    static let modalities = Modality.allCases

    static func read(_ reader: inout ByteReader, format: UInt8) throws -> EventMention {
        let type = try reader.string()
        let trigger = try reader.span()
        let sentence = try reader.natural(below: Int(Int32.max))
        let described = format >= 4
        let lemma = described ? try reader.optionalString() : nil
        let eventClass = described ? try readCase(Self.eventClasses, from: &reader) : nil
        let tense = described ? try readCase(Self.tenses, from: &reader) : nil
        let aspect = described ? try readCase(Self.aspects, from: &reader) : nil
        let polarity = described ? try readCase(Self.polarities, from: &reader) : nil
        let actorCount = try reader.count(minimumBytes: described ? 4 : 3)
        var actors: [EventActor] = []
        actors.reserveCapacity(actorCount)
        for _ in 0..<actorCount {
            actors.append(EventActor(
                role: try reader.string(), name: try reader.string(),
                span: try reader.optional { reader throws(ByteReader.Malformed) in try reader.span() },
                isEntity: described ? try reader.bool() : true))
        }
        let place = try reader.optionalString()
        let time = try reader.optionalString()
        let timeSource: EventTimeSource?
        if described {
            timeSource = try readCase(Self.timeSources, from: &reader)
        } else {
            timeSource = try reader.optionalString().map { value throws(ByteReader.Malformed) in
                guard let source = EventTimeSource(rawValue: value) else { throw ByteReader.Malformed(description: "unknown time source '\(value)'") }
                return source
            }
        }
        let duration = try reader.optionalString()
        let quantityCount = try reader.count(minimumBytes: 12)
        var quantities: [Quantity] = []
        quantities.reserveCapacity(quantityCount)
        for _ in 0..<quantityCount {
            quantities.append(Quantity(
                value: try reader.double(), unit: try reader.optionalString(), counted: try reader.optionalString(),
                span: try reader.span()))
        }
        let modality: Modality
        if described {
            guard let read = try readCase(Self.modalities, from: &reader) else { throw ByteReader.Malformed(description: "an event without a modality") }
            modality = read
        } else {
            modality = try reader.raw(Modality.self)
        }
        let reportedBy = try reader.optionalString()
        let content = try reader.optional { reader throws(ByteReader.Malformed) in try reader.span() }
        return EventMention(
            type: type, trigger: trigger, sentence: sentence, lemma: lemma, eventClass: eventClass, tense: tense, aspect: aspect,
            polarity: polarity, actors: actors, place: place, time: time, timeSource: timeSource,
            duration: duration, quantities: quantities, modality: modality, reportedBy: reportedBy, content: content,
            confidence: try reader.double())
    }
}
