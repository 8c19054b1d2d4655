import ArgumentParser
import ChronicleEvaluation
import ChronicleKnowledge
import ChroniclePipeline
import Foundation
import Logging

/// `chronicle store bench`: what a store of N articles costs in memory, index rebuilding and
/// snapshots, without HTTP. `chronicle store fill`: a data directory of N articles, for the
/// restart benchmark.
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Measure the knowledge store.", subcommands: [Bench.self, Fill.self])

    struct Fill: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Store the articles of an NDJSON file in a data directory, as the service would.",
            discussion: """
                The articles go through the pipeline first (--cache keeps the result), then into a store opened on \
                --data-dir through its normal write path, in batches (one journal write each). A snapshot is written \
                once --snapshot-after articles are stored (default: all of them), so the rest stay in the journal only. \
                Prints one JSON line.
                """)

        @Option(help: "NDJSON of articles, as bench/load/generate_articles.py writes them.") var ndjson: String
        @Option(help: "Keep the processed articles in this file and reuse them while it matches --ndjson.") var cache: String?
        @Option(help: "The data directory to fill (created if missing).") var dataDir: String
        @Option(help: "Write a snapshot once this many articles are stored.") var snapshotAfter: Int?
        @Option(help: "Articles per write.") var batch = 500

        func validate() throws {
            guard batch > 0 else { throw ValidationError("--batch must be positive") }
            if let snapshotAfter, snapshotAfter < 0 { throw ValidationError("--snapshot-after must not be negative") }
        }

        func run() async throws {
            let (records, pipelineSeconds) = try ProcessedArticles.load(ndjson: ndjson, cache: cache)
            var logger = Logger(label: "chronicle.store")
            logger.logLevel = .warning
            let store = try KnowledgeStore(directory: dataDir, logger: logger)
            let snapshotAfter = min(self.snapshotAfter ?? records.count, records.count)
            let clock = ContinuousClock()
            let started = clock.now
            var stored = 0
            var snapshot: KnowledgeStore.SnapshotReport?
            while stored < records.count || snapshot == nil {
                if stored == snapshotAfter, snapshot == nil {
                    snapshot = try await store.writeSnapshot()
                    continue
                }
                // A batch never runs past the snapshot's point.
                let end = min(records.count, stored + batch, stored < snapshotAfter ? snapshotAfter : .max)
                _ = try await store.add(records[stored..<end].map(\.fullDocument))
                stored = end
            }
            await store.close()
            let json: [String: Any] = [
                "articles": records.count, "snapshot_articles": snapshot?.articles ?? 0, "journal_articles": records.count - snapshotAfter,
                "store_seconds": (clock.now - started).seconds, "pipeline_seconds": pipelineSeconds,
            ]
            print(String(decoding: try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]), as: UTF8.self))
        }
    }

    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Memory per article, index rebuild time and snapshot write and restore time for the articles of an NDJSON file.",
            discussion: """
                The articles go through the pipeline first (not timed; --cache keeps the result). Then the store's \
                indexes are built from the records (as loading a snapshot does), the resident memory the records and \
                the store add is measured from before the records were loaded, and its snapshot is encoded and decoded in memory, \
                its indexes restored and compared with the ones written. \
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
                "restored_is_written": report.restoredIsWritten, "story_regroup_seconds": report.storyRegroupSeconds,
                "resident_bytes": report.residentBytes, "record_bytes": report.recordBytes, "entity_and_event_index_bytes": report.entityAndEventIndexBytes, "text_bytes": report.textBytes,
                "record_bytes_per_article_beyond_text": Double(report.recordBytes - report.textBytes) / Double(max(1, report.articles)),
                "resident_bytes_per_article_beyond_text": Double(report.residentBytes - report.textBytes) / Double(max(1, report.articles)),
                "pipeline_seconds": pipelineSeconds,
            ]
            print(String(decoding: try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]), as: UTF8.self))
        }
    }
}
