import ChronicleFoundation
import ChroniclePipeline
import Foundation
import Logging
import Synchronization

/// The in-memory knowledge store with its durability.
///
/// Reads go straight to the state behind a mutex and never wait for the disk. Writes are
/// serialized by the actor and group-committed: entries queue up while the previous batch is
/// being fsynced, then the whole queue is written with one fsync and applied in sequence order.
/// A change is applied only once it is durable, so the state always holds a journal prefix.
///
/// A delete leaves the stories owing a regroup (`StoryIndex.awaitsRegroup`): they are grouped
/// again from the remaining records in the background while writes go on, and the result is
/// adopted once it has caught up with what arrived meanwhile.
package actor KnowledgeStore {
    package enum AddResult: Sendable {
        case created(ArticleRecord)
        case duplicate(ArticleRecord)
    }

    /// The store cannot accept writes (disk full, read-only directory, ...). Reads still work.
    package struct Unavailable: Error, CustomStringConvertible {
        package let description: String
    }

    nonisolated let state: Mutex<StoreState>
    /// The state's `revision`, readable without the lock: set after each change is applied.
    private nonisolated let appliedSequence: Atomic<UInt64>
    private let journal: Journal?
    private let files: DataFiles?
    private let logger: Logger
    private var nextSequence: UInt64
    /// Sequence covered by the newest snapshot on disk; older journal segments become removable
    /// once a newer snapshot exists.
    private var snapshotSequence: UInt64
    private var snapshotTask: Task<SnapshotReport, any Error>?
    /// Entries waiting for the next group commit, and who waits for them.
    private var queue: [JournalEntry] = []
    private var waiters: [CheckedContinuation<Void, any Error>] = []
    /// Articles queued or being flushed, by content hash, so a duplicate in flight is caught.
    private var inFlight: [UInt64: [ArticleRecord]] = [:]
    private var flushing = false
    /// Set by `close`: no more writes.
    private var closed = false
    /// Groups the stories again after deletes, while some are owed.
    private var regroupTask: Task<Void, Never>?
    /// Every durable change, for live subscribers (`GET /v1/stream`).
    package nonisolated let feed: ChangeFeed
    /// What opening the store from its directory took (zero for a store in memory).
    package nonisolated let opening: StoreOpening
    /// Batches written and applied since the store opened: each one journal write and fsync.
    package nonisolated let committedBatches = Atomic<Int>(0)

    /// A store that lives only in memory (for `extract`, tests and benchmarks).
    package init(logger: Logger = Logger(label: "chronicle.store"), feed: ChangeFeed = ChangeFeed()) {
        self.feed = feed
        self.state = Mutex(StoreState())
        self.appliedSequence = Atomic(0)
        self.journal = nil
        self.files = nil
        self.logger = logger
        self.nextSequence = 1
        self.snapshotSequence = 0
        self.opening = StoreOpening()
    }

    /// Opens the store in `directory`: loads the newest readable snapshot and replays the journal
    /// after it. Damaged files are reported in the log and skipped; opening never fails on them.
    package init(directory: String, logger: Logger, feed: ChangeFeed = ChangeFeed()) throws {
        // The story layer's word lists: a missing or malformed file fails the opening, naming it.
        _ = try StoryStopwords.bundled.get()
        _ = try EventKind.bundled.get()
        self.feed = feed
        let files = try DataFiles(directory: directory)
        let clock = ContinuousClock()
        var opening = StoreOpening()
        var recovered = files.recover(logger: logger)
        (opening.readSeconds, opening.decodeSeconds) = (recovered.readSeconds, recovered.decodeSeconds)
        let snapshotSequence = recovered.snapshot.lastSequence
        var start = clock.now
        // A snapshot that keeps the indexes is the state itself; an older one is rebuilt (once:
        // the next snapshot keeps them). Taken out of `recovered`, so that the journal's changes
        // find the state's storage unshared rather than copy all of it.
        var state: StoreState
        if let restored = recovered.snapshot.state.take() {
            state = restored
        } else {
            state = StoreState(records: recovered.snapshot.records, lastSequence: snapshotSequence)
        }
        recovered.snapshot.records = []
        opening.rebuildSeconds = (clock.now - start).seconds
        start = clock.now
        var replayed = 0
        for entry in recovered.journal where entry.sequence > state.lastSequence {
            state.apply(entry)
            replayed += 1
        }
        opening.replaySeconds = (clock.now - start).seconds
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
                "snapshot_sequence": "\(snapshotSequence)", "journal_replayed": "\(replayed)",
                "read_seconds": "\(opening.readSeconds)", "decode_seconds": "\(opening.decodeSeconds)",
                "rebuild_seconds": "\(opening.rebuildSeconds)",
                "replay_seconds": "\(opening.replaySeconds)",
            ])
        self.appliedSequence = Atomic(state.revision)
        self.state = Mutex(state)
        self.journal = journal
        self.files = files
        self.logger = logger
        self.nextSequence = next
        self.snapshotSequence = snapshotSequence
        self.opening = opening
        // Deletes replayed from the journal, or a regroup the snapshot still owed.
        if state.stories.awaitsRegroup { Task { await self.scheduleRegroup() } }
    }

    /// Changes each time the state does (its `revision`), without taking the lock: what a read
    /// returned for version v holds for as long as `version` is v.
    package nonisolated var version: UInt64 { appliedSequence.load(ordering: .acquiring) }

    /// Runs `body` on the current state. Keep it short: writers wait for it.
    package nonisolated func read<T>(_ body: (StoreState) throws -> T) rethrows -> T {
        try state.withLock { try body($0) }
    }

    /// Stores a processed article, or returns the stored one with the same text. Returns only
    /// once the article is in the journal on disk.
    package func add(_ document: ArticleDocument, receivedAt: Date = Date()) async throws -> AddResult {
        try await add([document], receivedAt: receivedAt)[0]
    }

    /// Stores articles, in order, as one batch: one journal write and one fsync for all of them
    /// (the lines of an NDJSON request). A text already stored, on its way to disk or earlier in
    /// the batch is a duplicate of that article. Returns once the batch is on disk.
    package func add(_ documents: [ArticleDocument], receivedAt: Date = Date()) async throws -> [AddResult] {
        let texts = documents.map { document in
            let normalized = ContentHash.normalized(document.text)
            return (hash: ContentHash.of(normalized: normalized), normalized: normalized)
        }
        // A text on its way to disk is a duplicate once that batch lands: wait for it. Nothing
        // awaits from here to the queueing below, so no other write slips in between.
        while texts.contains(where: { text in inFlight[text.hash]?.contains { $0.hasText(normalized: text.normalized, hash: text.hash) } == true }) {
            try? await commit([])
        }
        var results: [AddResult] = []
        var records: [ArticleRecord] = []
        for (document, text) in zip(documents, texts) {
            if let existing = read({ $0.duplicate(normalized: text.normalized, hash: text.hash) })
                ?? records.first(where: { $0.hasText(normalized: text.normalized, hash: text.hash) })
            {
                results.append(.duplicate(existing))
                continue
            }
            var id = "art_" + String(text.hash, radix: 16).leftPadded(to: 16)
            if read({ $0.records[id] != nil }) || inFlight.values.contains(where: { $0.contains { $0.id == id } }) {
                id += "_\(nextSequence)"  // a hash collision
            }
            let record = ArticleRecord(
                id: id, sequence: nextSequence, contentHash: text.hash, receivedAt: receivedAt.formatted(.iso8601), document: document)
            nextSequence += 1
            inFlight[text.hash, default: []].append(record)
            records.append(record)
            results.append(.created(record))
        }
        defer { for record in records { landed(record) } }
        try await commit(records.map { .put($0) })
        return results
    }

    /// The record's batch is on disk (or failed): it is no longer in flight.
    private func landed(_ record: ArticleRecord) {
        inFlight[record.contentHash]?.removeAll { $0.id == record.id }
        if inFlight[record.contentHash]?.isEmpty == true { inFlight[record.contentHash] = nil }
    }

    /// Removes an article and everything derived only from it. Returns false for an unknown id.
    package func delete(id: String) async throws -> Bool {
        let queued = inFlight.values.contains { $0.contains { $0.id == id } }
        guard queued || read({ $0.records[id] != nil }) else { return false }
        try await commit([.delete(id: id, sequence: nextSequence)])
        return true
    }

    /// Waits for the writes already queued, then closes the journal and gives up the data
    /// directory, so another store or process can open it at once; later writes fail with
    /// `Unavailable`. Reads go on working.
    package func close() async {
        guard !closed else { return }
        try? await commit([])
        closed = true
        journal?.closeSegment()
        files?.release()
    }

    /// Queues `entries` (none: only waits for the queue ahead) and returns once their batch is
    /// durable and applied.
    private func commit(_ entries: [JournalEntry]) async throws {
        if closed, !entries.isEmpty { throw Unavailable(description: "the store is closed") }
        if let last = entries.last {
            queue += entries
            nextSequence = last.sequence + 1
        }
        try await withCheckedThrowingContinuation { continuation in
            waiters.append(continuation)
            if !flushing {
                flushing = true
                Task { await self.flush() }
            }
        }
    }

    /// Writes queued batches until the queue is empty; each batch is one write and one fsync,
    /// done off the actor so new entries keep queuing meanwhile.
    private func flush() async {
        while !waiters.isEmpty {
            let batch = queue
            let batchWaiters = waiters
            queue = []
            waiters = []
            var failure: (any Error)?
            if let journal, !batch.isEmpty {
                let nextSequence = self.nextSequence
                let task = Task.detached { () throws in
                    if !journal.isOpen { try journal.startSegment(nextSequence: nextSequence) }
                    try journal.append(batch)
                }
                do {
                    try await task.value
                } catch {
                    logger.error("journal append failed", metadata: ["error": "\(error)", "entries": "\(batch.count)"])
                    failure = Unavailable(description: "the store cannot write to its data directory: \(error)")
                }
            }
            if failure == nil {
                if !batch.isEmpty { committedBatches.add(1, ordering: .relaxed) }
                var changes: [ChangeFeed.Draft] = []
                let describe = feed.isListenedTo
                for entry in batch {
                    // One entry per hold of the lock, so a read waits for one article's indexing
                    // at most. The feed's views are built after it, from a copy of the state that
                    // is gone before the next entry is applied: readers do not wait for them, and
                    // the next write finds the indexes unshared (nothing is copied).
                    let applied: UInt64
                    if describe {
                        let (change, after) = state.withLock { state in (state.applyForFeed(entry), state) }
                        applied = after.revision
                        changes += after.feedDrafts(for: change)
                    } else {
                        applied = state.withLock { state in
                            state.apply(entry)
                            return state.revision
                        }
                    }
                    appliedSequence.store(applied, ordering: .releasing)
                }
                // Only what is durable goes out, in journal order (one flush at a time).
                feed.publish(changes)
                if read({ $0.stories.awaitsRegroup }) { scheduleRegroup() }
            }
            for waiter in batchWaiters {
                if let failure { waiter.resume(throwing: failure) } else { waiter.resume() }
            }
        }
        flushing = false
    }

    // MARK: Regrouping stories

    /// Starts grouping the stories again, unless that is already under way.
    private func scheduleRegroup() {
        guard regroupTask == nil else { return }
        regroupTask = Task { await self.regroupStories() }
    }

    /// Groups the stories again from a copy of the state, off the actor, until a regroup is
    /// adopted with none owed after it. A delete during a regroup makes it stale: it stops and
    /// starts over from a newer copy (a burst of deletes costs about one regroup).
    private func regroupStories() async {
        while read({ $0.stories.awaitsRegroup }) {
            let basis = read { $0 }
            let regrouped = await Task.detached(priority: .utility) {
                basis.regroupedStories { self.read { $0.stories.removals } != basis.stories.removals }
            }.value
            guard let regrouped else { continue }
            let describe = feed.isListenedTo
            // On the actor, between two batches' entries: no write is half applied.
            let drafts: [ChangeFeed.Draft]? = state.withLock { state in
                let previous = state.stories
                guard state.adoptStories(regrouped, groupedFrom: basis) else { return nil }
                appliedSequence.store(state.revision, ordering: .releasing)
                return describe ? state.feedDrafts(afterRegroupFrom: previous) : []
            }
            if let drafts {
                feed.publish(drafts)
                logger.info("stories regrouped", metadata: ["articles": "\(basis.articleCount)", "stories": "\(regrouped.storyIDs.count)"])
            }
        }
        regroupTask = nil
    }

    /// Returns once no regroup of the stories is owed or under way.
    package func storiesSettled() async {
        if read({ $0.stories.awaitsRegroup }) { scheduleRegroup() }
        while let task = regroupTask { await task.value }
    }

    /// What a full check of the store found (`GET /v1/admin/verify`).
    package struct Verification: Sendable, Codable {
        package let articles: Int
        package let lastSequence: UInt64
        /// Indexes that differ from a rebuild from the records; empty when all agree.
        package let differingIndexes: [String]
        package let seconds: Double

        enum CodingKeys: String, CodingKey {
            case articles, seconds
            case lastSequence = "last_sequence"
            case differingIndexes = "differing_indexes"
        }
    }

    /// Rebuilds every index from the records, off the lock, and compares, once the stories owe no
    /// regroup. Costs a rebuild (seconds for tens of thousands of articles), and the next write
    /// copies the indexes once.
    package nonisolated func verify() async -> Verification {
        await storiesSettled()
        let current = read { $0 }
        return await Task.detached(priority: .utility) {
            let clock = ContinuousClock.now
            let differing = current.indexesDifferingFromRebuild()
            return Verification(
                articles: current.articleCount, lastSequence: current.lastSequence, differingIndexes: differing,
                seconds: (ContinuousClock.now - clock).seconds)
        }.value
    }

    // MARK: Snapshots

    package struct SnapshotReport: Sendable, Codable {
        package let articles: Int
        package let sequence: UInt64
        package let bytes: Int
        package let seconds: Double
    }

    /// Writes a snapshot of the current state and drops the journal segments it makes redundant.
    /// Writes continue while the snapshot is encoded and written; a second call during one waits
    /// for it.
    package func writeSnapshot() async throws -> SnapshotReport {
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
        guard !closed else { throw Unavailable(description: "the store is closed") }
        // A copy of the state as it is now (the next write copies what it changes, once), so
        // the records and the indexes' decisions are written as of one sequence while writes go on.
        let state = read { $0 }
        let previousSequence = snapshotSequence
        do {
            try journal.startSegment(nextSequence: nextSequence)
        } catch {
            throw Unavailable(description: "cannot start a journal segment: \(error)")
        }
        let logger = self.logger
        let task = Task.detached(priority: .utility) { () throws -> SnapshotReport in
            let clock = ContinuousClock.now
            let contents = SnapshotFile.Contents(state: state)
            let bytes = try files.writeSnapshot(contents)
            let seconds = (ContinuousClock.now - clock).seconds
            logger.info(
                "snapshot written",
                metadata: ["articles": "\(contents.records.count)", "bytes": "\(bytes)", "seconds": "\(seconds)"])
            return SnapshotReport(articles: contents.records.count, sequence: contents.lastSequence, bytes: bytes, seconds: seconds)
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
