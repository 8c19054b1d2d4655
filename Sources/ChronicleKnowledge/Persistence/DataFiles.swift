import Foundation
import Synchronization
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The files of a data directory: `snapshot.chs` (newest), `snapshot.prev.chs` (the one before,
/// kept so a damaged newest snapshot still leaves a complete history), the journal segments, and
/// a `LOCK` file that keeps a second process out.
struct DataFiles: Sendable {
    let directory: String
    var current: String { (directory as NSString).appendingPathComponent("snapshot.chs") }
    var previous: String { (directory as NSString).appendingPathComponent("snapshot.prev.chs") }

    private let lock: DirectoryLock

    init(directory: String) throws {
        self.directory = directory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        lock = try DirectoryLock(directory: directory)
    }

    /// Gives up the directory (`KnowledgeStore.close`).
    func release() { lock.release() }

    struct Recovered {
        var snapshot: SnapshotFile.Contents
        var journal: [JournalEntry]
        /// Reading the files, and decoding them (the snapshot's indexes restored included).
        var readSeconds = 0.0
        var decodeSeconds = 0.0
    }

    func recover(logger: Logger) -> Recovered {
        let clock = ContinuousClock()
        var recovered = Recovered(snapshot: SnapshotFile.Contents(lastSequence: 0, records: []), journal: [])
        for path in [current, previous] where FileManager.default.fileExists(atPath: path) {
            do {
                var start = clock.now
                let bytes = try DurableFile.readAll(path)
                recovered.readSeconds += (clock.now - start).seconds
                start = clock.now
                defer { recovered.decodeSeconds += (clock.now - start).seconds }
                recovered.snapshot = try SnapshotFile.decode(bytes)
                if let problem = recovered.snapshot.indexProblem {
                    logger.error("snapshot indexes skipped: rebuilding them from its records", metadata: ["path": "\(path)", "error": "\(problem)"])
                }
                break
            } catch {
                logger.error("snapshot skipped", metadata: ["path": "\(path)", "error": "\(error)"])
            }
        }
        let start = clock.now
        recovered.journal = Journal.readAll(directory: directory, after: recovered.snapshot.lastSequence, logger: logger)
            .sorted { $0.sequence < $1.sequence }
        recovered.readSeconds += (clock.now - start).seconds
        return recovered
    }

    /// Keeps the current snapshot as the previous one, then writes the new one atomically.
    func writeSnapshot(_ contents: SnapshotFile.Contents) throws -> Int {
        // Written beside the current one first, so a failure leaves the snapshots as they were.
        return try DurableFile.replace(current, keepingOldAt: previous) { fd, path in
            try SnapshotFile.write(contents, to: fd, path: path)
        }
    }
}

/// An exclusive `flock` on `LOCK`, held while the store is open; the kernel drops it when the
/// process dies, so `kill -9` never leaves a stale lock behind.
final class DirectoryLock: Sendable {
    private let descriptor: Mutex<Int32>

    init(directory: String) throws {
        let path = (directory as NSString).appendingPathComponent("LOCK")
        // O_CLOEXEC: a process this one starts must not inherit the lock and keep it.
        var fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0 { fd = open(path, O_RDONLY | O_CLOEXEC) }  // a read-only directory can still be read
        if fd >= 0, flock(fd, LOCK_EX | LOCK_NB) != 0, errno == EWOULDBLOCK {
            close(fd)
            throw PersistenceError(description: "data directory \(directory) is in use by another chronicle process")
        }
        descriptor = Mutex(fd)
    }

    /// Lets another store open the directory now rather than when this one is freed.
    func release() {
        descriptor.withLock { fd in
            if fd >= 0 { close(fd) }
            fd = -1
        }
    }

    deinit { release() }
}
