import ChronicleKnowledge
import ChroniclePipeline
import Foundation

/// The articles of an NDJSON file (as `bench/load/generate_articles.py` writes them) through the
/// pipeline, as store records, for the benchmarks that time what comes after the pipeline.
enum ProcessedArticles {
    /// Runs the pipeline on every line, or reads the records from `cache` when it was written
    /// from the same input (its first line is the input's hash); writes `cache` otherwise.
    /// Returns the records and the pipeline's seconds (0 from the cache).
    static func load(ndjson: String, cache: String?) throws -> ([ArticleRecord], Double) {
        let text = try String(contentsOfFile: ndjson, encoding: .utf8)
        let key = String(ContentHash.of(text), radix: 16)
        if let cache, let cached = try? String(contentsOfFile: cache, encoding: .utf8), cached.hasPrefix(key + "\n") {
            let decoder = JSONDecoder()
            let records = try cached.split(separator: "\n").dropFirst().map { try decoder.decode(ArticleRecord.self, from: Data($0.utf8)) }
            return (records, 0)
        }
        let pipeline = try Pipeline.standard()
        let decoder = JSONDecoder()
        var records: [ArticleRecord] = []
        let (_, seconds) = try timed {
            for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() {
                let input = try decoder.decode(ArticleInput.self, from: Data(line.utf8))
                let document = try pipeline.run(input)
                records.append(ArticleRecord(
                    id: String(format: "art_%016x", index), sequence: UInt64(index + 1),
                    contentHash: ContentHash.of(document.text), receivedAt: "2026-01-01T00:00:00Z", document: document))
            }
        }
        if let cache {
            let encoder = JSONEncoder()
            var lines = [key]
            for record in records { lines.append(String(decoding: try encoder.encode(record), as: UTF8.self)) }
            try (lines.joined(separator: "\n") + "\n").write(toFile: cache, atomically: true, encoding: .utf8)
        }
        return (records, seconds)
    }
}
