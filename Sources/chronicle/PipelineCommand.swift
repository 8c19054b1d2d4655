import ArgumentParser
import ChronicleKnowledge
import ChroniclePipeline
import Foundation

/// `chronicle pipeline bench`: the whole pipeline's speed, for bench/pipeline.
struct PipelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline", abstract: "Time the extraction pipeline.", subcommands: [Bench.self])

    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Words per second of the whole pipeline (text -> entities -> time -> events) on one thread.",
            discussion: """
                Each line of --ndjson is an article as POST /v1/articles takes it (bench/load/generate_articles.py \
                writes them). Words are the whitespace-separated words of the "text" fields. One untimed warm-up run \
                over the first articles, then --rounds timed runs over all of them. Prints one JSON line.
                """)

        @Option(help: "NDJSON of articles.") var ndjson: String
        @Option(help: "Timed runs.") var rounds = 3

        func run() throws {
            let decoder = JSONDecoder()
            let inputs = try String(contentsOfFile: ndjson, encoding: .utf8).split(whereSeparator: \.isNewline)
                .map { try decoder.decode(ArticleInput.self, from: Data($0.utf8)) }
            let words = inputs.reduce(0) { total, input in
                guard case .text(let text) = input.body else { return total }
                return total + text.split(whereSeparator: \.isWhitespace).count
            }
            let pipeline = try Pipeline.standard()
            for input in inputs.prefix(50) { _ = try pipeline.run(input) }
            var runs: [Double] = []
            var events = 0
            for _ in 0..<max(1, rounds) {
                let (found, seconds) = try timed { try inputs.reduce(0) { $0 + (try pipeline.run($1).events.count) } }
                events = found
                runs.append(seconds)
                FileHandle.standardError.write(Data(String(format: "  run: %.2f s, %.0f words/s\n", seconds, Double(words) / seconds).utf8))
            }
            let best = runs.min() ?? 0
            let median = runs.sorted()[runs.count / 2]
            let report: [String: Any] = [
                "system": "chronicle (text, entities, time, events)", "texts": inputs.count, "words": words, "events": events,
                "seconds": best, "median_seconds": median, "runs": runs,
                "words_per_second": Double(words) / best, "median_words_per_second": Double(words) / median,
            ]
            print(String(decoding: try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys]), as: UTF8.self))
        }
    }
}
