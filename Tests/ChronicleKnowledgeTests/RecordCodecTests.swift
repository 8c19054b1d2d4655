import ChronicleFoundation
import ChroniclePipeline
import Foundation
import Logging
import Testing

@testable import ChronicleKnowledge

@Suite("Binary record format")
struct RecordCodecTests {
    static let articles = [
        "GENEVA, March 3 (Wire) - Foreign ministers of Northland and Southland met in Geneva on Monday for three hours of talks "
            + "mediated by Switzerland, officials said. “We agreed to meet again,” said Anna Berg, Northland’s foreign minister.\n\n"
            + "The two sides exchanged 1,200 prisoners last week. A 30-day ceasefire begins on April 1.",
        "Ünïcødé, emoji 🎉 and right-to-left text: مرحبا. The mayor of Port Vale resigned on Friday after a vote.",
    ]

    func record(_ document: ArticleDocument, _ index: Int) -> ArticleRecord {
        ArticleRecord(
            id: "art_\(index)", sequence: UInt64(index + 1), contentHash: ContentHash.of(document.text), receivedAt: "2026-03-04T10:00:00Z",
            document: document)
    }

    func roundTrip(_ record: ArticleRecord) throws -> ArticleRecord {
        guard case .put(let back) = try RecordCodec.decodeEntry(RecordCodec.encode(.put(record))) else {
            throw ByteReader.Malformed(description: "not a put")
        }
        return back
    }

    @Test("processed articles come back equal, every annotation included")
    func processedArticles() throws {
        let pipeline = try Pipeline.standard()
        for (index, text) in Self.articles.enumerated() {
            let document = try pipeline.run(ArticleInput(body: .text(text), source: "Wire", publishedAt: "2026-03-04"))
            #expect(!document.events.isEmpty && !document.entities.isEmpty && !document.timexes.isEmpty)
            let original = record(document, index)
            #expect(try roundTrip(original) == original)
        }
    }

    @Test("every case of an event's enums, and none, comes back: they are stored as their number")
    func eventEnums() throws {
        var document = makeDocument("Alice met Bob in Oslo.")
        let template = document.events[0]
        document.events = (0..<8).map { index in
            var event = template
            event.eventClass = index < EventClass.allCases.count ? EventClass.allCases[index] : nil
            event.tense = index < EventTense.allCases.count ? EventTense.allCases[index] : nil
            event.aspect = index < EventAspect.allCases.count ? EventAspect.allCases[index] : nil
            event.polarity = index < EventPolarity.allCases.count ? EventPolarity.allCases[index] : nil
            event.timeSource = index < EventTimeSource.allCases.count ? EventTimeSource.allCases[index] : nil
            event.modality = Modality.allCases[index % Modality.allCases.count]
            return event
        }
        let original = record(document, 0)
        #expect(try roundTrip(original) == original)
        // A number past the cases is refused, not guessed at.
        var writer = ByteWriter()
        writer.byte(9)
        var reader = ByteReader(writer.bytes)
        #expect(throws: ByteReader.Malformed.self) { try EventCodec.readCase(EventCodec.eventClasses, from: &reader) }
    }

    @Test("journal entries of the formats before (3 and 2) are read back with what they held")
    func olderJournalFormats() throws {
        let pipeline = try Pipeline.standard()
        let document = try pipeline.run(ArticleInput(
            body: .text("The regulator fined two banks in London on Monday, a \"strong reaction\" to the scandal."), publishedAt: "2026-03-04"))
        #expect(document.events.contains { $0.lemma == "fine" && $0.actors.contains { !$0.isEntity } })
        #expect(!document.quotedTerms.isEmpty)
        let original = record(document, 0)
        for format: UInt8 in [2, 3] {
            var writer = ByteWriter()
            writer.byte(format)
            writer.byte(0)
            RecordCodec.write(original, into: &writer, format: format)
            guard case .put(let back) = try RecordCodec.decodeEntry(writer.bytes) else { throw ByteReader.Malformed(description: "not a put") }
            #expect(back == recordAsRead(original, fromFormat: format), "format \(format)")
        }
    }

    @Test("an event late in a long article, or a long last token, is read back alone (a journal entry holds one record)")
    func indexesBeyondTheBytesLeft() throws {
        let sentences = (1...80).map { "Sentence number \($0) says little." }.joined(separator: " ")
        let pipeline = try Pipeline.standard()
        var document = try pipeline.run(.text(sentences + " The ministers of Northland and Southland met in Geneva on Monday."))
        #expect(document.sentences.count == 81)
        #expect(document.events.last?.sentence == 80)
        #expect(try roundTrip(record(document, 0)) == record(document, 0))
        // A token 300 characters long closing an article with no annotations after it.
        document = try pipeline.run(.text("See " + String(repeating: "x", count: 300)))
        document.entities = []
        document.events = []
        document.timexes = []
        #expect(try roundTrip(record(document, 1)) == record(document, 1))
    }

    @Test("every optional field set and every one missing come back as they were")
    func everyField() throws {
        var document = ArticleDocument(input: ArticleInput(
            body: .html("<p>Talks</p>"), title: "T", url: "https://example.org/a", source: "S", publishedAt: "2026-03-04T10:00:00+01:00",
            externalID: "x-1"))
        document.text = "Anna met Bo in Oslo on May 1."
        document.metadata = ArticleMetadata(
            title: "T", source: "S", agency: "AFP", byline: "By A", authors: ["A", "B"], dateline: "OSLO", publicationDate: "2026-03-04",
            publicationTime: "10:00", timeZone: "+01:00", dateSource: .stamp, url: "https://example.org/a", externalID: "x-1")
        document.paragraphs = [Paragraph(span: TextSpan(start: 0, end: 29), sentences: 0..<1)]
        document.sentences = [Sentence(span: TextSpan(start: 0, end: 29), tokens: 0..<2)]
        document.tokens = [Token(span: TextSpan(start: 0, end: 4), text: "Anna"), Token(span: TextSpan(start: 5, end: 8), text: "met")]
        document.entities = [EntityMention(span: TextSpan(start: 0, end: 4), text: "Anna", type: .person, canonicalName: "Anna Berg", role: "minister", affiliation: "Norway")]
        document.timexes = [TimexMention(span: TextSpan(start: 22, end: 28), text: "May 1", type: .date, value: "2026-05-01", mod: "APPROX")]
        document.events = [
            EventMention(
                type: "MEET", trigger: TextSpan(start: 5, end: 8), sentence: 0,
                actors: [EventActor(role: "agent", name: "Anna Berg", span: TextSpan(start: 0, end: 4)), EventActor(role: "participant", name: "Bo")],
                place: "Oslo", time: "2026-05-01", timeSource: .sentence, duration: "PT2H",
                quantities: [Quantity(value: 1.5, unit: "hour", counted: "talks", span: TextSpan(start: 5, end: 8))], modality: .reported,
                reportedBy: "Norway", content: TextSpan(start: 9, end: 11), confidence: 0.875),
            EventMention(type: "VISIT", trigger: TextSpan(start: 9, end: 11), sentence: 0),
        ]
        document.quotations = [
            Quotation(span: TextSpan(start: 0, end: 8), text: "Anna met", speaker: "Anna Berg", verb: "said", reportedBy: "Norway"),
            Quotation(span: TextSpan(start: 9, end: 11), text: "Bo"),
        ]
        document.quotedTerms = [QuotedTerm(span: TextSpan(start: 4, end: 7), text: "met")]
        document.stages = ["text", "entities"]
        let full = record(document, 7)
        #expect(try roundTrip(full) == full)
        let bare = record(ArticleDocument(input: .text("x")), 8)
        #expect(try roundTrip(bare) == bare)
        // Spans past the text (the store's fixtures write them) are taken back as written.
        let overhanging = record(makeDocument("One."), 9)
        #expect(overhanging.document.entities.first?.span.end == 5)
        #expect(try roundTrip(overhanging) == overhanging)
        #expect(try RecordCodec.decodeEntry(RecordCodec.encode(.delete(id: "art_7", sequence: 9))) == .delete(id: "art_7", sequence: 9))
    }

    @Test("a damaged record is an error, never a crash: every truncation, every byte changed")
    func damage() throws {
        let document = try Pipeline.standard().run(ArticleInput(body: .text(Self.articles[0]), publishedAt: "2026-03-04"))
        let bytes = RecordCodec.encode(.put(record(document, 0)))
        for length in 0..<bytes.count {
            #expect(throws: (any Error).self) { try RecordCodec.decodeEntry(Array(bytes.prefix(length))) }
        }
        var generator = SplitMix64(seed: 5)
        for _ in 0..<3000 {
            var damaged = bytes
            damaged[Int(generator.next() % UInt64(bytes.count))] ^= UInt8(truncatingIfNeeded: generator.next() | 1)
            _ = try? RecordCodec.decodeEntry(damaged)  // either way, no trap
        }
    }

    @Test("a text body that is the clean text itself is written once, byte for byte")
    func bodyWrittenOnce() throws {
        let text = "The council met on Tuesday in Port Vale."
        var same = ArticleDocument(input: .text(text))
        same.text = text
        var other = same
        other.input.body = .text(text + " ")
        let sameBytes = RecordCodec.encode(.put(record(same, 0)))
        let otherBytes = RecordCodec.encode(.put(record(other, 0)))
        #expect(otherBytes.count - sameBytes.count == text.utf8.count + 2)  // the body and its length
        #expect(try roundTrip(record(same, 0)) == record(same, 0))
        #expect(try roundTrip(record(other, 0)) == record(other, 0))
        // Canonically equal is not equal: a decomposed body stays decomposed beside a composed text.
        var decomposed = ArticleDocument(input: .text("Cafe\u{301} Noir"))
        decomposed.text = "Caf\u{E9} Noir"
        let back = try roundTrip(record(decomposed, 0))
        guard case .text(let body) = back.document.input.body else { throw ByteReader.Malformed(description: "not text") }
        #expect(Array(body.utf8) == Array("Cafe\u{301} Noir".utf8))
    }

    @Test("snapshots: raw frames by default, deflated ones at a level, version 2 files still read")
    func snapshotFrames() throws {
        let pipeline = try Pipeline.standard()
        let records = try (0..<1100).map { index in
            record(try pipeline.run(ArticleInput(body: .text(Self.articles[index % 2] + " Item \(index)."), publishedAt: "2026-03-04")), index)
        }
        let contents = SnapshotFile.Contents(lastSequence: 1100, records: records)
        let raw = try SnapshotFile.encode(contents)
        let deflated = try SnapshotFile.encode(contents, compressionLevel: 1)
        #expect(deflated.count * 3 < raw.count)
        #expect(try SnapshotFile.decode(raw).records == records)
        #expect(try SnapshotFile.decode(deflated).records == records)
        #expect(try SnapshotFile.decode(raw).lastSequence == 1100)

        // Version 2: the same frames, always deflated, with no encoding byte.
        var payload = ByteWriter()
        var uncompressed = 0
        for start in stride(from: 0, to: records.count, by: SnapshotFile.recordsPerFrame) {
            var writer = ByteWriter()
            let frame = records[start..<min(records.count, start + SnapshotFile.recordsPerFrame)]
            for record in frame { RecordCodec.write(record, into: &writer, format: 2) }
            let compressed = try Zlib.compress(Data(writer.bytes), level: 1)
            payload.fixed(UInt32(frame.count))
            payload.fixed(UInt32(writer.bytes.count))
            payload.fixed(UInt32(compressed.count))
            payload.raw(compressed)
            uncompressed += writer.bytes.count
        }
        var header = ByteWriter()
        header.raw(SnapshotFile.magic)
        header.fixed(UInt32(2))
        header.fixed(UInt64(1100))
        header.fixed(UInt64(records.count))
        header.fixed(UInt64(uncompressed))
        header.fixed(UInt64(payload.count))
        header.fixed(Zlib.crc32(payload.bytes))
        var file = header
        file.fixed(Zlib.crc32(header.bytes))
        file.raw(payload.bytes)
        #expect(try SnapshotFile.decode(Data(file.bytes)).records == records.map { recordAsRead($0, fromFormat: 2) })

        // A frame whose encoding byte no writer wrote is refused, not guessed at.
        var damaged = raw
        damaged[SnapshotFile.headerBytes + 13] = 7
        let checksum = Zlib.crc32(damaged.suffix(from: SnapshotFile.headerBytes))
        withUnsafeBytes(of: checksum.littleEndian) { damaged.replaceSubrange(44..<48, with: $0) }
        var fixedHeader = ByteWriter()
        fixedHeader.raw(damaged.prefix(48))
        withUnsafeBytes(of: Zlib.crc32(fixedHeader.bytes).littleEndian) { damaged.replaceSubrange(48..<52, with: $0) }
        #expect(throws: PersistenceError.self) { try SnapshotFile.decode(damaged) }
    }

    @Test("journals and snapshots written as JSON before the binary format still load")
    func olderFiles() async throws {
        let directory = temporaryDirectory()
        let old = record(try Pipeline.standard().run(ArticleInput(body: .text("The council met on Tuesday."), publishedAt: "2026-03-04")), 0)
        let snapshotted = record(try Pipeline.standard().run(ArticleInput(body: .text("The mayor resigned."), publishedAt: "2026-03-03")), 1)
        // A version 1 snapshot (zlib JSON) holding one record, and a journal record in JSON after it.
        let json = try JSONEncoder().encode([snapshotted])
        let compressed = try Zlib.compress(json)
        var header = ByteWriter()
        header.raw(SnapshotFile.magic)
        header.fixed(UInt32(1))
        header.fixed(UInt64(2))
        header.fixed(UInt64(1))
        header.fixed(UInt64(json.count))
        header.fixed(UInt64(compressed.count))
        header.fixed(Zlib.crc32(compressed))
        var file = header
        file.fixed(Zlib.crc32(header.bytes))
        file.raw(compressed)
        try Data(file.bytes).write(to: URL(fileURLWithPath: directory + "/snapshot.chs"))
        var journal = ByteWriter()
        let payload = try JSONEncoder().encode(JournalEntry.put(ArticleRecord(
            id: old.id, sequence: 3, contentHash: old.contentHash, receivedAt: old.receivedAt, document: old.fullDocument)))
        journal.fixed(UInt32(payload.count))
        journal.fixed(Zlib.crc32(payload))
        journal.raw(payload)
        try Data(journal.bytes).write(to: URL(fileURLWithPath: directory + "/" + Journal.segmentName(3)))
        let store = try KnowledgeStore(directory: directory, logger: quietLogger)
        #expect(store.read { Set($0.records.keys) } == [old.id, snapshotted.id])
        #expect(store.read { $0.records[snapshotted.id]?.fullDocument } == snapshotted.fullDocument)
        // New writes go in the binary format, and everything survives another snapshot and reopening.
        _ = try await store.add(makeDocument("Written in the binary format."))
        _ = try await store.writeSnapshot()
        await store.close()
        let reopened = try KnowledgeStore(directory: directory, logger: quietLogger)
        #expect(reopened.read { $0.articleCount } == 3)
        #expect(reopened.read { $0.records[old.id]?.fullDocument } == old.fullDocument)
    }
}
