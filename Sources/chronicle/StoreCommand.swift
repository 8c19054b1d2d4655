import ArgumentParser
import ChronicleKnowledge
import ChroniclePipeline
import Foundation

/// `chronicle store bench`: what a store of N articles costs in memory, index rebuilding and
/// snapshots, without HTTP.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Measure the knowledge store.", subcommands: [Bench.self])

    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Memory per article, index rebuild time and snapshot write and read time for the articles of an NDJSON file.",
            discussion: """
                The articles go through the pipeline first (not timed; --cache keeps the result). Then the store's \
                indexes are built from the records (as loading a snapshot does), the resident memory the store adds is \
                measured once nothing else holds the records, and its snapshot is encoded and decoded in memory. \
                Prints one JSON line.
                """)

        @Option(help: "NDJSON of articles, as bench/load/generate_articles.py writes them.") var ndjson: String
        @Option(help: "Keep the processed articles in this file and reuse them while it matches --ndjson.") var cache: String?

        func run() throws {
            var (records, pipelineSeconds) = try ProcessedArticles.load(ndjson: ndjson, cache: cache)
            let report = try StoreBenchmark.run(records: &records)
            let json: [String: Any] = [
                "articles": report.articles, "rebuild_seconds": report.rebuildSeconds, "snapshot_bytes": report.snapshotBytes,
                "snapshot_encode_seconds": report.snapshotEncodeSeconds, "snapshot_decode_seconds": report.snapshotDecodeSeconds,
                "resident_bytes": report.residentBytes, "text_bytes": report.textBytes,
                "resident_bytes_per_article_beyond_text": Double(report.residentBytes - report.textBytes) / Double(max(1, report.articles)),
                "pipeline_seconds": pipelineSeconds,
            ]
            print(String(decoding: try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]), as: UTF8.self))
        }
    }
}
