import Testing

@testable import ChroniclePipeline

@Suite struct WordClustersTests {
    @Test func readsTheBundledClusters() throws {
        let clusters = try WordClusters.bundled.get()
        #expect(clusters.count == 190_127)
        // Weekdays share a cluster; words with no cluster have path 0.
        #expect(clusters.path("Monday") != 0 && clusters.path("Monday") == clusters.path("Tuesday"))
        #expect(clusters.path("Qzxjvbwk") == 0)
        #expect(clusters.path(hash: TokenFeatures("Monday").word) == clusters.path("Monday"))
    }

    @Test("a prefix keeps the low bits and says how many, so equal bits of other lengths differ")
    func prefixes() {
        #expect(WordClusters.prefix(0b1011_0110, bits: 4) == 0b0110 | 4 << 32)
        #expect(WordClusters.prefix(0b0110, bits: 6) == 0b0110 | 6 << 32)
        #expect(WordClusters.prefix(0b0110, bits: 4) != WordClusters.prefix(0b0110, bits: 6))
    }
}

@Suite struct LemmatizerTests {
    @Test func lemmatizesByWordClass() throws {
        let lemmatizer = try Lemmatizer.bundled.get()
        let verbs = ["returned", "sent", "agreed", "swapped", "was", "Fined", "dies", "proposing", "tweeted"]
        #expect(verbs.map { lemmatizer.lemma($0, as: .verb) } == ["return", "send", "agree", "swap", "be", "fine", "die", "propose", "tweet"])
        let nouns = ["talks", "elections", "prisoners", "news", "crises", "women", "series"]
        #expect(nouns.map { lemmatizer.lemma($0, as: .noun) } == ["talk", "election", "prisoner", "news", "crisis", "woman", "series"])
        #expect(lemmatizer.lemma("stronger", as: .adj) == "strong")
    }
}
