import ChronicleFoundation
import ChronicleTestSupport
import Foundation
import Testing

@testable import ChronicleEvaluation
@testable import ChroniclePipeline

@Suite struct EntityTagSetTests {
    @Test func convertsBetweenIOB2AndBILOU() {
        let iob = ["B-PER", "I-PER", "O", "B-LOC", "B-ORG", "I-ORG", "I-ORG", "I-MISC"]
        let bilou = EntityTagSet.bilou(fromIOB2: iob)
        let per = EntityTagSet.typeIndex("PER")!
        let org = EntityTagSet.typeIndex("ORG")!
        #expect(bilou[0] == EntityTagSet.tag(type: per, position: .begin))
        #expect(bilou[1] == EntityTagSet.tag(type: per, position: .last))
        #expect(bilou[3] == EntityTagSet.tag(type: EntityTagSet.typeIndex("LOC")!, position: .unit))
        #expect(bilou[5] == EntityTagSet.tag(type: org, position: .inside))
        #expect(EntityTagSet.iob2(bilou) == iob.dropLast() + ["B-MISC"])
        #expect(EntityTagSet.spans(bilou).map(\.range) == [0..<2, 3..<4, 4..<7, 7..<8])
    }

    @Test func forbidsOpenEntities() {
        let begin = EntityTagSet.tag(type: 0, position: .begin)
        let inside = EntityTagSet.tag(type: 0, position: .inside)
        let last = EntityTagSet.tag(type: 0, position: .last)
        let otherInside = EntityTagSet.tag(type: 1, position: .inside)
        #expect(!EntityTagSet.allows(EntityTagSet.outside, inside))
        #expect(!EntityTagSet.allows(begin, EntityTagSet.outside))
        #expect(!EntityTagSet.allows(begin, otherInside))
        #expect(EntityTagSet.allows(begin, inside) && EntityTagSet.allows(inside, last))
        #expect(!EntityTagSet.canStart(inside) && !EntityTagSet.canEnd(begin))
    }
}

@Suite struct ViterbiDecoderTests {
    private func decode(_ rows: [[Int: Float]]) -> [Int] {
        var emissions = [Float](repeating: -10, count: rows.count * EntityTagSet.count)
        for (token, scores) in rows.enumerated() {
            for (tag, score) in scores { emissions[token * EntityTagSet.count + tag] = score }
        }
        let transitions = [Float](repeating: 0, count: EntityTagSet.scheme.transitionSize)
        var decoder = ViterbiDecoder(scheme: EntityTagSet.scheme)
        return emissions.withUnsafeBufferPointer { emissions in
            transitions.withUnsafeBufferPointer { decoder.decode(emissions: emissions, count: rows.count, transitions: $0) }
        }
    }

    @Test func neverPutsInsideAfterOutside() {
        let o = EntityTagSet.outside
        let begin = EntityTagSet.tag(type: 0, position: .begin)
        let inside = EntityTagSet.tag(type: 0, position: .inside)
        let last = EntityTagSet.tag(type: 0, position: .last)
        let unit = EntityTagSet.tag(type: 0, position: .unit)
        // Unconstrained, O then I-PER (1 + 5) would win; the best allowed path is O, U-PER (1 + 3).
        let tags = decode([[o: 1, begin: 0.5], [inside: 5, last: 0.2, unit: 3, o: 0]])
        #expect(tags == [o, unit])
        #expect(EntityTagSet.iob2(tags) == ["O", "B-PER"])
    }

    @Test("a scheme that allows every transition: transitions weigh in, emissions alone decide when they are zero")
    func freeScheme() {
        let scheme = TagScheme(count: 3)
        #expect(scheme.transitionSize == 15 && scheme.predecessors == [[0, 1, 2], [0, 1, 2], [0, 1, 2]])
        let emissions: [Float] = [1, 0, 0, 0, 2, 1, 0, 1, 3, 5, 0, 0]
        var transitions = [Float](repeating: 0, count: scheme.transitionSize)
        var decoder = ViterbiDecoder(scheme: scheme)
        func decode() -> [Int] {
            emissions.withUnsafeBufferPointer { emissions in
                transitions.withUnsafeBufferPointer { decoder.decode(emissions: emissions, count: 4, transitions: $0) }
            }
        }
        #expect(decode() == [0, 1, 2, 0])
        // 2 -> 0 made costly: the third token gives up tag 2 (3) for tag 1 (1) so that the last
        // may still be 0 (1 + 2 + 1 + 5 = 9 against 1 + 2 + 3 + 0 = 6 ending in 2).
        transitions[2 * 3 + 0] = -10
        #expect(decode() == [0, 1, 1, 0])
    }

    @Test("skipping previous tags that cannot win leaves every path the exhaustive best, on random scores with every transition allowed")
    func pruningIsExact() {
        let scheme = TagScheme(count: 6)
        var decoder = ViterbiDecoder(scheme: scheme)
        var random = SplitMix64(seed: 7)
        func score(_ spread: Float) -> Float { Float(random.next() % 2001) / 1000 * spread - spread }
        for round in 0..<200 {
            let count = 1 + round % 5
            // Peaked emissions in some rounds, so that most previous tags fall below the bound.
            let spread: Float = round % 2 == 0 ? 1 : 20
            let emissions = (0..<(count * 6)).map { _ in score(spread) }
            let transitions = (0..<scheme.transitionSize).map { _ in score(1) }
            let found = emissions.withUnsafeBufferPointer { emissions in
                transitions.withUnsafeBufferPointer { decoder.decode(emissions: emissions, count: count, transitions: $0) }
            }
            func total(_ path: [Int]) -> Float {
                var sum = transitions[36 + path[0]] + transitions[42 + path[count - 1]]
                for (i, tag) in path.enumerated() {
                    sum += emissions[i * 6 + tag]
                    if i > 0 { sum += transitions[path[i - 1] * 6 + tag] }
                }
                return sum
            }
            var best: (score: Float, path: [Int]) = (-.infinity, [])
            for code in 0..<Int(pow(6.0, Double(count))) {
                var path: [Int] = []
                var rest = code
                for _ in 0..<count { path.append(rest % 6); rest /= 6 }
                if total(path) > best.score { best = (total(path), path) }
            }
            #expect(abs(total(found) - best.score) < 1e-4, "round \(round): \(found) scores \(total(found)), \(best.path) \(best.score)")
        }
    }

    @Test("weights held as steps of one scale sum to the floats they stand for, and give them back as the model file stores them")
    func weightSteps() {
        // Three features of three tags, then a transition block of two floats.
        let weights: [Float] = [4, -2, 0, 1, 0.5, -4, 0, 0, 2, 0.25, -0.75]
        let block = WeightBlock(weights, rows: 3, tagCount: 3)
        #expect(block.scale == 4 / Float(Int16.max))
        #expect(block.transitions == [0.25, -0.75])
        #expect(zip(block.floats, weights).allSatisfy { abs($0 - $1) <= block.scale / 2 })
        // Token 0 has features 0 and 2, token 1 feature 1.
        var rows = FeatureRows<Int32>()
        rows.append(0)
        rows.append(2)
        rows.endToken()
        rows.append(1)
        rows.endToken()
        var totals = [Int32](repeating: 0, count: 6)
        var emissions = [Float](repeating: 0, count: 6)
        totals.withUnsafeMutableBufferPointer { block.accumulate(rows, into: $0) }
        totals.withUnsafeBufferPointer { totals in emissions.withUnsafeMutableBufferPointer { block.scores(totals, into: $0) } }
        for (found, expected) in zip(emissions, [Float(4), -2, 2, 1, 0.5, -4]) { #expect(abs(found - expected) <= block.scale) }
        // Written and read back, a model holds the same steps.
        let model = SequenceModel(kind: "test", featureVersion: 1, tags: ["A", "B", "C"], keys: [11, 22, 33], weights: weights + [Float](repeating: 0, count: TagScheme(tags: ["A", "B", "C"]).transitionSize - 2))
        let read = try? SequenceModel(data: model.serialized(), kind: "test", featureVersion: 1)
        #expect(read?.weights == model.weights)
    }

    @Test func neverEndsInsideAnEntity() {
        let begin = EntityTagSet.tag(type: 2, position: .begin)
        let unit = EntityTagSet.tag(type: 2, position: .unit)
        #expect(decode([[begin: 10, unit: 1, EntityTagSet.outside: 0]]) == [unit])
    }

    @Test func everyDecodedSequenceIsWellFormed() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<200 {
            let count = 1 + random.below(8)
            let rows = (0..<count).map { _ in
                Dictionary(uniqueKeysWithValues: (0..<EntityTagSet.count).map { ($0, Float(random.below(1000)) / 100) })
            }
            let tags = decode(rows)
            #expect(EntityTagSet.canStart(tags[0]) && EntityTagSet.canEnd(tags[count - 1]))
            for index in 1..<max(1, count) { #expect(EntityTagSet.allows(tags[index - 1], tags[index])) }
        }
    }
}

@Suite struct TaggerModelTests {
    @Test func savesAndLoadsTheSameModel() throws {
        let tagCount = EntityTagSet.count
        let keys: [UInt64] = [3, 1 << 40, 0xdead_beef_1234, UInt64.max - 6]
        var random = SplitMix64(seed: 42)
        let passes = (0..<2).map { _ in
            (0..<(keys.count * tagCount + EntityTagSet.scheme.transitionSize)).map { _ in Float(random.below(2001)) / 100 - 10 }
        }
        var gazetteer = TaggerGazetteer()
        gazetteer.add(tokens: ["New", "York"], category: 2)
        gazetteer.add(tokens: ["US"], category: 0)
        let model = TaggerModel(keys: keys, passes: passes, gazetteers: [gazetteer, TaggerGazetteer()])
        let loaded = try TaggerModel(data: try model.serialized())

        #expect(loaded.keys == keys)
        #expect(loaded.gazetteers == model.gazetteers)
        #expect(loaded.passes.count == 2)
        for (original, restored) in zip(passes, loaded.passes) {
            // Transitions are stored exactly; feature weights as Int16 steps of largest / 32767.
            let featureWeights = keys.count * tagCount
            #expect(Array(restored[featureWeights...]) == Array(original[featureWeights...]))
            let step = original[..<featureWeights].map(abs).max()! / Float(Int16.max)
            for index in 0..<featureWeights { #expect(abs(restored[index] - original[index]) <= step / 2 + 1e-6) }
        }
    }

    @Test func rejectsOtherFiles() throws {
        #expect(throws: TaggerModel.FormatError.self) { try TaggerModel(data: Data("not a model at all".utf8)) }
        let model = TaggerModel(
            keys: [5], passes: [[Float](repeating: 1, count: EntityTagSet.count + EntityTagSet.scheme.transitionSize)], gazetteers: [])
        var data = try model.serialized()
        data[data.count - 3] ^= 0xff
        #expect(throws: (any Error).self) { try TaggerModel(data: data) }
    }
}

@Suite struct TaggerGazetteerTests {
    @Test func matchesTheLongestNameFromACapital() {
        var gazetteer = TaggerGazetteer()
        gazetteer.add(tokens: ["New", "York"], category: 2)
        gazetteer.add(tokens: ["New", "York", "Times"], category: 6)
        gazetteer.add(tokens: ["US"], category: 0)
        let tokens = ["The", "New", "York", "Times", "said", "us", "and", "U.S.", "new", "york"].map(TokenFeatures.init)
        let matches = gazetteer.matches(in: tokens[...])
        #expect(matches.map(\.categories) == [0, 1 << 6, 1 << 6, 1 << 6, 0, 0, 0, 1, 0, 0])
        #expect(matches[1...3].map(\.position) == [.begin, .inside, .last])
        #expect(matches[7].position == .unit)
    }
}

/// The bundled model on invented sentences, and on CoNLL-2003 dev when `shared/` is there.
@Suite struct NamedEntityTaggerTests {
    static let tagger = NamedEntityTagger.bundled

    @Test func tagsInventedSentences() throws {
        let tagger = try Self.tagger.get()
        let sentence = "Maria Lopez flew to Lisbon on Tuesday to meet officials of the World Health Organization ."
        let tags = tagger.tag(sentences: [sentence.split(separator: " ").map(String.init)])
        #expect(tags == [["B-PER", "I-PER", "O", "O", "B-LOC", "O", "O", "O", "O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O"]])
    }

    @Test func tagsAnInventedArticle() throws {
        let tagger = try Self.tagger.get()
        let sentences = [
            "Chancellor Olaf Berger told reporters in Berlin that Siemens would build a plant in Brazil .",
            "The European Central Bank raised rates on Thursday , President Christine Lagarde said in Frankfurt .",
            "Ukrainian troops pushed back Russian forces near Kharkiv , the Pentagon said .",
        ].map { $0.split(separator: " ").map(String.init) }
        let found = zip(sentences, tagger.tag(sentences: sentences)).map { tokens, tags in
            IOBChunks.chunks(in: tags).map { "\($0.type):" + tokens[$0.range].joined(separator: " ") }
        }
        #expect(found == [
            ["PER:Olaf Berger", "LOC:Berlin", "ORG:Siemens", "LOC:Brazil"],
            ["ORG:European Central Bank", "PER:Christine Lagarde", "LOC:Frankfurt"],
            ["MISC:Ukrainian", "MISC:Russian", "LOC:Kharkiv", "ORG:Pentagon"],
        ])
    }

    @Test func findsMentionsWithScalarSpans() throws {
        let tagger = try Self.tagger.get()
        let document = try runText(
            "Maria Lopez flew to Lisbon on Tuesday to meet officials of the World Health Organization.")
        let mentions = tagger.entities(in: document)
        #expect(mentions.map(\.text) == ["Maria Lopez", "Lisbon", "World Health Organization"])
        #expect(mentions.map(\.type) == [.person, .location, .organization])
        for mention in mentions { #expect(document.text(of: mention.span) == mention.text) }
        #expect(mentions[0].span == TextSpan(start: 0, end: 11))
    }

    @Test(.enabled(if: CoNLLData.file("valid.txt") != nil, "no shared/data/conll2003/valid.txt beside the package"))
    func scoresCoNLLDev() throws {
        let file = try #require(CoNLLData.file("valid.txt"))
        let tagger = try Self.tagger.get()
        var evaluation = CoNLLEvaluation()
        let conll = CoNLLReader.read(try String(contentsOf: file, encoding: .utf8))
        for document in conll.documents.prefix(60) {
            let tags = tagger.tag(sentences: document.sentences.map(\.tokens))
            for (sentence, predicted) in zip(document.sentences, tags) { evaluation.add(gold: sentence.tags(), predicted: predicted) }
        }
        #expect(evaluation.overall.f1 > 0.9)
    }
}

/// CoNLL-2003 in the shared folder.
enum CoNLLData {
    static func file(_ name: String) -> URL? { SharedData.path("data/conll2003/" + name) }
}
