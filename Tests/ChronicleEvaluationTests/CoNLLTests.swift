import ChronicleTestSupport
import Foundation
import Testing

@testable import ChronicleEvaluation
@testable import ChroniclePipeline

/// A hand-written mini corpus in the CoNLL-2003 layout (invented text), already tagged: gold in
/// the next-to-last column, a prediction in the last.
private let taggedFixture = """
    -DOCSTART- -X- -X- O O

    Anna NNP B-NP B-PER B-PER
    Berg NNP I-NP I-PER I-PER
    visited VBD B-VP O O
    Oslo NNP B-NP B-LOC B-LOC
    . . O O O

    The DT B-NP O O
    Nordic NNP I-NP B-ORG O
    Council NNP I-NP I-ORG I-ORG
    met VBD B-VP O O
    in IN B-PP O O
    Bergen NNP B-NP B-LOC B-PER
    . . O O O

    -DOCSTART- -X- -X- O O

    Rivertown NNP B-NP B-ORG B-ORG
    Rovers NNP I-NP I-ORG I-ORG
    won VBD B-VP O O
    the DT B-NP O O
    Lakeside NNP I-NP B-MISC B-MISC
    Cup NNP I-NP I-MISC I-MISC
    on IN B-PP O O
    Sunday NNP B-NP O B-MISC

    Jon NNP B-NP B-PER B-PER
    Smith NNP I-NP I-PER I-LOC

    """

@Suite struct CoNLLEvaluatorTests {
    /// Gold: PER Anna Berg, Jon Smith; LOC Oslo, Bergen; ORG Nordic Council, Rivertown Rovers;
    /// MISC Lakeside Cup. Predicted: those four right (Anna Berg, Oslo, Rivertown Rovers,
    /// Lakeside Cup), plus ORG "Council" (I- after O starts a chunk), PER "Bergen", MISC
    /// "Sunday", PER "Jon" and LOC "Smith" (a type change ends and starts a chunk).
    @Test func scoresTheMiniCorpus() {
        var evaluation = CoNLLEvaluation()
        for document in CoNLLReader.read(taggedFixture).documents {
            for sentence in document.sentences {
                evaluation.add(gold: sentence.tags(fromEnd: 1), predicted: sentence.tags(fromEnd: 0))
            }
        }
        #expect(evaluation.tokens == 22)
        #expect(evaluation.correctTags == 18)
        #expect(evaluation.overall == .init(gold: 7, predicted: 9, correct: 4))
        #expect(evaluation.overall.precision == 4.0 / 9.0)
        #expect(evaluation.overall.recall == 4.0 / 7.0)
        #expect(abs(evaluation.overall.f1 - 0.5) < 1e-12)
        #expect(evaluation.byType["PER"] == .init(gold: 2, predicted: 3, correct: 1))
        #expect(evaluation.byType["LOC"] == .init(gold: 2, predicted: 2, correct: 1))
        #expect(evaluation.byType["ORG"] == .init(gold: 2, predicted: 2, correct: 1))
        #expect(evaluation.byType["MISC"] == .init(gold: 1, predicted: 2, correct: 1))
        #expect(abs(evaluation.byType["PER"]!.f1 - 0.4) < 1e-12)
        #expect(abs(evaluation.byType["MISC"]!.f1 - 2.0 / 3.0) < 1e-12)
        #expect(evaluation.table.hasSuffix("overall        7       9       4     0.4444     0.5714     0.5000"))
    }

    @Test func readsChunksAsConllevalDoes() {
        let chunks = IOBChunks.chunks(in: ["I-PER", "I-PER", "O", "B-LOC", "I-ORG", "B-MISC", "B-MISC", "I-MISC"])
        #expect(chunks.map(\.range) == [0..<2, 3..<4, 4..<5, 5..<6, 6..<8])
        #expect(chunks.map(\.type) == ["PER", "LOC", "ORG", "MISC", "MISC"])
        #expect(IOBChunks.chunks(in: []).isEmpty)
        #expect(IOBChunks.chunks(in: ["O", "O"]).isEmpty)
    }

    @Test func perfectPredictionScoresOne() {
        var evaluation = CoNLLEvaluation()
        evaluation.add(gold: ["B-PER", "I-PER", "O"], predicted: ["B-PER", "I-PER", "O"])
        #expect(evaluation.overall.f1 == 1)
        #expect(evaluation.accuracy == 1)
    }
}

@Suite struct CoNLLReaderWriterTests {
    private let gold = """
        -DOCSTART- -X- -X- O

        Anna NNP B-NP B-PER
        Berg NNP I-NP I-PER
        visited VBD B-VP O
        Oslo NNP B-NP B-LOC

        The DT B-NP O
        end NN I-NP O

        -DOCSTART- -X- -X- O

        Bergen NNP B-NP B-LOC

        """

    @Test func readsDocumentsSentencesAndTokens() {
        let file = CoNLLReader.read(gold)
        #expect(file.documents.count == 2)
        #expect(file.documents[0].sentences.map(\.tokens) == [["Anna", "Berg", "visited", "Oslo"], ["The", "end"]])
        #expect(file.documents[0].sentences[0].tags() == ["B-PER", "I-PER", "O", "B-LOC"])
        #expect(file.documents[1].sentences.map(\.tokens) == [["Bergen"]])
        #expect(file.tokenCount == 7)
    }

    @Test func writesTheSameLinesWithAPredictedColumn() {
        let file = CoNLLReader.read(gold)
        let predicted = [[["B-PER", "I-PER", "O", "B-ORG"], ["O", "O"]], [["B-LOC"]]]
        let written = CoNLLWriter.write(file, tags: predicted)
        let expected = """
            -DOCSTART- -X- -X- O O

            Anna NNP B-NP B-PER B-PER
            Berg NNP I-NP I-PER I-PER
            visited VBD B-VP O O
            Oslo NNP B-NP B-LOC B-ORG

            The DT B-NP O O
            end NN I-NP O O

            -DOCSTART- -X- -X- O O

            Bergen NNP B-NP B-LOC B-LOC

            """
        #expect(written == expected)
        // Read back: the old last column is now next-to-last.
        let reread = CoNLLReader.read(written)
        #expect(reread.documents.map { $0.sentences.map { $0.tags(fromEnd: 0) } } == predicted)
        #expect(reread.documents[0].sentences[0].tags(fromEnd: 1) == ["B-PER", "I-PER", "O", "B-LOC"])
    }

    @Test func keepsTabsAndAFileWithoutDocumentStarts() {
        let file = CoNLLReader.read("Oslo\tB-LOC\nis\tO\n\nfine\tO")
        #expect(file.documents.count == 1)
        #expect(file.documents[0].sentences.count == 2)
        #expect(CoNLLWriter.write(file, tags: [[["B-LOC", "O"], ["O"]]]) == "Oslo\tB-LOC\tB-LOC\nis\tO\tO\n\nfine\tO\tO\n")
    }
}
