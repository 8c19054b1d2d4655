import ChroniclePipeline
import Foundation

/// One cluster of the SemEval-2015 Task 4 data (`corpus_1/`, ...): the Track A documents in CAT
/// format (`corpus_trackA_CAT/*.xml`), the target entities
/// (`list_target_entities_corpus_N.txt`, one per line) and the gold timelines
/// (`TimeLines_Gold_Standard/<entity file name>`).
package struct TimeLineCorpus: Sendable {
    package let directory: URL

    package init(directory: URL) {
        self.directory = directory
    }

    package var catDirectory: URL { directory.appendingPathComponent("corpus_trackA_CAT") }
    package var goldDirectory: URL { directory.appendingPathComponent("TimeLines_Gold_Standard") }

    /// The Track A CAT files, sorted by name.
    package func documentFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: catDirectory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "xml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// The target entities in the order the list gives them.
    package func targetEntities() throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        guard let list = names.sorted().first(where: { $0.hasPrefix("list_target_entities") && $0.hasSuffix(".txt") }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: directory.appendingPathComponent("list_target_entities_*.txt").path])
        }
        return try String(contentsOf: directory.appendingPathComponent(list), encoding: .utf8)
            .split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// Every `.txt` timeline in a folder, keyed by file name.
    package static func timelines(in directory: URL) throws -> [String: TimeLine] {
        var result: [String: TimeLine] = [:]
        for url in try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        where url.pathExtension == "txt" {
            result[url.lastPathComponent] = try CorpusFormatError.reading(url) { try TimeLine(parsing: $0) }
        }
        return result
    }
}
