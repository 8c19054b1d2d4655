import ChronicleFoundation
import ChronicleTestSupport
import Foundation
import Testing

@testable import ChronicleEvaluation
@testable import ChroniclePipeline

@Suite struct SequenceModelTests {
    @Test func savesAndLoadsTheSameModel() throws {
        let tags = ["DT", "NN", "VBD"]
        let keys: [UInt64] = [3, 1 << 40, UInt64.max - 6]
        var random = SplitMix64(seed: 9)
        let weights = (0..<(keys.count * 3 + TagScheme(tags: tags).transitionSize)).map { _ in Float(random.below(2001)) / 100 - 10 }
        let model = SequenceModel(kind: "pos", featureVersion: 4, tags: tags, keys: keys, weights: weights)
        let loaded = try SequenceModel(data: try model.serialized(), kind: "pos", featureVersion: 4)
        #expect(loaded.tags == tags && loaded.keys == keys)
        let featureWeights = keys.count * 3
        #expect(Array(loaded.weights[featureWeights...]) == Array(weights[featureWeights...]))
        let step = weights[..<featureWeights].map(abs).max()! / Float(Int16.max)
        for index in 0..<featureWeights { #expect(abs(loaded.weights[index] - weights[index]) <= step / 2 + 1e-6) }
    }

    @Test func rejectsAnotherKindOrFeatureVersion() throws {
        let tags = ["B-NP", "I-NP", "O"]
        let model = SequenceModel(
            kind: "chunk", featureVersion: 1, tags: tags, keys: [7],
            weights: [Float](repeating: 1, count: 3 + TagScheme(tags: tags).transitionSize))
        let data = try model.serialized()
        #expect(throws: SequenceModel.FormatError.self) { try SequenceModel(data: data, kind: "pos", featureVersion: 1) }
        #expect(throws: SequenceModel.FormatError.self) { try SequenceModel(data: data, kind: "chunk", featureVersion: 2) }
        #expect(throws: SequenceModel.FormatError.self) { try SequenceModel(data: Data("CHRNSEQ1 but short".utf8), kind: "chunk", featureVersion: 1) }
    }

    @Test("IOB tags never open a phrase with I-, nor continue one of another type; other tag sets allow everything")
    func schemes() {
        let iob = TagScheme(tags: ["B-NP", "B-VP", "I-NP", "I-VP", "O"])
        #expect(iob.predecessors[2] == [0, 2])  // I-NP after B-NP or I-NP
        #expect(iob.predecessors[3] == [1, 3])
        #expect(iob.starts == [true, true, false, false, true])
        let free = TagScheme(tags: ["DT", "NN", "O"])
        #expect(free.predecessors.allSatisfy { $0 == [0, 1, 2] } && free.starts.allSatisfy { $0 })
    }
}

/// A training set written for these tests (no corpus text): the trainer learns it and does so
/// the same way every time for a seed.
@Suite struct SyntaxTrainerTests {
    static let conll = """
        -DOCSTART- -X- -X- O

        The DT B-NP O
        company NN I-NP O
        bought VBD B-VP O
        a DT B-NP O
        plant NN I-NP O
        . . O O

        A DT B-NP O
        court NN I-NP O
        fined VBD B-VP O
        the DT B-NP O
        bank NN I-NP O
        . . O O

        The DT B-NP O
        team NN I-NP O
        won VBD B-VP O
        the DT B-NP O
        final NN I-NP O
        in IN B-PP O
        Paris NNP B-NP B-LOC
        . . O O

        """

    static func corpus() throws -> SyntaxCorpus { try SyntaxCorpus(CoNLLReader.read(conll)) }

    @Test func learnsItsTrainingDataDeterministically() throws {
        let corpus = try Self.corpus()
        var options = SequenceTrainer.Options()
        options.minimumCount = 1
        options.epochs = 5
        options.minimumWeight = 0
        let clusters = WordClusters(["bought": 0b1011, "fined": 0b1011, "won": 0b1111])
        let trainer = SyntaxTrainer(options: options, clusters: clusters, log: { _ in })
        let first = trainer.trainPartOfSpeech(training: corpus, validation: corpus)
        let second = trainer.trainPartOfSpeech(training: corpus, validation: corpus)
        #expect(first.score == 1)
        #expect(try first.model.serialized() == second.model.serialized())
        #expect(first.model.tags == [".", "DT", "IN", "NN", "NNP", "VBD"])

        // Feature bagging draws from the same seed: still the same model twice, and not the
        // model trained on every feature.
        var bagging = options
        bagging.featureDropout = 0.3
        let bagged = SyntaxTrainer(options: bagging, clusters: clusters, log: { _ in })
        let baggedModel = try bagged.trainPartOfSpeech(training: corpus, validation: corpus).model.serialized()
        #expect(try bagged.trainPartOfSpeech(training: corpus, validation: corpus).model.serialized() == baggedModel)
        #expect(try first.model.serialized() != baggedModel)

        let tagger = PartOfSpeechTagger(model: first.model, clusters: clusters)
        let chunks = trainer.trainChunker(training: corpus, validation: corpus, tagger: tagger, folds: 3, partOfSpeechEpochs: 3)
        #expect(chunks.model.tags == ["B-NP", "B-PP", "B-VP", "I-NP", "O"])
        let chunker = PhraseChunker(model: chunks.model, clusters: clusters)
        #expect(chunker.chunk(["A", "team", "bought", "the", "bank", "."], tags: ["DT", "NN", "VBD", "DT", "NN", "."])
            == ["B-NP", "I-NP", "B-VP", "B-NP", "I-NP", "O"])
    }

    @Test("members trained from consecutive seeds are averaged weight by weight")
    func averagesMembers() throws {
        var sentences: [SequenceTrainer.Sentence] = []
        var random = SplitMix64(seed: 3)
        for _ in 0..<40 {
            var hashes = FeatureRows<UInt64>()
            var gold: [Int] = []
            for _ in 0..<5 {
                let word = random.next() % 6
                for feature in [word + 1, 100 + word % 2, 200] { hashes.append(FeatureHash.feature(1, feature)) }
                hashes.endToken()
                gold.append(Int(word % 3))
            }
            sentences.append(SequenceTrainer.Sentence(hashes: hashes, gold: gold))
        }
        var options = SequenceTrainer.Options()
        options.minimumCount = 1
        options.minimumWeight = 0
        options.epochs = 3
        options.featureDropout = 0.3
        func model(seed: UInt64, members: Int) -> SequenceModel {
            var chosen = options
            chosen.seed = seed
            chosen.members = members
            return SequenceTrainer(options: chosen, log: { _ in }).train(kind: "test", featureVersion: 1, tags: ["A", "B", "C"], training: sentences).model
        }
        let (first, second, averaged) = (model(seed: 5, members: 1), model(seed: 6, members: 1), model(seed: 5, members: 2))
        #expect(first.weights != second.weights)
        #expect(averaged.keys == first.keys)
        // Each model holds its weights in steps of its own scale (`WeightBlock`): within half a
        // step of the trained floats.
        let tolerance = averaged.block.scale / 2 + (first.block.scale + second.block.scale) / 4 + 1e-5
        #expect(zip(averaged.weights, zip(first.weights, second.weights)).allSatisfy { abs($0 - ($1.0 + $1.1) / 2) <= tolerance })
    }

    @Test func rejectsFilesWithoutSyntaxColumns() {
        #expect(throws: CorpusFormatError.self) { try SyntaxCorpus(CoNLLReader.read("Paris B-LOC\n")) }
    }
}

/// The bundled part-of-speech tagger and chunker on invented sentences, and on CoNLL-2003's
/// validation file when `shared/` is there.
@Suite struct BundledSyntaxTests {
    static func words(_ sentence: String) -> [String] { sentence.split(separator: " ").map(String.init) }

    @Test func tagsAndChunksInventedSentences() throws {
        let tagger = try PartOfSpeechTagger.bundled.get()
        let chunker = try PhraseChunker.bundled.get()
        let sentence = Self.words("The regulator fined two banks on Friday after they had missed a deadline .")
        let tags = tagger.tag(sentence)
        #expect(tags == ["DT", "NN", "VBD", "CD", "NNS", "IN", "NNP", "IN", "PRP", "VBD", "VBN", "DT", "NN", "."])
        #expect(chunker.chunk(sentence, tags: tags) == [
            "B-NP", "I-NP", "B-VP", "B-NP", "I-NP", "B-PP", "B-NP", "B-SBAR", "B-NP", "B-VP", "I-VP", "B-NP", "I-NP", "O",
        ])
        let passive = Self.words("The prisoners were released by the rebels in Goma .")
        let passiveTags = tagger.tag(passive)
        #expect(passiveTags == ["DT", "NNS", "VBD", "VBN", "IN", "DT", "NNS", "IN", "NNP", "."])
        #expect(chunker.chunk(passive, tags: passiveTags) == ["B-NP", "I-NP", "B-VP", "I-VP", "B-PP", "B-NP", "I-NP", "B-PP", "B-NP", "O"])
    }

    @Test(.enabled(if: CoNLLData.file("valid.txt") != nil, "no shared/data/conll2003/valid.txt beside the package"))
    func scoresCoNLLValidation() throws {
        let corpus = try SyntaxCorpus(CoNLLReader.read(try String(contentsOf: try #require(CoNLLData.file("valid.txt")), encoding: .utf8)))
        let tagger = try PartOfSpeechTagger.bundled.get()
        let chunker = try PhraseChunker.bundled.get()
        let predicted = corpus.words.map(tagger.tag)
        let accuracy = PartOfSpeechEvaluation(gold: corpus.partsOfSpeech, predicted: predicted).accuracy
        // The figures `chronicle pos eval` and `chronicle chunks eval` print for the committed models.
        #expect(abs(accuracy - 0.9595) < 0.00005)
        var evaluation = CoNLLEvaluation()
        for (index, words) in corpus.words.enumerated() {
            evaluation.add(gold: corpus.chunks[index], predicted: chunker.chunk(words, tags: predicted[index]))
        }
        #expect(abs(evaluation.overall.f1 - 0.9241) < 0.00005)
    }
}
