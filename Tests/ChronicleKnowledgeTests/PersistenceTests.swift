import ChronicleKnowledge
import ChroniclePipeline
import Foundation
import Logging
import Testing

@Suite("Persistence: journal, snapshots and recovery")
struct PersistenceTests {
    @Test("every acknowledged article is back after reopening, from the journal alone")
    func journalReplay() async throws {
        let directory = temporaryDirectory()
        var ids: [String] = []
        do {
            let store = try KnowledgeStore(directory: directory, logger: quietLogger)
            for index in 0..<5 {
                guard case .created(let record) = try await store.add(makeDocument("Story number \(index) happened.")) else {
                    Issue.record("expected a new article")
                    return
                }
                ids.append(record.id)
            }
            #expect(try await store.delete(id: ids[2]))
            await store.close()
        }
        let reopened = try KnowledgeStore(directory: directory, logger: quietLogger)
        let stored = reopened.read { Set($0.records.keys) }
        #expect(stored == Set(ids).subtracting([ids[2]]))
        #expect(reopened.read { $0.lastSequence } == 6)
    }

    @Test("concurrent writers are group-committed: all durable, the same text stored once")
    func groupCommit() async throws {
        let directory = temporaryDirectory()
        var created: [String] = []
        do {
            let store = try KnowledgeStore(directory: directory, logger: quietLogger)
            let results = try await withThrowingTaskGroup(of: KnowledgeStore.AddResult.self) { group in
                for index in 0..<40 {
                    // Every fifth article repeats the text of article zero.
                    let text = index % 5 == 0 ? "The same wire copy." : "Distinct report \(index)."
                    group.addTask { try await store.add(makeDocument(text)) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            for result in results {
                if case .created(let record) = result { created.append(record.id) }
            }
            let duplicates = results.compactMap { result -> String? in
                if case .duplicate(let record) = result { return record.id }
                return nil
            }
            #expect(created.count == 33)
            #expect(duplicates.count == 7)
            #expect(Set(duplicates).count == 1)
            #expect(store.read { $0.indexesMatchRebuild() })
            await store.close()
        }
        let reopened = try KnowledgeStore(directory: directory, logger: quietLogger)
        #expect(Set(reopened.read { Array($0.records.keys) }) == Set(created))
    }

    @Test("a snapshot plus the journal after it restore the same state")
    func snapshotThenJournal() async throws {
        let directory = temporaryDirectory()
        do {
            let store = try KnowledgeStore(directory: directory, logger: quietLogger)
            for index in 0..<3 { _ = try await store.add(makeDocument("Before the snapshot \(index).")) }
            let report = try await store.writeSnapshot()
            #expect(report.articles == 3)
            #expect(report.sequence == 3)
            for index in 0..<2 { _ = try await store.add(makeDocument("After the snapshot \(index).")) }
            await store.close()
        }
        let reopened = try KnowledgeStore(directory: directory, logger: quietLogger)
        #expect(reopened.read { $0.articleCount } == 5)
        #expect(reopened.read { $0.indexesMatchRebuild() })
    }

    @Test("a torn journal tail is reported, cut off and skipped")
    func tornJournalTail() async throws {
        let directory = temporaryDirectory()
        do {
            let store = try KnowledgeStore(directory: directory, logger: quietLogger)
            _ = try await store.add(makeDocument("First article text."))
            _ = try await store.add(makeDocument("Second article text."))
            await store.close()
        }
        let segment = try #require(
            try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix("journal-") }.sorted()
                .first)
        let path = directory + "/" + segment
        let handle = try #require(FileHandle(forWritingAtPath: path))
        let size = try handle.seekToEnd()
        try handle.truncate(atOffset: size - 7)  // a crash in the middle of the second record
        try handle.close()

        do {
            let recorder = RecordingLogHandler()
            let logger = Logger(label: "test") { _ in recorder }
            let reopened = try KnowledgeStore(directory: directory, logger: logger)
            #expect(reopened.read { $0.records.values.map(\.document.text) } == ["First article text."])
            #expect(recorder.messages.contains { $0.contains("journal tail skipped") && $0.contains("truncated record") })
            // The next write goes after the repaired tail and survives another restart.
            _ = try await reopened.add(makeDocument("Third article text."))
            await reopened.close()
        }
        let again = try KnowledgeStore(directory: directory, logger: quietLogger)
        #expect(Set(again.read { $0.records.values.map(\.document.text) }) == ["First article text.", "Third article text."])
    }

    @Test("a corrupt newest snapshot falls back to the previous one and the journal")
    func corruptSnapshotFallsBack() async throws {
        let directory = temporaryDirectory()
        do {
            let store = try KnowledgeStore(directory: directory, logger: quietLogger)
            _ = try await store.add(makeDocument("One."))
            _ = try await store.writeSnapshot()
            _ = try await store.add(makeDocument("Two."))
            _ = try await store.writeSnapshot()
            _ = try await store.add(makeDocument("Three."))
            await store.close()
        }
        let snapshot = directory + "/snapshot.chs"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: snapshot))
        bytes[bytes.count - 3] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: snapshot))

        let recorder = RecordingLogHandler()
        let reopened = try KnowledgeStore(directory: directory, logger: Logger(label: "test") { _ in recorder })
        #expect(Set(reopened.read { $0.records.values.map(\.document.text) }) == ["One.", "Two.", "Three."])
        #expect(recorder.messages.contains { $0.contains("snapshot skipped") && $0.contains("payload checksum mismatch") })
    }

    @Test("garbage in place of every file still opens, empty, without crashing")
    func garbageFiles() throws {
        let directory = temporaryDirectory()
        for name in ["snapshot.chs", "snapshot.prev.chs", "journal-00000000000000000001.log"] {
            try Data("not chronicle data at all".utf8).write(to: URL(fileURLWithPath: directory + "/" + name))
        }
        let store = try KnowledgeStore(directory: directory, logger: quietLogger)
        #expect(store.read { $0.articleCount } == 0)
    }

    @Test("snapshots drop journal segments that two snapshots no longer need")
    func journalSegmentsAreTruncated() async throws {
        let directory = temporaryDirectory()
        let store = try KnowledgeStore(directory: directory, logger: quietLogger)
        func segments() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix("journal-") }.sorted()
        }
        _ = try await store.add(makeDocument("A."))
        _ = try await store.writeSnapshot()
        _ = try await store.add(makeDocument("B."))
        _ = try await store.writeSnapshot()
        _ = try await store.add(makeDocument("C."))
        _ = try await store.writeSnapshot()
        // Kept: the entries after the previous snapshot (sequence 2: "B." onwards).
        #expect(try segments() == ["journal-00000000000000000003.log", "journal-00000000000000000004.log"])
    }

    @Test("a second process cannot open the same data directory; once the first is closed it can")
    func directoryLock() async throws {
        let directory = temporaryDirectory()
        let first = try KnowledgeStore(directory: directory, logger: quietLogger)
        _ = try await first.add(makeDocument("Written before closing."))
        // flock is per open file description, so a second open in the same process conflicts too.
        #expect(throws: (any Error).self) { try KnowledgeStore(directory: directory, logger: quietLogger) }
        await first.close()
        await #expect(throws: KnowledgeStore.Unavailable.self) { try await first.add(makeDocument("Written after closing.")) }
        #expect(first.read { $0.articleCount } == 1)
        let second = try KnowledgeStore(directory: directory, logger: quietLogger)
        #expect(second.read { $0.records.values.map(\.document.text) } == ["Written before closing."])
    }
}
