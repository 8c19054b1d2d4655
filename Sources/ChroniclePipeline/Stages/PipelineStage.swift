/// One named step of the extraction pipeline. A stage reads what earlier stages wrote into the
/// document and adds its own annotations; stages never call each other.
public protocol PipelineStage: Sendable {
    var name: String { get }
    func process(_ document: inout ArticleDocument) throws(PipelineError)
}

/// Why a document could not be processed. The message is meant for the person who sent it.
public enum PipelineError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing is left once page chrome and markup are removed.
    case emptyText
    case invalidPublishedAt(String)

    public var description: String {
        switch self {
        case .emptyText: "the article has no text once markup and page chrome are removed"
        case .invalidPublishedAt(let value):
            "published_at '\(value)' is not an ISO 8601 date (2025-05-16) or date-time (2025-05-16T23:35:00Z)"
        }
    }
}
