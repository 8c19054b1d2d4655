import ChronicleFoundation
import ChronicleTestSupport
import Foundation
import Testing

@Suite("Resource reader")
struct ResourceReaderTests {
    /// A folder of resource files written for the test.
    func reader(_ files: [String: String]) throws -> ResourceReader {
        let directory = ScratchDirectory.make("resources")
        for (path, text) in files {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return ResourceReader(directory: directory)
    }

    @Test("one format: comments, blank lines and padding left out, tabs keep empty columns")
    func format() throws {
        let reader = try reader([
            "words/list.txt": "# a comment\n\nalpha\n  beta  \r\n#gamma\n",
            "words/table.tsv": "# version: 7\n# columns: a b c\nx\t\tz\r\n  y\tb\t \n",
            "words/unicode.tsv": "\u{A0}Zoë\u{3000}\t d\u{E9}j\u{E0} vu \n",
        ])
        // Spaces of every kind pad a column (no-break, ideographic), not only ASCII ones.
        #expect(try reader.rows("words/unicode.tsv", columns: 2...2) == [["Zoë", "d\u{E9}j\u{E0} vu"]])
        #expect(try reader.words("words/list.txt") == ["alpha", "beta"])
        #expect(try reader.rows("words/table.tsv", columns: 3...3) == [["x", "", "z"], ["y", "b", ""]])
        #expect(try reader.lines("words/table.tsv").map(\.number) == [3, 4])
        #expect(try reader.header("version", in: "words/table.tsv") == "7")
        #expect(try reader.header("licence", in: "words/table.tsv") == nil)
    }

    @Test("a missing file is an error that names it")
    func missing() throws {
        let reader = try reader([:])
        #expect(throws: ResourceError.self) { try reader.words("text/absent.txt") }
        do {
            _ = try reader.data("ner/model.bin")
            Issue.record("no error for a missing file")
        } catch {
            #expect(error.file == "ner/model.bin")
            #expect(error.line == nil)
            #expect(error.description.hasPrefix("resource ner/model.bin: missing from "))
        }
    }

    @Test("a malformed line is an error that names the file and the line")
    func malformed() throws {
        let reader = try reader(["events/cues.tsv": "# header\nagreed\tplanned\tyes\nproposed\tproposed\n", "list.txt": "one\ttwo\n"])
        #expect(throws: ResourceError(file: "events/cues.tsv", line: 3, problem: "2 columns, expected 3")) {
            try reader.rows("events/cues.tsv", columns: 3...3)
        }
        #expect(try reader.rows("events/cues.tsv", columns: 2...3).count == 2)
        #expect(throws: ResourceError(file: "list.txt", line: 1, problem: "a word list has one column")) { try reader.words("list.txt") }
        let invalid = ScratchDirectory.make("resources")
        try FileManager.default.createDirectory(at: invalid, withIntermediateDirectories: true)
        try Data([0x61, 0xFF, 0x0A]).write(to: invalid.appendingPathComponent("bad.txt"))
        #expect(throws: ResourceError(file: "bad.txt", problem: "not UTF-8")) { try ResourceReader(directory: invalid).words("bad.txt") }
    }

    @Test("a folder reader finds a file by its path or by its name alone")
    func flattened() throws {
        let reader = try reader(["gazetteer_places.tsv": "Paris\tcapital\n"])
        #expect(try reader.rows("gazetteer/gazetteer_places.tsv", columns: 2...2) == [["Paris", "capital"]])
    }
}
