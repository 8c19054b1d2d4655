/// One change to the store, as written to the journal.
package enum JournalEntry: Codable, Sendable, Equatable {
    case put(ArticleRecord)
    case delete(id: String, sequence: UInt64)

    package var sequence: UInt64 {
        switch self {
        case .put(let record): record.sequence
        case .delete(_, let sequence): sequence
        }
    }
}
