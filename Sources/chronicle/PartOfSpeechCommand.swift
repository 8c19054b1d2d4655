import ArgumentParser
import ChronicleEvaluation
import ChronicleFoundation
import ChroniclePipeline
import Foundation

/// `chronicle pos train|eval`: the part-of-speech tagger on CoNLL-2003 files (POS in column 2).
struct PartOfSpeechCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pos", abstract: "Train and score the part-of-speech tagger on CoNLL files.",
        subcommands: [Train.self, Eval.self])

    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train the tagger (epoch chosen by accuracy on --valid) and write the model file.")

        @Option(help: "Training data (CoNLL-2003 columns: word, POS, chunk, entity).") var train = "../shared/data/conll2003/train.txt"
        @Option(help: "Validation data, used to choose the epoch.") var valid = "../shared/data/conll2003/valid.txt"
        @Option(help: "Most epochs.") var epochs = 20
        @Option(help: "Seed for the sentence order.") var seed: UInt64 = 1
        /// 1: every feature; 2 scored 0.9576 on valid.txt against 0.9595.
        @Option(help: "Drop features seen fewer times in training.") var minCount = 1
        @Option(help: "Where to write the model.") var output = "Sources/ChroniclePipeline/Resources/syntax/syntax_pos_model.bin"

        func run() throws {
            let trainer = SyntaxTrainer(
                options: trainingOptions(epochs: epochs, seed: seed, minCount: minCount), clusters: try WordClusters.bundled.get(), log: printError)
            let result = trainer.trainPartOfSpeech(training: try readSyntaxCorpus(train), validation: try readSyntaxCorpus(valid))
            try writeModel(result.model, to: output)
            print("validation accuracy \(String(format: "%.4f", result.score ?? 0)) (epoch \(result.epoch))")
        }
    }

    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Token accuracy on a CoNLL file, and the tagging speed on one core.")

        @Option(help: "Gold CoNLL file (POS in column 2).") var conll = "../shared/data/conll2003/valid.txt"
        @Option(help: "Model file (default: the bundled model).") var model: String?

        func run() throws {
            let corpus = try readSyntaxCorpus(conll)
            let tagger = try model.map {
                PartOfSpeechTagger(
                    model: try readModel($0, kind: PartOfSpeechTagger.kind, featureVersion: PartOfSpeechFeatures.version),
                    clusters: try WordClusters.bundled.get())
            } ?? PartOfSpeechTagger.bundled.get()
            var workspace = SequenceModel.Workspace(model: tagger.model)
            var hashes = FeatureRows<UInt64>()
            // Timed from the words, as the pipeline sees them: token features included.
            let (predicted, seconds) = timed {
                corpus.words.map { words in
                    tagger.tag(words.map(TokenFeatures.init)[...], workspace: &workspace, hashes: &hashes).map { tagger.model.tags[$0] }
                }
            }
            let evaluation = PartOfSpeechEvaluation(gold: corpus.partsOfSpeech, predicted: predicted)
            print("tokens \(evaluation.tokens), correct \(evaluation.correct), accuracy \(String(format: "%.4f", evaluation.accuracy))")
            print("speed \(Int(Double(corpus.tokenCount) / max(seconds, 1e-9))) tokens/s on one core (\(String(format: "%.3f", seconds)) s)")
        }
    }
}

func readSyntaxCorpus(_ path: String) throws -> SyntaxCorpus {
    guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
    return try SyntaxCorpus(CoNLLReader.read(String(decoding: data, as: UTF8.self)))
}

/// A model file given on the command line instead of the bundled one.
func readModel(_ path: String, kind: String, featureVersion: UInt32) throws -> SequenceModel {
    try SequenceModel(data: try Data(contentsOf: URL(fileURLWithPath: path)), kind: kind, featureVersion: featureVersion)
}

func writeModel(_ model: SequenceModel, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    let data = try model.serialized()
    try data.write(to: url, options: .atomic)
    printError("wrote \(path) (\(data.count) bytes, \(model.keys.count) features)")
}
