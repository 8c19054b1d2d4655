@testable import ChronicleKnowledge
import ChroniclePipeline
import ChronicleTestSupport
import Foundation
import Logging

/// A document as the pipeline would produce it, with one entity and one event, written here
/// so the store's tests do not depend on what the pipeline stages find.
func makeDocument(_ text: String, date: String? = "2025-05-16", source: String = "Test Wire", eventType: String = "MEET")
    -> ArticleDocument
{
    var document = ArticleDocument(input: .text(text))
    document.text = text
    document.metadata.publicationDate = date
    document.metadata.source = source
    let scalars = Array(text.unicodeScalars)
    document.sentences = [Sentence(span: TextSpan(start: 0, end: scalars.count), tokens: 0..<0)]
    let name = String(String.UnicodeScalarView(scalars.prefix(5)))
    document.entities = [EntityMention(span: TextSpan(start: 0, end: 5), text: name, type: .person)]
    document.events = [
        EventMention(type: eventType, trigger: TextSpan(start: 0, end: 5), sentence: 0, actors: [EventActor(role: "agent", name: name)])
    ]
    return document
}

func temporaryDirectory() -> String {
    ScratchDirectory.make("store").path
}

let quietLogger: Logger = {
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    return logger
}()

/// Collects log messages, to assert that damaged files are reported.
final class RecordingLogHandler: LogHandler, @unchecked Sendable {
    let lock = NSLock()
    private(set) var messages: [String] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lock.withLock { messages.append("\(event.level) \(event.message) \(event.metadata ?? [:])") }
    }
}

/// `record` as a file in an older record format gives it back: without what that format did not
/// hold (format 3: the events' lemmas, TimeML attributes and parties in their own words, whose
/// actors read back as entities; format 2 also the quoted terms and the quotations' channels).
func recordAsRead(_ record: ArticleRecord, fromFormat format: UInt8) -> ArticleRecord {
    var document = record.document
    var events = Array(record.events)
    if format < 4 {
        for index in events.indices {
            events[index].lemma = nil
            events[index].eventClass = nil
            events[index].tense = nil
            events[index].aspect = nil
            events[index].polarity = nil
            for actor in events[index].actors.indices { events[index].actors[actor].isEntity = true }
        }
    }
    if format < 3 {
        document.quotedTerms = []
        for index in document.quotations.indices { document.quotations[index].reportedBy = nil }
    }
    return ArticleRecord(
        id: record.id, sequence: record.sequence, contentHash: record.contentHash, receivedAt: record.receivedAt, document: document,
        tokenSpans: record.tokenSpans, events: StoredEvents(events))
}
