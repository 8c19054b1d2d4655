import Foundation
import Synchronization

/// The look-ups of records in sequence order (a snapshot's): by id, by sequence and by content
/// hash, built side by side, each on its own core.
struct RecordLookups: Sendable {
    private(set) var byID: [String: ArticleRecord] = [:]
    private(set) var idsBySequence: [UInt64: String] = [:]
    private(set) var idsByHash: [UInt64: [String]] = [:]
    private(set) var sequences: [UInt64] = []

    /// Nil when an id or a sequence repeats, or the sequences are not ascending.
    init?(records: [ArticleRecord]) {
        let built = Mutex(RecordLookups())
        DispatchQueue.concurrentPerform(iterations: 3) { part in
            switch part {
            case 0:
                var byID: [String: ArticleRecord] = [:]
                byID.reserveCapacity(records.count)
                for record in records { byID[record.id] = record }
                built.withLock { [byID] in $0.byID = byID }
            case 1:
                var idsBySequence: [UInt64: String] = [:]
                idsBySequence.reserveCapacity(records.count)
                for record in records { idsBySequence[record.sequence] = record.id }
                built.withLock { [idsBySequence] in $0.idsBySequence = idsBySequence }
            default:
                var idsByHash: [UInt64: [String]] = [:]
                for record in records { idsByHash[record.contentHash, default: []].append(record.id) }
                let sequences = records.map(\.sequence)
                built.withLock { [idsByHash] in
                    $0.idsByHash = idsByHash
                    $0.sequences = sequences
                }
            }
        }
        self = built.withLock { $0 }
        guard byID.count == records.count, zip(sequences, sequences.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
    }

    private init() {}
}
