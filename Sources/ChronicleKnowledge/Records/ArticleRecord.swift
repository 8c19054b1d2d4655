import ChronicleFoundation
import ChroniclePipeline
import Foundation

/// A stored article: the pipeline's document plus what the store knows about it.
/// Records are the source of truth; every index is derived from them.
package struct ArticleRecord: Codable, Sendable, Equatable {
    /// A record is never changed once made, and is copied by the thousand (into look-ups, a
    /// story's reports, query results): kept behind one reference, a copy costs one retain
    /// rather than one for each of its document's arrays and strings.
    private final class Storage: Sendable {
        let id: String
        let sequence: UInt64
        let contentHash: UInt64
        let receivedAt: String
        let document: ArticleDocument
        let tokenSpans: TokenSpans
        let events: StoredEvents

        init(
            id: String, sequence: UInt64, contentHash: UInt64, receivedAt: String, document: ArticleDocument, tokenSpans: TokenSpans,
            events: StoredEvents
        ) {
            (self.id, self.sequence, self.contentHash, self.receivedAt) = (id, sequence, contentHash, receivedAt)
            (self.document, self.tokenSpans, self.events) = (document, tokenSpans, events)
        }
    }

    private let storage: Storage

    package var id: String { storage.id }
    /// Journal sequence number; orders articles by arrival and makes cursors stable.
    package var sequence: UInt64 { storage.sequence }
    package var contentHash: UInt64 { storage.contentHash }
    /// When the store accepted it, ISO 8601.
    package var receivedAt: String { storage.receivedAt }
    /// The document with its tokens and events kept apart, in `tokenSpans` and `events`:
    /// `document.tokens` and `document.events` are empty. They were the largest parts of a
    /// stored article; `fullDocument` has them back.
    package var document: ArticleDocument {
        // Lent, not copied: `record.document.entities` retains the entities alone.
        _read { yield storage.document }
    }
    package var tokenSpans: TokenSpans {
        _read { yield storage.tokenSpans }
    }
    /// The document's events, each decoded when it is read.
    package var events: StoredEvents {
        _read { yield storage.events }
    }

    package init(id: String, sequence: UInt64, contentHash: UInt64, receivedAt: String, document: ArticleDocument) {
        var document = document
        let spans = TokenSpans(document.tokens)
        let events = StoredEvents(document.events)
        (document.tokens, document.events) = ([], [])
        self.init(
            id: id, sequence: sequence, contentHash: contentHash, receivedAt: receivedAt, document: document, tokenSpans: spans,
            events: events)
    }

    /// `document` without its tokens and events, which `tokenSpans` and `events` hold.
    init(
        id: String, sequence: UInt64, contentHash: UInt64, receivedAt: String, document: ArticleDocument, tokenSpans: TokenSpans,
        events: StoredEvents
    ) {
        // The pipeline grows its arrays by appending, up to twice the room they need; a record
        // lives as long as the store, so it keeps exactly what it holds.
        var document = document
        document.paragraphs = document.paragraphs.fitted()
        document.sentences = document.sentences.fitted()
        document.entities = document.entities.fitted()
        document.timexes = document.timexes.fitted()
        document.quotations = document.quotations.fitted()
        storage = Storage(
            id: id, sequence: sequence, contentHash: contentHash, receivedAt: receivedAt, document: document, tokenSpans: tokenSpans,
            events: events)
    }

    package static func == (lhs: ArticleRecord, rhs: ArticleRecord) -> Bool {
        lhs.storage === rhs.storage
            || (lhs.id, lhs.sequence, lhs.contentHash, lhs.receivedAt) == (rhs.id, rhs.sequence, rhs.contentHash, rhs.receivedAt)
            && lhs.document == rhs.document && lhs.tokenSpans == rhs.tokenSpans && lhs.events == rhs.events
    }

    /// The document as the pipeline gave it, tokens and events included.
    package var fullDocument: ArticleDocument {
        var full = document
        full.tokens = tokenSpans.tokens(in: document.text)
        full.events = Array(events)
        return full
    }

    /// Where the report says it comes from: its source, else its agency.
    package var source: String? { document.metadata.source ?? document.metadata.agency }

    /// Whether its clean text is `normalized` (`ContentHash.normalized`), whose hash is `hash`.
    func hasText(normalized: String, hash: UInt64) -> Bool {
        contentHash == hash && ContentHash.normalized(document.text) == normalized
    }

    enum CodingKeys: String, CodingKey {
        case id, sequence, document
        case contentHash = "content_hash"
        case receivedAt = "received_at"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id), sequence: try container.decode(UInt64.self, forKey: .sequence),
            contentHash: try container.decode(UInt64.self, forKey: .contentHash),
            receivedAt: try container.decode(String.self, forKey: .receivedAt),
            document: try container.decode(ArticleDocument.self, forKey: .document))
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(sequence, forKey: .sequence)
        try container.encode(contentHash, forKey: .contentHash)
        try container.encode(receivedAt, forKey: .receivedAt)
        try container.encode(fullDocument, forKey: .document)
    }
}
