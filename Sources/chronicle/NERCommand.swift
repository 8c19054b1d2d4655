import ArgumentParser
import ChronicleEvaluation
import ChroniclePipeline
import Foundation

/// `chronicle ner train|tag|eval`: the named-entity tagger on CoNLL-2003 style files.
struct NERCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ner", abstract: "Train, run and score the named-entity tagger on CoNLL files.",
        subcommands: [Train.self, Tag.self, Eval.self])

    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train the tagger (epochs chosen by F1 on --valid) and write the model file.")

        @Option(help: "Training data (CoNLL, IOB2 tags in the last column).") var train = "../shared/data/conll2003/train.txt"
        @Option(help: "Validation data, used to choose the epochs.") var valid = "../shared/data/conll2003/valid.txt"
        @Option(help: "Most epochs per pass.") var epochs = 20
        /// 5: the best validation F1 of seeds 1-8 (0.9373 to 0.9421); the committed model uses it.
        @Option(help: "Seed for fold assignment and sentence order.") var seed: UInt64 = 5
        @Option(help: "Folds for the held-out first-pass tags the second pass learns from.") var folds = 5
        @Option(help: "Drop features seen fewer times in training.") var minCount = 3
        @Option(help: "Share of features hidden from each first-pass training sentence per epoch (feature bagging).") var dropout = 0.2
        @Option(help: "Folder of the gazetteer_*.tsv files (skipped if missing).")
        var gazetteer = "Sources/ChroniclePipeline/Resources/gazetteer"
        @Option(help: "Where to write the model.") var output = "Sources/ChroniclePipeline/Resources/ner/ner_model.bin"
        @Flag(help: "Leave out the name list taken from the training labels.") var noTrainingNames = false
        @Flag(help: "Train the first (sentence-level) pass only.") var noSecondPass = false

        func validate() throws {
            guard (0..<1).contains(dropout) else { throw ValidationError("--dropout must be at least 0 and below 1") }
            guard folds >= 2, epochs >= 1 else { throw ValidationError("--folds must be at least 2 and --epochs at least 1") }
        }

        func run() throws {
            var options = NERTrainer.Options(clusters: try WordClusters.bundled.get())
            options.epochs = epochs
            options.seed = seed
            options.folds = folds
            options.minimumCount = minCount
            options.featureDropout = dropout
            options.trainingNames = !noTrainingNames
            options.secondPass = !noSecondPass
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: gazetteer, isDirectory: &isDirectory), isDirectory.boolValue {
                options.gazetteerDirectory = URL(fileURLWithPath: gazetteer)
            } else {
                printError("no gazetteer folder at \(gazetteer): training without it")
            }
            let trainer = NERTrainer(options: options, log: printError)
            let result = try trainer.train(training: try readCoNLL(train), validation: try readCoNLL(valid))
            let data = try result.model.serialized()
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: output).deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: output), options: .atomic)
            printError("wrote \(output) (\(data.count) bytes)")
            print(result.validation.table)
        }
    }

    struct Tag: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tag a CoNLL file: every line is written back with the predicted IOB2 tag appended.")

        @Option(help: "CoNLL file to tag (token in the first column).") var conll: String
        @Option(help: "Model file (default: the bundled model).") var model: String?
        @Flag(help: "Print the tagging speed (model loading excluded) as a JSON line on stderr.") var timing = false

        func run() throws {
            let file = try readCoNLL(conll)
            let tagger = try loadTagger(model, quiet: !timing)
            let (tags, seconds) = timed { file.documents.map { tagger.tag(sentences: $0.sentences.map(\.tokens)) } }
            FileHandle.standardOutput.write(Data(CoNLLWriter.write(file, tags: tags).utf8))
            if timing {
                let tokens = file.tokenCount
                printError(#"{"system":"chronicle","tokens":\#(tokens),"seconds":\#(seconds),"tokens_per_second":\#(Double(tokens) / max(seconds, 1e-9))}"#)
            }
        }
    }

    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Entity-level precision, recall and F1 per type and overall (exact span and type, as conlleval).")

        @Option(help: "Gold CoNLL file to tag and score (gold tag in the last column).") var conll: String?
        @Option(help: "Model file (default: the bundled model).") var model: String?
        @Option(help: "An already tagged file to score: gold in the next-to-last column, prediction in the last.")
        var predicted: String?

        func validate() throws {
            guard (conll == nil) != (predicted == nil) else { throw ValidationError("pass either --conll or --predicted") }
        }

        func run() throws {
            var evaluation = CoNLLEvaluation()
            if let predicted {
                for document in try readCoNLL(predicted).documents {
                    for sentence in document.sentences {
                        evaluation.add(gold: sentence.tags(fromEnd: 1), predicted: sentence.tags(fromEnd: 0))
                    }
                }
            } else if let conll {
                let file = try readCoNLL(conll)
                let tagger = try loadTagger(model, quiet: false)
                let (tags, seconds) = timed { file.documents.map { tagger.tag(sentences: $0.sentences.map(\.tokens)) } }
                printError("tagged \(file.tokenCount) tokens in \(String(format: "%.3f", seconds)) s (\(Int(Double(file.tokenCount) / max(seconds, 1e-9))) tokens/s)")
                for (document, documentTags) in zip(file.documents, tags) {
                    for (sentence, sentenceTags) in zip(document.sentences, documentTags) {
                        evaluation.add(gold: sentence.tags(), predicted: sentenceTags)
                    }
                }
            }
            print(evaluation.table)
        }
    }
}

private func readCoNLL(_ path: String) throws -> CoNLLFile {
    guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
    return CoNLLReader.read(String(decoding: data, as: UTF8.self))
}

private func loadTagger(_ path: String?, quiet: Bool) throws -> NamedEntityTagger {
    let (tagger, seconds) = try timed {
        try path.map {
            NamedEntityTagger(model: try TaggerModel(contentsOf: URL(fileURLWithPath: $0)), clusters: try WordClusters.bundled.get())
        } ?? NamedEntityTagger.bundled.get()
    }
    if !quiet { printError("model loaded in \(String(format: "%.3f", seconds)) s") }
    return tagger
}
