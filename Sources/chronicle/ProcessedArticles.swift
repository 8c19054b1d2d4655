import ChronicleFoundation
import ChronicleKnowledge
import ChroniclePipeline
import Foundation

/// The articles of an NDJSON file (as `bench/load/generate_articles.py` writes them) through the
/// pipeline, as store records, for the benchmarks that time what comes after the pipeline.
enum ProcessedArticles {
    /// Runs the pipeline on every line, on every core, or reads the records from `cache` when it
    /// was written from the same input; writes `cache` otherwise. The cache is the input's hash on
    /// a line, then the records as a snapshot (decoded in seconds where JSON took minutes).
    /// Returns the records and the pipeline's seconds (0 from the cache).
    static func load(ndjson: String, cache: String?) throws -> ([ArticleRecord], Double) {
        let text = try Data(contentsOf: URL(fileURLWithPath: ndjson))
        let key = Data((String(ContentHash.of(String(decoding: text, as: UTF8.self)), radix: 16) + "\n").utf8)
        // A cache of another input, or in an older form (JSON lines), is written again.
        if let cache, let cached = FileManager.default.contents(atPath: cache), cached.starts(with: key),
            let contents = try? SnapshotFile.decode(cached.dropFirst(key.count))
        {
            return (contents.records, 0)
        }
        let pipeline = try Pipeline.standard()
        let lines = text.split(separator: UInt8(ascii: "\n")).filter { !$0.isEmpty }
        let (records, seconds) = try timed {
            try Concurrently.map(lines.count) { index in
                let input = try JSONDecoder().decode(ArticleInput.self, from: Data(lines[index]))
                let document = try pipeline.run(input)
                return ArticleRecord(
                    id: String(format: "art_%016x", index), sequence: UInt64(index + 1),
                    contentHash: ContentHash.of(document.text), receivedAt: "2026-01-01T00:00:00Z", document: document)
            }
        }
        if let cache {
            let snapshot = try SnapshotFile.encode(SnapshotFile.Contents(lastSequence: UInt64(records.count), records: records))
            try (key + snapshot).write(to: URL(fileURLWithPath: cache), options: .atomic)
        }
        return (records, seconds)
    }
}
