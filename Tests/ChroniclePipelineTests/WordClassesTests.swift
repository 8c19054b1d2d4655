import ChronicleFoundation
import ChronicleTestSupport
import Foundation
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

@Suite struct WordSensesTests {
    @Test("WordNet's supersenses, most frequent first, and the clauses a verb's frames take")
    func readsTheBundledSenses() throws {
        let senses = try WordSenses.bundled.get()
        #expect(senses.names(of: "say", as: .verb) == ["communication", "stative"])
        #expect(senses.names(of: "see", as: .verb) == ["perception", "cognition", "creation"])
        #expect(senses.names(of: "crisis", as: .noun) == ["state", "event"])
        #expect(senses.names(of: "crisis", as: .verb) == [])
        #expect(senses.names(of: "qzxjvbwk", as: .noun) == [])
        func complements(_ verb: String) -> WordSenses.Complements {
            senses.entry(lemma: FeatureHash.string(verb), as: .verb).complements
        }
        #expect(complements("try") == [.infinitive])
        #expect(complements("believe") == [.that])
        #expect(complements("begin") == [.infinitive, .gerund])
        #expect(complements("buy") == [])
    }

    @Test("a sense's number is the same for every word that has it, and a word keeps three at most")
    func packsSenses() {
        let senses = WordSenses([
            ("talk", .noun, ["communication", "act"], []),
            ("report", .verb, ["communication"], [.that]),
            ("fight", .noun, ["act", "event", "state", "feeling"], []),
        ])
        #expect(senses.names == ["communication", "act", "event", "state"])
        #expect(senses.entry(lemma: FeatureHash.string("talk"), as: .noun).senses == 1 | 2 << 8)
        #expect(senses.entry(lemma: FeatureHash.string("report"), as: .verb).senses == 1)
        #expect(senses.names(of: "fight", as: .noun) == ["act", "event", "state"])
        #expect(senses.entry(lemma: FeatureHash.string("talk"), as: .verb).senses == 0)
    }

    @Test("a malformed line is an error naming the file and line")
    func refusesMalformedLines() throws {
        func read(_ text: String) throws(ResourceError) -> WordSenses {
            let folder = ScratchDirectory.make("senses")
            try? FileManager.default.createDirectory(at: folder.appendingPathComponent("language"), withIntermediateDirectories: true)
            try? Data(text.utf8).write(to: folder.appendingPathComponent("language/language_word_senses.tsv"))
            return try WordSenses(reader: ResourceReader(directory: folder))
        }
        let file = "language/language_word_senses.tsv"
        #expect(try read("# word\tpos\tsenses\tcomplements\ntry\tverb\tsocial\tinfinitive\n").names(of: "try", as: .verb) == ["social"])
        #expect(throws: ResourceError(file: file, line: 1, problem: "expected a word, noun or verb, its senses and complements")) {
            try read("try\tadverb\tsocial\t-\n")
        }
        #expect(throws: ResourceError(file: file, line: 2, problem: "unknown complement 'to' (infinitive, that, ing or -)")) {
            try read("say\tverb\tcommunication\tthat\ntry\tverb\tsocial\tto\n")
        }
        #expect(throws: ResourceError(file: file, line: 1, problem: "expected 1 to 3 comma-separated senses")) {
            try read("war\tnoun\tact,state,event,feeling\t-\n")
        }
    }
}
