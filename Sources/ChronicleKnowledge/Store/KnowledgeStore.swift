import ChroniclePipeline
import Foundation
import Logging
import Synchronization

/// The in-memory knowledge store with its durability.
///
/// Reads go straight to the state behind a mutex and never wait for the disk. Writes are
/// serialized by the actor: each is appended to the journal and fsynced, then applied, so a
/// change is applied only once it is durable and the state always holds a journal prefix.
public actor KnowledgeStore {
    public enum AddResult: Sendable {
        case created(ArticleRecord)
        case duplicate(ArticleRecord)
    }

    /// The store cannot accept writes (disk full, read-only directory, ...). Reads still work.
    public struct Unavailable: Error, CustomStringConvertible {
        public let description: String
    }

    nonisolated let state: Mutex<StoreState>
    private let journal: Journal?
    private let files: DataFiles?
    private let logger: Logger
    private var nextSequence: UInt64
    /// Sequence covered by the newest snapshot on disk; older journal segments become removable
    /// once a newer snapshot exists.
    private var snapshotSequence: UInt64
    private var snapshotTask: Task<SnapshotReport, any Error>?

    /// A store that lives only in memory (for `extract`, tests and benchmarks).
    public init(logger: Logger = Logger(label: "chronicle.store")) {
        self.state = Mutex(StoreState())
        self.journal = nil
        self.files = nil
        self.logger = logger
        self.nextSequence = 1
        self.snapshotSequence = 0
    }

    /// Opens the store in `directory`: loads the newest readable snapshot and replays the journal
    /// after it. Damaged files are reported in the log and skipped; opening never fails on them.
    public init(directory: String, logger: Logger) throws {
        let files = try DataFiles(directory: directory)
        let recovered = files.recover(logger: logger)
        var state = StoreState(records: recovered.snapshot.records, lastSequence: recovered.snapshot.lastSequence)
        var replayed = 0
        for entry in recovered.journal where entry.sequence > state.lastSequence {
            state.apply(entry)
            replayed += 1
        }
        let journal = Journal(directory: directory)
        let next = state.lastSequence + 1
        do {
            try journal.startSegment(nextSequence: next)
        } catch {
            logger.error("journal cannot be opened: the store is read-only", metadata: ["error": "\(error)"])
        }
        logger.info(
            "store loaded",
            metadata: [
                "directory": "\(directory)", "articles": "\(state.articleCount)",
                "snapshot_sequence": "\(recovered.snapshot.lastSequence)", "journal_replayed": "\(replayed)",
            ])
        self.state = Mutex(state)
        self.journal = journal
        self.files = files
        self.logger = logger
        self.nextSequence = next
        self.snapshotSequence = recovered.snapshot.lastSequence
    }

    /// Runs `body` on the current state. Keep it short: writers wait for it.
    public nonisolated func read<T>(_ body: (borrowing StoreState) throws -> T) rethrows -> T {
        try state.withLock { try body($0) }
    }

    /// Stores a processed article, or returns the stored one with the same text. Returns only
    /// once the article is in the journal on disk.
    public func add(_ document: ArticleDocument, receivedAt: Date = Date()) throws -> AddResult {
        let hash = ContentHash.of(document.text)
        if let existing = read({ $0.duplicate(of: document.text, hash: hash) }) {
            return .duplicate(existing)
        }
        var id = "art_" + String(hash, radix: 16).leftPadded(to: 16)
        if read({ $0.records[id] != nil }) { id += "_\(nextSequence)" }  // a hash collision
        let record = ArticleRecord(
            id: id, sequence: nextSequence, contentHash: hash,
            receivedAt: receivedAt.formatted(.iso8601), document: document)
        try commit(.put(record))
        return .created(record)
    }

    /// Removes an article and everything derived only from it. Returns false for an unknown id.
    public func delete(id: String) throws -> Bool {
        guard read({ $0.records[id] != nil }) else { return false }
        try commit(.delete(id: id, sequence: nextSequence))
        return true
    }

    private func commit(_ entry: JournalEntry) throws {
        if let journal {
            do {
                if !journal.isOpen { try journal.startSegment(nextSequence: nextSequence) }
                try journal.append(entry)
            } catch {
                logger.error("journal append failed", metadata: ["error": "\(error)"])
                throw Unavailable(description: "the store cannot write to its data directory: \(error)")
            }
        }
        nextSequence += 1
        state.withLock { $0.apply(entry) }
    }

    // MARK: Snapshots

    public struct SnapshotReport: Sendable, Codable {
        public let articles: Int
        public let sequence: UInt64
        public let bytes: Int
        public let seconds: Double
    }

    /// Writes a snapshot of the current state and drops the journal segments it makes redundant.
    /// Writes continue while the snapshot is encoded and written; a second call during one waits
    /// for it.
    public func writeSnapshot() async throws -> SnapshotReport {
        if let running = snapshotTask {
            do {
                return try await running.value
            } catch {
                throw Unavailable(description: "snapshot failed: \(error)")
            }
        }
        guard let files, let journal else {
            throw Unavailable(description: "this store has no data directory")
        }
        let captured = read { copy $0 }
        let previousSequence = snapshotSequence
        do {
            try journal.startSegment(nextSequence: nextSequence)
        } catch {
            throw Unavailable(description: "cannot start a journal segment: \(error)")
        }
        let logger = self.logger
        let task = Task.detached(priority: .utility) { () throws -> SnapshotReport in
            let clock = ContinuousClock.now
            let records = captured.sequences.compactMap { captured.record(forSequence: $0) }
            let bytes = try files.writeSnapshot(records: records, lastSequence: captured.lastSequence)
            let elapsed = ContinuousClock.now - clock
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            logger.info(
                "snapshot written",
                metadata: ["articles": "\(records.count)", "bytes": "\(bytes)", "seconds": "\(seconds)"])
            return SnapshotReport(articles: records.count, sequence: captured.lastSequence, bytes: bytes, seconds: seconds)
        }
        snapshotTask = task
        defer { snapshotTask = nil }
        do {
            let report = try await task.value
            snapshotSequence = report.sequence
            journal.removeSegments(coveredThrough: previousSequence)
            return report
        } catch {
            logger.error("snapshot failed, will retry", metadata: ["error": "\(error)"])
            throw Unavailable(description: "snapshot failed: \(error)")
        }
    }
}
