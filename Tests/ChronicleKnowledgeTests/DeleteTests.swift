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

    @Test("random adds and deletes: after every step, once the stories are regrouped, every index is a rebuild's", arguments: [1, 2, 3] as [UInt64])
    func randomAddsAndDeletes(seed: UInt64) throws {
        let pipeline = try Self.pipeline.get()
        let seeds = SharedData.seedsAvailable ? try SharedData.seedTexts() : []
        let generated = GeneratedArticles.make(count: 30, seed: seed).map { ArticleInput(body: .text($0.text), publishedAt: $0.publishedAt) }
        let documents = try (seeds.map { ArticleInput.text($0) } + generated).map { try pipeline.run($0) }
        var random = SplitMix64(seed: seed)
        var state = StoreState()
        var stored: [Int] = []
        var deletes = 0
        for sequence in 1...60 as ClosedRange<UInt64> {
            if stored.count > 2, random.below(3) == 0 {
                let index = stored.remove(at: random.below(stored.count))
                state.apply(.delete(id: "art_\(index)", sequence: sequence))
                deletes += 1
                #expect(state.stories.awaitsRegroup)
                // Taken out at once: in no story, no event, no summary.
                #expect(state.stories.story(of: "art_\(index)") == nil)
                state.regroupStoriesIfOwed()
                #expect(!state.stories.awaitsRegroup)
            } else {
                let index = random.below(documents.count)
                guard !stored.contains(index) else { continue }
                state.apply(.put(ArticleRecord(id: "art_\(index)", sequence: sequence, contentHash: UInt64(index), receivedAt: "", document: documents[index])))
                stored.append(index)
            }
            #expect(state.indexesDifferingFromRebuild() == [], "step \(sequence)")
        }
        #expect(deletes >= 10)
        #expect(state.articleCount == stored.count)
    }

    @Test("a regroup from an earlier copy takes in the articles that arrived since, and is refused after a later delete")
    func adoptingARegroup() throws {
        let pipeline = try Self.pipeline.get()
        let documents = try GeneratedArticles.make(count: 12, seed: 5).map { try pipeline.run(ArticleInput(body: .text($0.text), publishedAt: $0.publishedAt)) }
        func record(_ index: Int, _ sequence: UInt64) -> ArticleRecord {
            ArticleRecord(id: "art_\(index)", sequence: sequence, contentHash: UInt64(index), receivedAt: "", document: documents[index])
        }
        var state = StoreState()
        for index in 0..<8 { state.apply(.put(record(index, UInt64(index + 1)))) }
        state.apply(.delete(id: "art_2", sequence: 9))
        let basis = state
        let regrouped = try #require(basis.regroupedStories())
        // Arrivals while the regroup ran.
        for index in 8..<12 { state.apply(.put(record(index, UInt64(index + 2)))) }
        let revision = state.revision
        let adopted = state.adoptStories(regrouped, groupedFrom: basis)
        #expect(adopted)
        #expect(state.revision == revision + 1)
        #expect(!state.stories.awaitsRegroup)
        #expect(state.indexesDifferingFromRebuild() == [])
        #expect(state.stories.storyIDs.flatMap { state.stories.articles(of: $0) }.count == 11)

        // A delete after the copy: the regroup is stale and changes nothing.
        let staleBasis = state
        state.apply(.delete(id: "art_4", sequence: 14))
        let stale = try #require(staleBasis.regroupedStories())
        let adoptedStale = state.adoptStories(stale, groupedFrom: staleBasis)
        #expect(!adoptedStale)
        #expect(state.stories.awaitsRegroup)
        #expect(staleBasis.regroupedStories { true } == nil)
    }
}
