import ChronicleFoundation
import ChroniclePipeline
import ChronicleTestSupport
import Foundation
import Testing

@testable import ChronicleKnowledge

/// A snapshot keeps the indexes' decisions next to the records, and opening it restores them
/// rather than rebuilding: the restored state is the written one, down to every id, look-up and
/// float, and goes on exactly as it would have.
@Suite("Snapshots restore the indexes")
struct SnapshotStateTests {
    static let pipeline = Result { try Pipeline.standard() }

    /// Generated reports (and the seeds when present) through the pipeline.
    static func documents(seed: UInt64, count: Int) throws -> [ArticleDocument] {
        let pipeline = try pipeline.get()
        let seeds = SharedData.seedsAvailable ? try SharedData.seedTexts().map { ArticleInput.text($0) } : []
        let generated = GeneratedArticles.make(count: count, seed: seed).map { ArticleInput(body: .text($0.text), publishedAt: $0.publishedAt) }
        return try (seeds + generated).map { try pipeline.run($0) }
    }

    static func restored(_ state: StoreState) throws -> StoreState {
        let contents = try SnapshotFile.decode(try SnapshotFile.encode(SnapshotFile.Contents(state: state)))
        #expect(contents.indexProblem == nil)
        return try #require(contents.state)
    }

    @Test("random adds and deletes, a snapshot every few steps: restored equals written, and both go on alike", arguments: [4, 5] as [UInt64])
    func roundTrips(seed: UInt64) throws {
        let documents = try Self.documents(seed: seed, count: 60)
        var random = SplitMix64(seed: seed)
        var live = StoreState()
        var restored: StoreState?
        var stored: [Int] = []
        var snapshots = 0
        var steps = 0
        for sequence in 1...90 as ClosedRange<UInt64> {
            let entry: JournalEntry
            if stored.count > 3, random.below(4) == 0 {
                entry = .delete(id: "art_\(stored.remove(at: random.below(stored.count)))", sequence: sequence)
            } else {
                let index = random.below(documents.count)
                guard !stored.contains(index) else { continue }
                stored.append(index)
                entry = .put(ArticleRecord(id: "art_\(index)", sequence: sequence, contentHash: UInt64(index), receivedAt: "", document: documents[index]))
            }
            live.apply(entry)
            restored?.apply(entry)
            steps += 1
            if let restored { #expect(restored.differences(from: live) == [], "step \(sequence), after snapshot \(snapshots)") }
            if steps % 12 == 0 {
                restored = try Self.restored(live)
                snapshots += 1
                #expect(restored?.differences(from: live) == [], "snapshot at step \(sequence)")
            }
        }
        #expect(snapshots == steps / 12)
        #expect(snapshots >= 5)
        #expect(live.stories.storyIDs.count > 3)
        #expect(live.entities.entities.count > 20)
    }

    @Test("the comparison sees a changed story, entity or event")
    func differencesAreSeen() throws {
        let documents = try Self.documents(seed: 6, count: 12)
        var state = StoreState()
        for (index, document) in documents.enumerated() {
            state.apply(.put(ArticleRecord(id: "art_\(index)", sequence: UInt64(index + 1), contentHash: UInt64(index), receivedAt: "", document: document)))
        }
        var other = state
        other.apply(.delete(id: "art_3", sequence: 100))
        #expect(Set(other.differences(from: state)).isSuperset(of: ["records", "sequences", "entities", "stories"]))
        // The same records grouped with other settings: only the stories differ.
        var settings = StoryClusterer.Settings()
        settings.threshold = 0.9
        var regrouped = StoreState(storySettings: settings)
        for (index, document) in documents.enumerated() {
            regrouped.apply(.put(ArticleRecord(id: "art_\(index)", sequence: UInt64(index + 1), contentHash: UInt64(index), receivedAt: "", document: document)))
        }
        #expect(regrouped.differences(from: state) == ["stories"])
    }

    @Test("a snapshot of records only (version 3) still opens, its indexes rebuilt")
    func recordsOnlyVersion() throws {
        let documents = try Self.documents(seed: 7, count: 10)
        var state = StoreState()
        for (index, document) in documents.enumerated() {
            state.apply(.put(ArticleRecord(id: "art_\(index)", sequence: UInt64(index + 1), contentHash: UInt64(index), receivedAt: "", document: document)))
        }
        let old = try SnapshotFile.encode(SnapshotFile.Contents(state: state), version: SnapshotFile.recordsOnlyVersion)
        let contents = try SnapshotFile.decode(old)
        #expect(contents.state == nil)
        // Version 3 held records in format 2, without quoted terms, channels or event lemmas.
        let written = state.sequences.compactMap { state.record(forSequence: $0) }
        #expect(written.contains { !$0.document.quotedTerms.isEmpty })
        #expect(written.contains { $0.events.contains { !$0.actors.allSatisfy(\.isEntity) } })
        let readable = written.map { recordAsRead($0, fromFormat: 2) }
        #expect(contents.records == readable)
        // The indexes are rebuilt from what the file holds.
        var rebuilt = StoreState()
        for record in readable { rebuilt.apply(.put(record)) }
        #expect(StoreState(records: contents.records, lastSequence: contents.lastSequence).differences(from: rebuilt) == [])
    }

    @Test("damaged indexes are reported and leave the records to rebuild from")
    func damagedIndexes() throws {
        let documents = try Self.documents(seed: 8, count: 10)
        var state = StoreState()
        for (index, document) in documents.enumerated() {
            state.apply(.put(ArticleRecord(id: "art_\(index)", sequence: UInt64(index + 1), contentHash: UInt64(index), receivedAt: "", document: document)))
        }
        // The stories frame names an article no record has: written by hand, it passes the checksums.
        var contents = SnapshotFile.Contents(state: state)
        contents.records.removeLast()
        let decoded = try SnapshotFile.decode(try SnapshotFile.encode(contents))
        #expect(decoded.state == nil)
        #expect(decoded.indexProblem?.isEmpty == false)
        #expect(decoded.records.count == state.articleCount - 1)
    }
}
