import ChronicleFoundation
import ChroniclePipeline
import Foundation

/// The binary form of journal entries and snapshot records (format 4; format 3 lacked the
/// events' lemmas, TimeML attributes and parties in their own words, format 2 also the
/// quotations' channels and the quoted terms; both are still read). JSON (format 1) cost
/// about 0.6 ms an article each way, which bounded ingestion and made a snapshot of 100,000
/// articles take minutes; this costs a few microseconds. Tokens are stored as their spans (their
/// text is cut from the article's text again) and spans as a start and a length.
///
/// Every field of `ArticleDocument` is written, in declaration order; `RecordCodecTests` checks
/// that processed articles come back equal, so a field added to the model and not here fails a
/// test. Whatever the writer writes the reader takes back, spans that run past the text included
/// (an acknowledged article is never refused on recovery); what it refuses is bytes no writer
/// wrote, which the journal's and snapshot's checksums catch first. Older files in JSON are still
/// read (`Journal`, `SnapshotFile`).
enum RecordCodec {
    /// The first byte of a binary journal payload (a JSON one starts with `{`): the record
    /// format it is written in.
    static let journalFormat: UInt8 = 4
    /// The binary formats this build reads.
    static let formats: ClosedRange<UInt8> = 2...4

    // MARK: Journal entries

    static func encode(_ entry: JournalEntry) -> [UInt8] {
        var writer = ByteWriter()
        writer.byte(journalFormat)
        switch entry {
        case .put(let record):
            writer.byte(0)
            write(record, into: &writer)
        case .delete(let id, let sequence):
            writer.byte(1)
            writer.string(id)
            writer.varint(sequence)
        }
        return writer.bytes
    }

    static func decodeEntry(_ bytes: [UInt8]) throws -> JournalEntry {
        var reader = ByteReader(bytes)
        let format = try reader.byte()
        guard formats.contains(format) else { throw ByteReader.Malformed(description: "not a binary journal record") }
        let entry: JournalEntry
        switch try reader.byte() {
        case 0: entry = .put(try readRecord(&reader, format: format))
        case 1: entry = .delete(id: try reader.string(), sequence: try reader.varint())
        case let kind: throw ByteReader.Malformed(description: "unknown journal entry kind \(kind)")
        }
        guard reader.isAtEnd else { throw ByteReader.Malformed(description: "\(reader.remaining) bytes after the entry") }
        return entry
    }

    // MARK: Records

    static func write(_ record: ArticleRecord, into writer: inout ByteWriter, format: UInt8 = journalFormat) {
        writer.string(record.id)
        writer.varint(record.sequence)
        writer.fixed(record.contentHash)
        writer.string(record.receivedAt)
        write(record.document, tokens: record.tokenSpans, events: record.events, into: &writer, format: format)
    }

    static func readRecord(_ reader: inout ByteReader, format: UInt8 = journalFormat) throws -> ArticleRecord {
        let (id, sequence, contentHash, receivedAt) = (try reader.string(), try reader.varint(), try reader.fixed(UInt64.self), try reader.string())
        let (document, tokens, events) = try readDocument(&reader, format: format)
        return ArticleRecord(
            id: id, sequence: sequence, contentHash: contentHash, receivedAt: receivedAt, document: document, tokenSpans: tokens,
            events: events)
    }

    // MARK: Documents

    /// `tokens` and `events` stand for the document's own (a stored document keeps them apart).
    static func write(
        _ document: ArticleDocument, tokens: TokenSpans, events: StoredEvents, into writer: inout ByteWriter, format: UInt8 = journalFormat
    ) {
        write(document.input, cleanText: document.text, into: &writer)
        writer.string(document.text)
        write(document.metadata, into: &writer)
        writer.count(document.paragraphs.count)
        for paragraph in document.paragraphs {
            writer.span(paragraph.span)
            write(paragraph.sentences, into: &writer)
        }
        writer.count(document.sentences.count)
        for sentence in document.sentences {
            writer.span(sentence.span)
            write(sentence.tokens, into: &writer)
        }
        // Each token as the gap since the previous one ended (`int`) and its length (`count`):
        // the form `TokenSpans` keeps them in, so its bytes are written as they are.
        writer.count(tokens.count)
        writer.raw(tokens.encoded)
        writer.count(document.entities.count)
        for entity in document.entities {
            writer.span(entity.span)
            writer.string(entity.text)
            writer.string(entity.type.rawValue)
            writer.string(entity.canonicalName)
            writer.string(entity.role)
            writer.string(entity.affiliation)
        }
        writer.count(document.timexes.count)
        for timex in document.timexes {
            writer.span(timex.span)
            writer.string(timex.text)
            writer.string(timex.type.rawValue)
            writer.string(timex.value)
            writer.string(timex.mod)
            writer.string(timex.granularity)
        }
        events.write(into: &writer, format: format)
        writer.count(document.quotations.count)
        for quotation in document.quotations {
            writer.span(quotation.span)
            writer.string(quotation.text)
            writer.string(quotation.speaker)
            writer.string(quotation.verb)
            if format >= 3 { writer.string(quotation.reportedBy) }
        }
        if format >= 3 {
            writer.count(document.quotedTerms.count)
            for term in document.quotedTerms {
                writer.span(term.span)
                writer.string(term.text)
            }
        }
        writer.strings(document.stages)
    }

    /// The document without its tokens and events, and those.
    static func readDocument(_ reader: inout ByteReader, format: UInt8 = journalFormat) throws -> (ArticleDocument, TokenSpans, StoredEvents) {
        let (input, bodyIsCleanText) = try readInput(&reader)
        var document = ArticleDocument(input: input)
        document.text = try reader.string()
        // The submitted text was its clean text as it is: one string for both.
        if bodyIsCleanText { document.input.body = .text(document.text) }
        document.metadata = try readMetadata(&reader)
        let paragraphs = try reader.count(minimumBytes: 4)
        document.paragraphs.reserveCapacity(paragraphs)
        for _ in 0..<paragraphs { document.paragraphs.append(Paragraph(span: try reader.span(), sentences: try readRange(&reader))) }
        let sentences = try reader.count(minimumBytes: 4)
        document.sentences.reserveCapacity(sentences)
        for _ in 0..<sentences { document.sentences.append(Sentence(span: try reader.span(), tokens: try readRange(&reader))) }
        let tokens = try reader.count(minimumBytes: 2)
        var tokenSpans: [TextSpan] = []
        tokenSpans.reserveCapacity(tokens)
        var end = 0
        for _ in 0..<tokens {
            let start = end + (try reader.int())
            let length = try reader.natural(below: ByteReader.largestOffset)
            guard start >= 0, start < ByteReader.largestOffset, length < ByteReader.largestOffset else {
                throw ByteReader.Malformed(description: "token span out of range")
            }
            end = start + length
            tokenSpans.append(TextSpan(start: start, end: end))
        }
        let entities = try reader.count(minimumBytes: 7)
        document.entities.reserveCapacity(entities)
        for _ in 0..<entities {
            document.entities.append(EntityMention(
                span: try reader.span(), text: try reader.string(), type: try reader.raw(EntityType.self),
                canonicalName: try reader.string(), role: try reader.optionalString(), affiliation: try reader.optionalString()))
        }
        let timexes = try reader.count(minimumBytes: 8)
        document.timexes.reserveCapacity(timexes)
        for _ in 0..<timexes {
            let span = try reader.span()
            var timex = TimexMention(span: span, text: try reader.string(), type: try reader.raw(TimexType.self), value: try reader.string())
            timex.mod = try reader.optionalString()
            timex.granularity = try reader.string()
            document.timexes.append(timex)
        }
        let events = try StoredEvents(count: try reader.count(minimumBytes: 16), format: format, from: &reader)
        let quotations = try reader.count(minimumBytes: 5)
        document.quotations.reserveCapacity(quotations)
        for _ in 0..<quotations {
            document.quotations.append(Quotation(
                span: try reader.span(), text: try reader.string(), speaker: try reader.optionalString(), verb: try reader.optionalString(),
                reportedBy: format >= 3 ? try reader.optionalString() : nil))
        }
        if format >= 3 {
            let terms = try reader.count(minimumBytes: 3)
            document.quotedTerms.reserveCapacity(terms)
            for _ in 0..<terms { document.quotedTerms.append(QuotedTerm(span: try reader.span(), text: try reader.string())) }
        }
        document.stages = try reader.strings()
        return (document, TokenSpans(tokenSpans, count: tokenSpans.count), events)
    }

    // MARK: Parts

    /// A text body that is the clean text itself (most plain-text articles) is written once, after
    /// the input, as the text (body kind 2).
    static func write(_ input: ArticleInput, cleanText: String? = nil, into writer: inout ByteWriter) {
        switch input.body {
        case .text(let text) where cleanText.map({ sameBytes(text, $0) }) == true:
            writer.byte(2)
        case .text(let text):
            writer.byte(0)
            writer.string(text)
        case .html(let html):
            writer.byte(1)
            writer.string(html)
        }
        writer.string(input.title)
        writer.string(input.url)
        writer.string(input.source)
        writer.string(input.publishedAt)
        writer.string(input.externalID)
    }

    /// Byte for byte: `==` on strings would take a decomposed "é" for a composed one. A body that
    /// shares the clean text's storage is one pointer comparison, any other one `memcmp`.
    static func sameBytes(_ first: String, _ second: String) -> Bool {
        var (first, second) = (first, second)
        return first.withUTF8 { a in
            second.withUTF8 { b in
                guard a.count == b.count else { return false }
                guard a.count > 0, let pa = a.baseAddress, let pb = b.baseAddress, pa != pb else { return true }
                return memcmp(pa, pb, a.count) == 0
            }
        }
    }

    /// The input, and whether its body is the clean text that follows it (kind 2, read as empty).
    static func readInput(_ reader: inout ByteReader) throws -> (ArticleInput, bodyIsCleanText: Bool) {
        let body: ArticleInput.Body
        let kind = try reader.byte()
        switch kind {
        case 0: body = .text(try reader.string())
        case 1: body = .html(try reader.string())
        case 2: body = .text("")
        default: throw ByteReader.Malformed(description: "unknown body kind \(kind)")
        }
        let input = ArticleInput(
            body: body, title: try reader.optionalString(), url: try reader.optionalString(), source: try reader.optionalString(),
            publishedAt: try reader.optionalString(), externalID: try reader.optionalString())
        return (input, kind == 2)
    }

    static func write(_ metadata: ArticleMetadata, into writer: inout ByteWriter) {
        writer.string(metadata.title)
        writer.string(metadata.source)
        writer.string(metadata.agency)
        writer.string(metadata.byline)
        writer.strings(metadata.authors)
        writer.string(metadata.dateline)
        writer.string(metadata.publicationDate)
        writer.string(metadata.publicationTime)
        writer.string(metadata.timeZone)
        writer.string(metadata.dateSource.rawValue)
        writer.string(metadata.url)
        writer.string(metadata.externalID)
    }

    static func readMetadata(_ reader: inout ByteReader) throws -> ArticleMetadata {
        ArticleMetadata(
            title: try reader.optionalString(), source: try reader.optionalString(), agency: try reader.optionalString(),
            byline: try reader.optionalString(), authors: try reader.strings(), dateline: try reader.optionalString(),
            publicationDate: try reader.optionalString(), publicationTime: try reader.optionalString(),
            timeZone: try reader.optionalString(), dateSource: try reader.raw(DateSource.self), url: try reader.optionalString(),
            externalID: try reader.optionalString())
    }

    static func write(_ range: Range<Int>, into writer: inout ByteWriter) {
        writer.count(range.lowerBound)
        writer.count(range.count)
    }

    static func readRange(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> Range<Int> {
        let lower = try reader.varint()
        let count = try reader.varint()
        guard lower < UInt64(ByteReader.largestOffset), count < UInt64(ByteReader.largestOffset) else { throw ByteReader.Malformed(description: "range too large") }
        return Int(lower)..<Int(lower + count)
    }
}
