import ArgumentParser
import ChronicleEvaluation
import ChronicleFoundation
import ChroniclePipeline
import Foundation

/// `chronicle chunks train|eval`: the phrase chunker on CoNLL-2003 files (chunks in column 3).
struct ChunksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chunks", abstract: "Train and score the phrase chunker on CoNLL files.",
        subcommands: [Train.self, Eval.self])

    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train the chunker on jackknifed part-of-speech tags (epoch chosen by chunk F1 on --valid).")

        @Option(help: "Training data (CoNLL-2003 columns: word, POS, chunk, entity).") var train = "../shared/data/conll2003/train.txt"
        @Option(help: "Validation data, tagged by the bundled tagger, used to choose the epoch.")
        var valid = "../shared/data/conll2003/valid.txt"
        @Option(help: "Most epochs.") var epochs = 12
        @Option(help: "Seed for fold assignment and sentence order.") var seed: UInt64 = 1
        @Option(help: "Folds for the jackknifed part-of-speech tags of the training sentences.") var folds = 5
        @Option(help: "Epochs of each fold's part-of-speech tagger.") var posEpochs = 8
        @Option(help: "Drop features seen fewer times in training.") var minCount = 2
        @Option(help: "Where to write the model.") var output = "Sources/ChroniclePipeline/Resources/syntax/syntax_chunk_model.bin"

        func validate() throws {
            guard folds >= 2, epochs >= 1, posEpochs >= 1 else {
                throw ValidationError("--folds must be at least 2, --epochs and --pos-epochs at least 1")
            }
        }

        func run() throws {
            let trainer = SyntaxTrainer(
                options: trainingOptions(epochs: epochs, seed: seed, minCount: minCount), clusters: try WordClusters.bundled.get(), log: printError)
            let result = trainer.trainChunker(
                training: try readSyntaxCorpus(train), validation: try readSyntaxCorpus(valid), tagger: try PartOfSpeechTagger.bundled.get(),
                folds: folds, partOfSpeechEpochs: posEpochs)
            try writeModel(result.model, to: output)
            print("validation chunk F1 \(String(format: "%.4f", result.score ?? 0)) (epoch \(result.epoch))")
        }
    }

    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Chunk precision, recall and F1 by type on a CoNLL file (POS from the bundled tagger), and the speed on one core.")

        @Option(help: "Gold CoNLL file (chunks in column 3).") var conll = "../shared/data/conll2003/valid.txt"
        @Option(help: "Model file (default: the bundled model).") var model: String?
        @Flag(help: "Chunk with the file's gold part-of-speech tags instead of the tagger's.") var goldPos = false

        func run() throws {
            let corpus = try readSyntaxCorpus(conll)
            let tagger = try PartOfSpeechTagger.bundled.get()
            let chunker = try model.map {
                PhraseChunker(
                    model: try readModel($0, kind: PhraseChunker.kind, featureVersion: ChunkFeatures.version),
                    clusters: try WordClusters.bundled.get())
            } ?? PhraseChunker.bundled.get()
            var tagWorkspace = SequenceModel.Workspace(model: tagger.model)
            var workspace = SequenceModel.Workspace(model: chunker.model)
            var hashes = FeatureRows<UInt64>()
            let tokens = corpus.words.map { $0.map(TokenFeatures.init) }
            let partsOfSpeech: [[UInt64]] =
                goldPos
                ? corpus.partsOfSpeech.map { $0.map(FeatureHash.string) }
                : tokens.map { sentence in
                    tagger.tag(sentence[...], workspace: &tagWorkspace, hashes: &hashes).map { tagger.tagHashes[$0] }
                }
            // Timed from the words and their tags: token features included, tagging not.
            let (predicted, seconds) = timed {
                zip(corpus.words, partsOfSpeech).map { words, tags in
                    chunker.chunk(words.map(TokenFeatures.init)[...], tags: tags, workspace: &workspace, hashes: &hashes)
                        .map { chunker.model.tags[$0] }
                }
            }
            var evaluation = CoNLLEvaluation()
            for (gold, sentence) in zip(corpus.chunks, predicted) { evaluation.add(gold: gold, predicted: sentence) }
            print(evaluation.table)
            print("speed \(Int(Double(corpus.tokenCount) / max(seconds, 1e-9))) tokens/s on one core (\(String(format: "%.3f", seconds)) s)")
        }
    }
}
