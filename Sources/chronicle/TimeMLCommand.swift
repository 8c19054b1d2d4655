import ArgumentParser
import ChronicleEvaluation
import ChronicleFoundation
import ChroniclePipeline
import Foundation

/// `chronicle timeml train|crossval`: the event tagger on TimeML corpora.
struct TimeMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeml", abstract: "Train and measure the event tagger on TimeML corpora (TimeBank, AQUAINT).",
        subcommands: [Train.self, CrossValidate.self])

    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Train the event tagger on every .tml file under --timeml and write the model.")

        @Option(help: "Folder of gold .tml files (read recursively).") var timeml = "../shared/data/tempeval3/TBAQ-cleaned"
        @Option(help: "Epochs (chosen with `chronicle timeml crossval`: 6 gave the best class F1).") var epochs = 6
        @Option(help: "Seed for the sentence order.") var seed: UInt64 = 1
        @Option(help: "Drop features seen fewer times in training.") var minCount = 1
        @Option(help: "Where to write the model.") var output = "Sources/ChroniclePipeline/Resources/events/events_detection_model.bin"

        func run() throws {
            let corpus = try EventCorpus(directory: URL(fileURLWithPath: timeml), parser: try ShallowParser.bundled.get())
            printError("\(corpus.documents.count) documents, \(corpus.tokenCount) tokens")
            let trainer = EventTrainer(options: options(epochs: epochs, seed: seed, minCount: minCount), clusters: try WordClusters.bundled.get(), log: printError)
            try writeModel(trainer.train(corpus.documents), to: output)
        }
    }

    struct CrossValidate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "crossval",
            abstract: "Cross-validate the event tagger over the documents under --timeml: TempEval-3 event scores after each epoch, in full after the last.")

        @Option(help: "Folder of gold .tml files (read recursively).") var timeml = "../shared/data/tempeval3/TBAQ-cleaned"
        @Option(help: "Folds (documents dealt into them from --seed).") var folds = 5
        @Option(help: "Most epochs: scores are printed for 1 to this many.") var epochs = 6
        @Option(help: "Seed for fold assignment and sentence order.") var seed: UInt64 = 1
        @Option(help: "Drop features seen fewer times in training.") var minCount = 1

        func validate() throws {
            guard folds >= 2, epochs >= 1 else { throw ValidationError("--folds must be at least 2 and --epochs at least 1") }
        }

        func run() throws {
            let corpus = try EventCorpus(directory: URL(fileURLWithPath: timeml), parser: try ShallowParser.bundled.get())
            printError("\(corpus.documents.count) documents, \(corpus.tokenCount) tokens")
            let trainer = EventTrainer(options: options(epochs: epochs, seed: seed, minCount: minCount), clusters: try WordClusters.bundled.get(), log: printError)
            let scores = trainer.crossValidate(corpus, folds: folds)
            for (index, score) in scores.enumerated() {
                print(String(format: "epochs %2d: relaxed F1 %.4f, strict F1 %.4f, class F1 %.4f", index + 1, score.relaxedF1, score.f1(score.strict), score.classF1))
            }
            print("\n\(epochs) epochs, \(folds)-fold cross-validation over \(corpus.documents.count) documents")
            print(scores[epochs - 1].report(attributes: ["class"]))
        }
    }
}

private func options(epochs: Int, seed: UInt64, minCount: Int) -> SequenceTrainer.Options {
    var options = SequenceTrainer.Options()
    options.epochs = epochs
    options.seed = seed
    options.minimumCount = minCount
    return options
}
