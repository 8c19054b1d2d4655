import ChronicleFoundation
import ChronicleKnowledge
import ChroniclePipeline
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What a store of N articles costs: rebuilding its indexes from the records (what loading a
/// snapshot older than version 4 does), writing its snapshot and reading it back with the
/// indexes restored (what opening a store does), and the memory it holds. For
/// `chronicle store bench`.
package enum StoreBenchmark {
    package struct Report: Sendable {
        package let articles: Int
        package let rebuildSeconds: Double
        package let snapshotBytes: Int
        package let snapshotEncodeSeconds: Double
        /// Decoding the snapshot, its indexes restored.
        package let snapshotDecodeSeconds: Double
        /// Whether the restored state is the one written, down to every id and float.
        package let restoredIsWritten: Bool
        /// Grouping the stories again after one article (the middle one) is deleted: what the
        /// store does in the background after a delete.
        package let storyRegroupSeconds: Double
        /// Resident memory the store adds (its records and indexes), of which its records alone,
        /// and the bytes of text (input and clean) the records hold.
        package let residentBytes: Int
        package let recordBytes: Int
        /// What the entity and event indexes add to the records (the rest is the story index).
        package let entityAndEventIndexBytes: Int
        package let textBytes: Int
    }

    /// Loads the records, builds a state from them and measures the memory both hold once only
    /// the state holds the records (measured from before they were loaded, so the records count),
    /// then encodes and decodes its snapshot.
    package static func run(load: () throws -> [ArticleRecord]) throws -> Report {
        trimHeap()
        let before = residentBytes()
        var input = try load()
        let count = input.count
        let textBytes = input.reduce(0) { $0 + $1.document.text.utf8.count + $1.document.input.bodyText.utf8.count }
        trimHeap()
        let recordBytes = residentBytes() - before
        var partial: StoreState? = StoreState()
        for record in input { partial?.insert(record, addToStories: { _, _, _ in }) }
        trimHeap()
        let entityAndEventIndexBytes = residentBytes() - before - recordBytes
        partial = nil
        trimHeap()
        let clock = ContinuousClock()
        var state: StoreState?
        let rebuild = clock.measure { state = StoreState(records: input, lastSequence: UInt64(count)) }
        input = []
        trimHeap()
        let resident = residentBytes() - before
        guard let state else { throw PersistenceError(description: "no state") }
        var data = Data()
        let encode = try clock.measure { data = try SnapshotFile.encode(SnapshotFile.Contents(state: state)) }
        var restored: StoreState?
        let decode = try clock.measure { restored = try SnapshotFile.decode(data).state }
        let restoredIsWritten = restored?.differences(from: state) == []
        restored = nil
        var afterDelete = state
        if let middle = state.record(forSequence: state.sequences[state.sequences.count / 2]) {
            afterDelete.apply(.delete(id: middle.id, sequence: state.lastSequence + 1))
        }
        let regroup = clock.measure { afterDelete.regroupStoriesIfOwed() }
        return Report(
            articles: count, rebuildSeconds: rebuild.seconds, snapshotBytes: data.count, snapshotEncodeSeconds: encode.seconds,
            snapshotDecodeSeconds: decode.seconds, restoredIsWritten: restoredIsWritten, storyRegroupSeconds: regroup.seconds,
            residentBytes: resident, recordBytes: recordBytes, entityAndEventIndexBytes: entityAndEventIndexBytes, textBytes: textBytes)
    }

    /// Resident set size of this process, from /proc/self/statm (0 where there is none).
    package static func residentBytes() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Hands freed memory back to the system, so the resident size counts what is in use.
    static func trimHeap() {
        // glibc's malloc_trim, which the Glibc module does not export.
        typealias Trim = @convention(c) (Int) -> Int32
        if let trim = dlsym(nil, "malloc_trim") { _ = unsafeBitCast(trim, to: Trim.self)(0) }
    }
}

extension ArticleInput {
    /// The submitted text or page.
    var bodyText: String {
        switch body {
        case .text(let text), .html(let text): text
        }
    }
}
