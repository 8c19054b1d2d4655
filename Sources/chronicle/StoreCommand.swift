import ArgumentParser
import ChronicleEvaluation
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
                indexes are built from the records (as loading a snapshot does), the resident memory the records and \
                the store add is measured from before the records were loaded, and its snapshot is encoded and decoded in memory. \
                Prints one JSON line.
                """)

        @Option(help: "NDJSON of articles, as bench/load/generate_articles.py writes them.") var ndjson: String
        @Option(help: "Keep the processed articles in this file and reuse them while it matches --ndjson.") var cache: String?

        func run() throws {
            var pipelineSeconds = 0.0
            let report = try StoreBenchmark.run {
                let (records, seconds) = try ProcessedArticles.load(ndjson: ndjson, cache: cache)
                pipelineSeconds = seconds
                return records
            }
            let json: [String: Any] = [
                "articles": report.articles, "rebuild_seconds": report.rebuildSeconds, "snapshot_bytes": report.snapshotBytes,
                "snapshot_encode_seconds": report.snapshotEncodeSeconds, "snapshot_decode_seconds": report.snapshotDecodeSeconds,
                "resident_bytes": report.residentBytes, "record_bytes": report.recordBytes, "entity_and_event_index_bytes": report.entityAndEventIndexBytes, "text_bytes": report.textBytes,
                "record_bytes_per_article_beyond_text": Double(report.recordBytes - report.textBytes) / Double(max(1, report.articles)),
                "resident_bytes_per_article_beyond_text": Double(report.residentBytes - report.textBytes) / Double(max(1, report.articles)),
                "pipeline_seconds": pipelineSeconds,
            ]
            print(String(decoding: try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]), as: UTF8.self))
        }
    }
}
