import ArgumentParser
import ChronicleEvaluation
import ChroniclePipeline
import Foundation

/// `chronicle events eval`: the event stage's triggers scored on ECB+ action mentions.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: "Score the event extractor on annotated corpora.",
        subcommands: [Eval.self])

    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Trigger precision and recall on ECB+ action mentions, all and those the ontology covers.",
            discussion: """
                Each document's tokens are joined into a plain text and run through the full pipeline; the \
                triggers it finds are mapped back to ECB+ tokens by aligning the texts. Precision counts the \
                triggers in the sentences ECB+ lists as annotated; recall is over every gold action mention, \
                and over the covered ones (a token of the mention is a trigger word of the ontology).
                """)

        @Option(help: "Folder holding ECB+/ and ECBplus_coreference_sentences.csv.") var ecbplus: String
        @Option(help: "Topics to score: a number or a range, e.g. 1-35.") var topics = "1-35"
        @Flag(help: "Print the counts and scores of every topic.") var byTopic = false
        @Option(help: "Print this many of the most frequent uncovered gold trigger words.") var uncovered = 30
        @Option(help: "Print this many of the gold trigger words most often missed on text the pipeline kept.") var missed = 0
        @Option(help: "Print this many of the words of triggers in annotated sentences most often on no gold mention.") var spurious = 0
        @Option(help: "Print up to this many runs of ECB+ tokens not found in the pipeline's text on stderr.") var unaligned = 0

        func validate() throws {
            guard topicRange != nil else { throw ValidationError("--topics must be a number or a range like 1-35") }
            guard uncovered >= 0, unaligned >= 0, missed >= 0, spurious >= 0 else {
                throw ValidationError("--uncovered, --missed, --spurious and --unaligned must be 0 or more")
            }
        }

        /// `1-35` or `7`.
        var topicRange: ClosedRange<Int>? { TopicRange.parse(topics) }

        func run() throws {
            let corpus = ECBPlusCorpus(directory: URL(fileURLWithPath: ecbplus))
            let files = try corpus.documentFiles(topics: topicRange!)
            guard !files.isEmpty else { throw ValidationError("no ECB+ files for topics \(topics) under \(ecbplus)/ECB+") }
            let annotated = try corpus.annotatedSentences()
            let pipeline = try Pipeline.standard()
            var scorer = TriggerScorer { EventLexicon.shared.covers(word: $0) }
            var pipelineSeconds = 0.0
            var failed: [String] = []
            var tokens = 0
            var missing = 0
            var missingRuns: [String] = []
            let (_, seconds) = try timed {
                for file in files {
                    let document = try ECBPlusDocument(contentsOf: file)
                    let (result, elapsed) = timed { Result { try pipeline.run(.text(document.text)) } }
                    pipelineSeconds += elapsed
                    var found: [[Int]] = []
                    var missingTokens = Set(document.tokens.indices)
                    switch result {
                    case .success(let article):
                        let alignment = ECBPlusTextAlignment(document: document, text: article.text)
                        missingTokens = Set(document.tokens.indices.filter { alignment.spans[$0] == nil })
                        if missingRuns.count < unaligned { missingRuns += Self.missingRuns(document, alignment) }
                        found = article.events.map { alignment.tokens(overlapping: $0.trigger) }
                    case .failure(let error):
                        failed.append("\(document.name): \(error)")
                    }
                    tokens += document.tokens.count
                    missing += missingTokens.count
                    scorer.add(
                        document, annotatedSentences: annotated.sentences(of: document.name), systemTriggers: found,
                        missingTokens: missingTokens)
                }
            }
            printError(
                "scored \(files.count) documents in \(String(format: "%.1f", seconds)) s "
                    + "(pipeline \(String(format: "%.1f", pipelineSeconds)) s); "
                    + "\(missing) of \(tokens) ECB+ tokens not found in the pipeline's text")
            for run in missingRuns.prefix(unaligned) { printError(run) }
            if !failed.isEmpty {
                printError("\(failed.count) documents failed in the pipeline (scored with no triggers), e.g. \(failed[0])")
            }
            print(scorer.report())
            if byTopic { print("\n" + scorer.topicReport()) }
            if uncovered > 0 {
                print("\nmost frequent uncovered gold trigger words:\n" + scorer.uncoveredReport(limit: uncovered))
            }
            if missed > 0 {
                print("\ngold trigger words most often missed:\n" + scorer.missedReport(limit: missed))
            }
            if spurious > 0 {
                print("\ntrigger words most often on no gold mention:\n" + scorer.spuriousReport(limit: spurious))
            }
        }

        /// `1_10ecbplus sentence 0: http : / / ...` for each run of tokens of one sentence not found.
        static func missingRuns(_ document: ECBPlusDocument, _ alignment: ECBPlusTextAlignment) -> [String] {
            var runs: [String] = []
            var run: [Int] = []
            func flush() {
                guard let first = run.first else { return }
                let words = run.map { document.tokens[$0].text }.joined(separator: " ")
                runs.append("\(document.name) sentence \(document.tokens[first].sentence): \(words)")
                run = []
            }
            for index in document.tokens.indices {
                if alignment.spans[index] == nil {
                    if let last = run.last, document.tokens[last].sentence != document.tokens[index].sentence { flush() }
                    run.append(index)
                } else {
                    flush()
                }
            }
            flush()
            return runs
        }
    }
}
