import ArgumentParser
import ChronicleEvaluation
import ChronicleFoundation
import ChroniclePipeline
import Foundation

/// `chronicle timeml annotate|eval|train|crossval`: Chronicle's TIMEX3s and EVENTs on TimeML
/// corpora, and the event tagger's training.
struct TimeMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeml", abstract: "Annotate and score TimeML corpora (timexes and events); train and cross-validate the event tagger.",
        subcommands: [Annotate.self, Eval.self, Train.self, CrossValidate.self])

    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Train the event tagger on every .tml file under --timeml and write the model.")

        @Option(help: "Folder of gold .tml files (read recursively).") var timeml = "../shared/data/tempeval3/TBAQ-cleaned"
        /// 9 epochs with dropout 0.35: the best relaxed and class F1 of `chronicle timeml crossval`
        /// over dropouts 0, 0.1, 0.2 and 0.35 and 1 to 14 epochs.
        @Option(help: "Epochs (chosen with `chronicle timeml crossval`).") var epochs = 9
        @Option(help: "Seed for the sentence order.") var seed: UInt64 = 1
        @Option(help: "Drop features seen fewer times in training.") var minCount = 1
        @Option(help: "Share of features hidden from each training sentence per epoch (feature bagging).") var dropout = 0.35
        @Option(help: "Models trained from seeds --seed, --seed + 1, ... and averaged into one.") var members = 5
        @Option(help: "Folder to write the models to (the mention tagger and one per attribute).")
        var output = "Sources/ChroniclePipeline/Resources/events"

        func validate() throws {
            guard members >= 1 else { throw ValidationError("--members must be at least 1") }
        }

        func run() throws {
            let corpus = try EventCorpus(directory: URL(fileURLWithPath: timeml), parser: try ShallowParser.bundled.get())
            printError("\(corpus.documents.count) documents, \(corpus.tokenCount) tokens")
            let trainer = EventTrainer(
                options: trainingOptions(epochs: epochs, seed: seed, minCount: minCount, dropout: dropout, members: members),
                clusters: try WordClusters.bundled.get(), senses: try WordSenses.bundled.get(), log: printError)
            let tagger = trainer.train(corpus.documents)
            let folder = URL(fileURLWithPath: output)
            func path(_ resource: String) -> String { folder.appendingPathComponent((resource as NSString).lastPathComponent).path }
            try writeModel(tagger.model, to: path(EventTagger.modelPath))
            for (attribute, model) in zip(EventAttributeClassifier.attributes, tagger.attributes?.models ?? []) {
                try writeModel(model, to: path(EventAttributeClassifier.modelPath(attribute)))
            }
        }
    }

    struct CrossValidate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "crossval",
            abstract: "Cross-validate the event tagger over the documents under --timeml: TempEval-3 event scores after each epoch, in full after the last.")

        @Option(help: "Folder of gold .tml files (read recursively).") var timeml = "../shared/data/tempeval3/TBAQ-cleaned"
        @Option(help: "Folds (documents dealt into them from --seed).") var folds = 5
        @Option(help: "Most epochs: scores are printed for 1 to this many.") var epochs = 9
        @Option(help: "Seed for fold assignment and sentence order.") var seed: UInt64 = 1
        @Option(help: "Drop features seen fewer times in training.") var minCount = 1
        @Option(help: "Share of features hidden from each training sentence per epoch (feature bagging).") var dropout = 0.35
        @Flag(help: "Print which class the events of each gold class were given.") var confusions = false
        @Option(help: "Models trained from seeds --seed, --seed + 1, ... and averaged into one.") var members = 5

        func validate() throws {
            guard folds >= 2, epochs >= 1, members >= 1 else {
                throw ValidationError("--folds must be at least 2, --epochs and --members at least 1")
            }
        }

        func run() throws {
            let corpus = try EventCorpus(directory: URL(fileURLWithPath: timeml), parser: try ShallowParser.bundled.get())
            printError("\(corpus.documents.count) documents, \(corpus.tokenCount) tokens")
            let trainer = EventTrainer(
                options: trainingOptions(epochs: epochs, seed: seed, minCount: minCount, dropout: dropout, members: members),
                clusters: try WordClusters.bundled.get(), senses: try WordSenses.bundled.get(), log: printError)
            let scores = trainer.crossValidate(corpus, folds: folds)
            for (index, score) in scores.enumerated() {
                print(String(format: "epochs %2d: relaxed F1 %.4f, strict F1 %.4f, class F1 %.4f", index + 1, score.relaxedF1, score.f1(score.strict), score.classF1))
            }
            print("\n\(epochs) epochs, \(folds)-fold cross-validation over \(corpus.documents.count) documents")
            print(scores[epochs - 1].report())
            if confusions { print("\n" + scores[epochs - 1].confusionTable) }
        }
    }
}

func trainingOptions(epochs: Int, seed: UInt64, minCount: Int, dropout: Double = 0, members: Int = 1) -> SequenceTrainer.Options {
    var options = SequenceTrainer.Options()
    options.members = members
    options.epochs = epochs
    options.seed = seed
    options.minimumCount = minCount
    options.featureDropout = dropout
    return options
}

extension TimeMLCommand {
    struct Annotate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write each TimeML file of a folder again with Chronicle's own TIMEX3 and EVENT tags (its gold tags, instances and links left out).")

        @Option(help: "Folder of .tml files (read recursively).") var timeml: String
        @Option(help: "Folder to write the annotated files to, under the same relative paths.") var out: String

        func validate() throws { try validateOutputFolder(out, input: timeml) }

        func run() throws {
            let files = try timeMLFiles(under: timeml, option: "--timeml")
            guard !files.isEmpty else { throw ValidationError("no .tml files under \(timeml)") }
            let annotator = try TimeMLAnnotator.bundled()
            for file in files {
                let document = try TimeMLDocument(contentsOf: URL(fileURLWithPath: timeml).appendingPathComponent(file))
                let (timexes, events) = annotator.annotate(document)
                let target = URL(fileURLWithPath: out).appendingPathComponent(file)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(TimeMLWriter.document(document, timexes: timexes, events: events).utf8).write(to: target, options: .atomic)
            }
            printError("annotated \(files.count) files into \(out)")
        }
    }

    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "TempEval-3 scores for timexes (strict and relaxed span, type and value) and events (span, class, tense, aspect, polarity, modality).",
            discussion: """
                Files are matched by their path relative to --gold and --system. Without --system the gold \
                files are annotated in memory, written and read back as `annotate` would write them, and scored. \
                Polarity is not scored in a gold file that marks most of its events NEG (a broken attribute).
                """)

        @Option(help: "Folder of gold .tml files (read recursively).") var gold: String
        @Option(help: "Folder of system .tml files with the same relative paths.") var system: String?

        func run() throws {
            let files = try timeMLFiles(under: gold, option: "--gold")
            guard !files.isEmpty else { throw ValidationError("no .tml files under \(gold)") }
            let annotator = system == nil ? try TimeMLAnnotator.bundled() : nil
            var timexScore = TempEvalScorer()
            var eventScore = EventScore()
            var unreliable = 0
            for file in files {
                let goldDocument = try TimeMLDocument(contentsOf: URL(fileURLWithPath: gold).appendingPathComponent(file))
                let systemDocument: TimeMLDocument
                if let system {
                    let url = URL(fileURLWithPath: system).appendingPathComponent(file)
                    guard FileManager.default.fileExists(atPath: url.path) else {
                        throw ValidationError("no system file \(url.path) for the gold file \(file)")
                    }
                    systemDocument = try TimeMLDocument(contentsOf: url)
                } else if let annotator {
                    let (timexes, events) = annotator.annotate(goldDocument)
                    systemDocument = try TimeMLDocument(TimeMLWriter.document(goldDocument, timexes: timexes, events: events))
                } else {
                    continue
                }
                guard systemDocument.text == goldDocument.text else {
                    throw ValidationError("\(file): the system file's text differs from the gold file's")
                }
                timexScore.add(
                    document: file, gold: goldDocument.timexes,
                    system: systemDocument.timexes.map { timex in
                        TimexMention(
                            span: timex.span, text: timex.text, type: TimexType(rawValue: timex.type) ?? .date, value: timex.value, mod: timex.mod)
                    })
                if !goldDocument.polarityIsReliable { unreliable += 1 }
                eventScore.add(document: goldDocument, system: systemDocument.events.map(\.mention))
            }
            print(timexScore.report())
            print("")
            print(eventScore.report())
            if unreliable > 0 { print("(polarity not scored in \(unreliable) files that mark most events NEG)") }
        }
    }
}
