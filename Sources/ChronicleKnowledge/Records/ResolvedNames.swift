import ChroniclePipeline

/// What each entity name of one article (its type and canonical name) was resolved to when the
/// article arrived. A short list rather than a dictionary: an article names a dozen or two
/// entities, and a dictionary keyed by `type|name` strings cost a new string per name, over a
/// kilobyte an article.
struct ResolvedNames: Sendable {
    struct Entry: Sendable, Equatable {
        let type: EntityType
        let canonicalName: String
        let id: String
    }

    let entries: [Entry]

    init(_ entries: [Entry]) { self.entries = entries }

    subscript(type: EntityType, canonicalName: String) -> String? {
        entries.first { $0.type == type && $0.canonicalName == canonicalName }?.id
    }

    var ids: Set<String> { Set(entries.map(\.id)) }
}
