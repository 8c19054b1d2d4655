import ChronicleFoundation
import ChroniclePipeline
import ChronicleTestSupport
import Testing

@testable import ChronicleKnowledge

/// Deleting an article leaves the indexes as a rebuild from the remaining records would make
/// them (`StoreState.indexesDifferingFromRebuild`, `GET /v1/admin/verify`).
@Suite("Deletes leave the indexes as a rebuild would")
struct DeleteTests {
    static let pipeline = Result { try Pipeline.standard() }

    @Test("seeds 000 and 002, the second deleted: every index as a rebuild", .enabled(if: SharedData.seedsAvailable, "../shared/seeds not found: skipped"))
    func seedsExample() throws {
        let pipeline = try Self.pipeline.get()
        var state = StoreState()
        for (sequence, seed) in ["000", "002"].enumerated() {
            let document = try pipeline.run(.text(try SharedData.seedText(seed)))
            state.apply(.put(ArticleRecord(id: "art_\(seed)", sequence: UInt64(sequence + 1), contentHash: UInt64(sequence), receivedAt: "", document: document)))
        }
        #expect(state.indexesDifferingFromRebuild() == [])
        state.apply(.delete(id: "art_002", sequence: 3))
        #expect(state.indexesDifferingFromRebuild() == [])
        // The person both mention keeps the first seed's spellings only.
        let zelensky = try #require(state.entities.entities.values.first { $0.aliases["Zelensky"] != nil })
        #expect(zelensky.formOrder == ["Zelensky"])
        #expect(Set(zelensky.articles.keys) == ["art_000"])
    }

    @Test("random adds and deletes: after every step the entities, events and summaries are a rebuild's", arguments: [1, 2, 3] as [UInt64])
    func randomAddsAndDeletes(seed: UInt64) throws {
        let pipeline = try Self.pipeline.get()
        let seeds = SharedData.seedsAvailable ? try SharedData.seedTexts() : []
        let generated = GeneratedArticles.make(count: 30, seed: seed).map { ArticleInput(body: .text($0.text), publishedAt: $0.publishedAt) }
        let documents = try (seeds.map { ArticleInput.text($0) } + generated).map { try pipeline.run($0) }
        var random = SplitMix64(seed: seed)
        var state = StoreState()
        var stored: [Int] = []
        var deletes = 0
        var storiesDiffer: [UInt64] = []
        for sequence in 1...60 as ClosedRange<UInt64> {
            if stored.count > 2, random.below(3) == 0 {
                let index = stored.remove(at: random.below(stored.count))
                state.apply(.delete(id: "art_\(index)", sequence: sequence))
                deletes += 1
            } else {
                let index = random.below(documents.count)
                guard !stored.contains(index) else { continue }
                state.apply(.put(ArticleRecord(id: "art_\(index)", sequence: sequence, contentHash: UInt64(index), receivedAt: "", document: documents[index])))
                stored.append(index)
            }
            let differing = state.indexesDifferingFromRebuild()
            #expect(differing.filter { $0 != "stories" } == [], "step \(sequence)")
            if differing.contains("stories") { storiesDiffer.append(sequence) }
        }
        // Story grouping is online (tf-idf frozen at arrival, merges, splits): a rebuild without
        // the deleted article may group the rest otherwise. Issue 21 is to make it exact.
        withKnownIssue("story grouping after a delete is not yet a rebuild's", isIntermittent: true) {
            #expect(storiesDiffer.isEmpty, "stories differ from a rebuild after steps \(storiesDiffer)")
        }
        #expect(deletes >= 10)
        #expect(state.articleCount == stored.count)
    }
}
