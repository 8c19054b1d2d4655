import ChronicleFoundation
import ChroniclePipeline
import ChronicleTestSupport
import Foundation
import Testing

@testable import ChronicleKnowledge

/// The store groups the stories again in the background after deletes, adopts the result over
/// the articles that arrived meanwhile, and owes a regroup across a restart until it is done.
@Suite("Stories regrouped after deletes")
struct RegroupTests {
    static let documents = Result {
        let pipeline = try Pipeline.standard()
        return try GeneratedArticles.make(count: 40, seed: 9).map { try pipeline.run(ArticleInput(body: .text($0.text), publishedAt: $0.publishedAt)) }
    }

    /// Which articles are grouped together, story ids aside.
    func grouping(_ state: StoreState) -> Set<Set<String>> {
        Set(state.stories.storyIDs.map { Set(state.stories.articles(of: $0)) })
    }

    @Test("deletes among concurrent adds: verify finds every index a rebuild's, before and after a reopen, with the same stories")
    func deletesInTheBackground() async throws {
        let documents = try Self.documents.get()
        let directory = temporaryDirectory()
        var ids: [String] = []
        var laterCreated = 0
        let settled: (stories: [String: [String]], revision: UInt64)
        do {
            let store = try KnowledgeStore(directory: directory, logger: quietLogger)
            for document in documents[..<20] {
                if case .created(let record) = try await store.add(document) { ids.append(record.id) }
            }
            // Deletes while more articles arrive, each its own batch.
            laterCreated = try await withThrowingTaskGroup(of: Int.self) { group in
                for (index, id) in ids.enumerated() where index % 4 == 1 {
                    group.addTask {
                        let deleted = try await store.delete(id: id)
                        #expect(deleted)
                        return 0
                    }
                }
                for document in documents[20...] {
                    group.addTask {
                        if case .created = try await store.add(document) { return 1 }
                        return 0
                    }
                }
                return try await group.reduce(0, +)
            }
            let verification = await store.verify()
            #expect(verification.differingIndexes == [])
            #expect(verification.articles == ids.count - 5 + laterCreated)
            #expect(store.read { !$0.stories.awaitsRegroup })
            settled = store.read { state in
                (Dictionary(uniqueKeysWithValues: state.stories.storyIDs.map { ($0, state.stories.articles(of: $0)) }), state.revision)
            }
            #expect(settled.revision > store.read { $0.lastSequence })
            // One more delete, and the process ends before its regroup is sure to be done.
            #expect(try await store.delete(id: ids[0]))
            await store.close()
        }
        let reopened = try KnowledgeStore(directory: directory, logger: quietLogger)
        #expect(await reopened.verify().differingIndexes == [])
        #expect(reopened.read { !$0.stories.awaitsRegroup && $0.stories.story(of: ids[0]) == nil })
        // The same grouping as a rebuild of what is left.
        let rebuilt = StoreState(records: reopened.read { Array($0.records.values) }, lastSequence: 0)
        #expect(reopened.read { grouping($0) } == grouping(rebuilt))
        #expect(reopened.read { grouping($0) } != Set(settled.stories.values.map(Set.init)))
    }

    @Test("a snapshot taken while a regroup is owed keeps owing it")
    func snapshotOwesRegroup() throws {
        let documents = try Self.documents.get()
        var state = StoreState()
        for (index, document) in documents[..<10].enumerated() {
            state.apply(.put(ArticleRecord(id: "art_\(index)", sequence: UInt64(index + 1), contentHash: UInt64(index), receivedAt: "", document: document)))
        }
        state.apply(.delete(id: "art_3", sequence: 11))
        let restored = try #require(try SnapshotFile.decode(SnapshotFile.encode(SnapshotFile.Contents(state: state))).state)
        #expect(restored.stories.awaitsRegroup)
        #expect(restored.differences(from: state) == [])
        var regrouped = restored
        regrouped.regroupStoriesIfOwed()
        let again = try #require(try SnapshotFile.decode(SnapshotFile.encode(SnapshotFile.Contents(state: regrouped))).state)
        #expect(!again.stories.awaitsRegroup)
        #expect(again.differences(from: regrouped) == [])
    }
}
