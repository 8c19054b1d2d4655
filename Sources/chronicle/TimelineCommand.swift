import ArgumentParser
import ChronicleEvaluation
import ChroniclePipeline
import Foundation

/// `chronicle timeline semeval|eval`: SemEval-2015 Task 4 (TimeLine), Track A.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline", abstract: "Build and score cross-document timelines (SemEval-2015 Task 4, Track A).",
        subcommands: [SemEval.self, Eval.self])

    struct SemEval: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "semeval",
            abstract: "Write one timeline per target entity from the pipeline's events on the Track A documents.",
            discussion: """
                Each CAT document's tokens are joined into a plain text and run through the full pipeline \
                with the document's creation time as its publication date. An event belongs to a target \
                entity's timeline when one of its actors is that entity; it is named after the corpus token \
                its trigger starts on and placed by its date (order 0 when it has none).
                """)

        @Option(help: "A corpus folder (corpus_1/): corpus_trackA_CAT/ and list_target_entities_*.txt.") var corpus: String
        @Option(help: "Folder to write <entity>.txt timelines to.") var out: String

        func validate() throws {
            let gold = TimeLineCorpus(directory: URL(fileURLWithPath: corpus)).goldDirectory
                .standardizedFileURL.resolvingSymlinksInPath()
            let output = URL(fileURLWithPath: out).standardizedFileURL.resolvingSymlinksInPath()
            guard gold.path != output.path else {
                throw ValidationError("--out must not be the gold folder (the gold timelines would be overwritten)")
            }
        }

        func run() throws {
            let corpus = TimeLineCorpus(directory: URL(fileURLWithPath: self.corpus))
            let files = try corpus.documentFiles()
            guard !files.isEmpty else { throw ValidationError("no .xml files in \(corpus.catDirectory.path)") }
            let targets = try corpus.targetEntities()
            guard !targets.isEmpty else { throw ValidationError("no target entities listed in \(self.corpus)") }
            let pipeline = try Pipeline.standard()
            var builder = TimeLineBuilder(targets: targets)
            var failed: [String] = []
            var withoutDCT = 0
            let (_, seconds) = try timed {
                for file in files {
                    let document = try TimeLineDocument(contentsOf: file)
                    if document.creationTime == nil { withoutDCT += 1 }
                    do {
                        let article = try pipeline.run(ArticleInput(body: .text(document.text), publishedAt: document.creationTime))
                        builder.add(document, article: article)
                    } catch {
                        failed.append("\(file.lastPathComponent): \(error)")
                    }
                }
            }
            let output = URL(fileURLWithPath: out)
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            for target in targets {
                let timeline = builder.timeline(for: target)
                try Data(timeline.formatted.utf8).write(to: output.appendingPathComponent(TimeLine.fileName(for: target)), options: .atomic)
                printError("\(target): \(timeline.entries.count) events")
            }
            printError(
                "\(files.count) documents in \(String(format: "%.1f", seconds)) s, \(builder.triggers) events, "
                    + "\(builder.unalignedTriggers) not found among the corpus tokens; \(targets.count) timelines in \(out)")
            if withoutDCT > 0 { printError("\(withoutDCT) documents have no creation time") }
            if !failed.isEmpty { printError("\(failed.count) documents failed in the pipeline, e.g. \(failed[0])") }
        }
    }

    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Temporal-awareness precision, recall and F1 per entity and micro-averaged (the task's measure).",
            discussion: """
                Each timeline becomes TimeML relations (an event SIMULTANEOUS with its date and with the \
                events of its order, BEFORE the events of later orders); precision is the share of the \
                system's closure-reduced relations the gold closure verifies, recall the converse. Timelines \
                are matched by file name; an entity without a system file scores as an empty timeline.
                """)

        @Option(help: "Folder of gold timelines (TimeLines_Gold_Standard/).") var gold: String
        @Option(help: "Folder of system timelines with the same file names.") var system: String

        func run() throws {
            let goldTimelines = try TimeLineCorpus.timelines(in: URL(fileURLWithPath: gold))
            guard !goldTimelines.isEmpty else { throw ValidationError("no .txt timelines in \(gold)") }
            let systemTimelines = try TimeLineCorpus.timelines(in: URL(fileURLWithPath: system))
            let extra = Set(systemTimelines.keys).subtracting(goldTimelines.keys)
            if !extra.isEmpty {
                printError("\(extra.count) system timelines have no gold and are not scored, e.g. \(extra.sorted()[0])")
            }
            var scorer = TimeLineScorer()
            for name in goldTimelines.keys.sorted() {
                scorer.add(gold: goldTimelines[name]!, system: systemTimelines[name])
            }
            print(scorer.report())
        }
    }
}
