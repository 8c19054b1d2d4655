import ChroniclePipeline
import Foundation

/// Where the ECB+ release keeps its files: `ECB+/<topic>/<topic>_<n>ecb.xml` and
/// `..._<n>ecbplus.xml`, and `ECBplus_coreference_sentences.csv`, under one folder.
package struct ECBPlusCorpus: Sendable {
    package struct MissingError: Error, CustomStringConvertible {
        package let description: String
    }

    package let directory: URL

    package init(directory: URL) {
        self.directory = directory
    }

    package var annotatedSentencesFile: URL { directory.appendingPathComponent("ECBplus_coreference_sentences.csv") }

    package func annotatedSentences() throws -> ECBPlusAnnotatedSentences {
        try ECBPlusAnnotatedSentences(contentsOf: annotatedSentencesFile)
    }

    /// The XML files of the topics in `topics` that exist (the release has no topics 15 and 17),
    /// by topic, then document number, the `ecb` file before the `ecbplus` one.
    package func documentFiles(topics: ClosedRange<Int>) throws -> [URL] {
        let root = directory.appendingPathComponent("ECB+")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw MissingError(description: "no ECB+ folder at \(root.path)")
        }
        var files: [(key: [Int], url: URL)] = []
        for topic in topics {
            let folder = root.appendingPathComponent(String(topic))
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names where name.hasSuffix(".xml") {
                files.append((Self.sortKey(topic: topic, name: name), folder.appendingPathComponent(name)))
            }
        }
        return files.sorted { ($0.key.lexicographicallyPrecedes($1.key)) || ($0.key == $1.key && $0.url.path < $1.url.path) }
            .map(\.url)
    }

    /// `[topic, n, 0 for ecb / 1 for ecbplus]` from `<topic>_<n>ecb[plus].xml`; unknown shapes last.
    private static func sortKey(topic: Int, name: String) -> [Int] {
        let stem = name.dropLast(4).drop { $0 != "_" }.dropFirst()
        let digits = stem.prefix { $0.isASCII && $0.isNumber }
        guard let number = Int(digits) else { return [topic, Int.max, 0] }
        return [topic, number, stem.hasSuffix("plus") ? 1 : 0]
    }
}
