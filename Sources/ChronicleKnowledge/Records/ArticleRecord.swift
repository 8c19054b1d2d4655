import ChronicleFoundation
import ChroniclePipeline
import Foundation

/// A stored article: the pipeline's document plus what the store knows about it.
/// Records are the source of truth; every index is derived from them.
package struct ArticleRecord: Codable, Sendable, Equatable {
    package var id: String
    /// Journal sequence number; orders articles by arrival and makes cursors stable.
    package var sequence: UInt64
    package var contentHash: UInt64
    /// When the store accepted it, ISO 8601.
    package var receivedAt: String
    /// The document with its tokens kept apart, in `tokenSpans`: `document.tokens` is empty.
    /// Tokens were the largest part of a stored article; `fullDocument` has them back.
    package private(set) var document: ArticleDocument
    package private(set) var tokenSpans: TokenSpans

    package init(id: String, sequence: UInt64, contentHash: UInt64, receivedAt: String, document: ArticleDocument) {
        var document = document
        let spans = TokenSpans(document.tokens)
        document.tokens = []
        self.init(id: id, sequence: sequence, contentHash: contentHash, receivedAt: receivedAt, document: document, tokenSpans: spans)
    }

    /// `document` without its tokens, which `tokenSpans` holds.
    init(id: String, sequence: UInt64, contentHash: UInt64, receivedAt: String, document: ArticleDocument, tokenSpans: TokenSpans) {
        self.id = id
        self.sequence = sequence
        self.contentHash = contentHash
        self.receivedAt = receivedAt
        // The pipeline grows its arrays by appending, up to twice the room they need; a record
        // lives as long as the store, so it keeps exactly what it holds.
        var document = document
        document.paragraphs = document.paragraphs.fitted()
        document.sentences = document.sentences.fitted()
        document.entities = document.entities.fitted()
        document.timexes = document.timexes.fitted()
        document.events = document.events.fitted()
        document.quotations = document.quotations.fitted()
        self.document = document
        self.tokenSpans = tokenSpans
    }

    /// The document as the pipeline gave it, tokens included.
    package var fullDocument: ArticleDocument {
        var full = document
        full.tokens = tokenSpans.tokens(in: document.text)
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
