import ChroniclePipeline
import Foundation

/// A stored article: the pipeline's document plus what the store knows about it.
/// Records are the source of truth; every index is derived from them.
public struct ArticleRecord: Codable, Sendable, Equatable {
    public var id: String
    /// Journal sequence number; orders articles by arrival and makes cursors stable.
    public var sequence: UInt64
    public var contentHash: UInt64
    /// When the store accepted it, ISO 8601.
    public var receivedAt: String
    public var document: ArticleDocument

    public init(id: String, sequence: UInt64, contentHash: UInt64, receivedAt: String, document: ArticleDocument) {
        self.id = id
        self.sequence = sequence
        self.contentHash = contentHash
        self.receivedAt = receivedAt
        self.document = document
    }

    enum CodingKeys: String, CodingKey {
        case id, sequence, document
        case contentHash = "content_hash"
        case receivedAt = "received_at"
    }
}
