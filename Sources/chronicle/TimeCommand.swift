import ArgumentParser
import ChroniclePipeline
import Foundation

/// `chronicle time annotate|eval|tag`: the temporal tagger on TimeML corpora and plain text.
struct TimeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "time", abstract: "Run and score the temporal tagger on TimeML files and plain text.",
        subcommands: [Annotate.self, Eval.self, Tag.self])

    struct Annotate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write each TimeML file of a folder again with the tagger's own TIMEX3 tags (its gold tags ignored).")

        @Option(help: "Folder of .tml files (read recursively).") var timeml: String
        @Option(help: "Folder to write the annotated files to, under the same relative paths.") var out: String

        func run() throws {
            let files = try timeMLFiles(under: timeml)
            let tagger = TemporalTagger()
            for file in files {
                let document = try TimeMLDocument(contentsOf: URL(fileURLWithPath: timeml).appendingPathComponent(file))
                let timexes = tagger.timexes(in: document.text, documentCreationTime: document.creationTime)
                let target = URL(fileURLWithPath: out).appendingPathComponent(file)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(TimeMLWriter.document(document, timexes: timexes).utf8).write(to: target, options: .atomic)
            }
            printError("annotated \(files.count) files into \(out)")
        }
    }

    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "TempEval-3 scores: strict and relaxed span P/R/F1, type and value accuracy and F1.",
            discussion: "Without --system the gold files are annotated in memory and scored directly.")

        @Option(help: "Folder of gold .tml files.") var gold: String
        @Option(help: "Folder of system .tml files with the same relative paths.") var system: String?
        @Option(help: "Print up to this many disagreements (missed, spurious, span, type, value) on stderr.") var errors = 0
        @Flag(help: "Print the counts of every file.") var byFile = false

        func run() throws {
            let files = try timeMLFiles(under: gold)
            guard !files.isEmpty else { throw ValidationError("no .tml files under \(gold)") }
            let tagger = TemporalTagger()
            var scorer = TempEvalScorer()
            var seconds = 0.0
            for file in files {
                let goldDocument = try TimeMLDocument(contentsOf: URL(fileURLWithPath: gold).appendingPathComponent(file))
                let timexes: [TimexMention]
                if let system {
                    let url = URL(fileURLWithPath: system).appendingPathComponent(file)
                    guard FileManager.default.fileExists(atPath: url.path) else { throw ValidationError("no system file \(url.path)") }
                    let systemDocument = try TimeMLDocument(contentsOf: url)
                    guard systemDocument.text == goldDocument.text else { throw ValidationError("\(file): system text differs from gold text") }
                    timexes = systemDocument.timexes.map { timex in
                        TimexMention(span: timex.span, text: timex.text, type: TimexType(rawValue: timex.type) ?? .date, value: timex.value, mod: timex.mod)
                    }
                } else {
                    let (found, elapsed) = timed { tagger.timexes(in: goldDocument.text, documentCreationTime: goldDocument.creationTime) }
                    timexes = found
                    seconds += elapsed
                }
                scorer.add(document: file, gold: goldDocument.timexes, system: timexes)
            }
            if system == nil { printError("tagged \(files.count) files in \(String(format: "%.3f", seconds)) s") }
            if byFile {
                for (name, counts) in scorer.documents {
                    print("\(name)\tgold \(counts.gold)\tsystem \(counts.system)\tstrict \(counts.strict)\trelaxed \(counts.relaxed)\tvalue \(counts.value)")
                }
            }
            for difference in scorer.differences.prefix(errors) {
                let gold = difference.gold.map { "\($0.text) [\($0.type) \($0.value)]" } ?? "-"
                let system = difference.system.map { "\($0.text) [\($0.type.rawValue) \($0.value)]" } ?? "-"
                printError("\(difference.kind.rawValue)\t\(difference.document)\tgold \(gold)\tsystem \(system)")
            }
            print(scorer.report())
        }
    }

    struct Tag: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tag plain text files (or standard input): one line per timex, start, end, type, value, mod, text.")

        @Option(help: "Document creation time, YYYY-MM-DD (relative expressions are anchored on it).") var dct: String?
        @Flag(help: "Print the tagging time and speed (reading excluded) as a JSON line on stderr.") var timing = false
        @Option(help: "Tag the whole input this many times (for stable timing).") var `repeat` = 1
        @Argument(help: "Plain text files; standard input if none.") var files: [String] = []

        func validate() throws {
            guard `repeat` >= 1 else { throw ValidationError("--repeat must be at least 1") }
            if let dct, CalendarDateCheck.isDate(dct) == false { throw ValidationError("--dct must be YYYY-MM-DD") }
        }

        func run() throws {
            var texts: [String] = []
            if files.isEmpty {
                texts.append(String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self))
            } else {
                for file in files {
                    guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
                    texts.append(String(decoding: data, as: UTF8.self))
                }
            }
            let tagger = TemporalTagger()
            var results: [[TimexMention]] = []
            let (_, seconds) = timed {
                for round in 0..<`repeat` {
                    let tagged = texts.map { tagger.timexes(in: $0, documentCreationTime: dct) }
                    if round == 0 { results = tagged }
                }
            }
            var output = ""
            for timexes in results {
                for timex in timexes {
                    output += "\(timex.span.start)\t\(timex.span.end)\t\(timex.type.rawValue)\t\(timex.value)\t\(timex.mod ?? "")\t\(timex.text)\n"
                }
            }
            FileHandle.standardOutput.write(Data(output.utf8))
            if timing {
                // One JSON line, as `ner tag --timing` prints: tokens are whitespace-separated words.
                let tokens = texts.reduce(0) { $0 + $1.split(whereSeparator: \.isWhitespace).count } * `repeat`
                let characters = texts.reduce(0) { $0 + $1.unicodeScalars.count } * `repeat`
                let timexCount = results.reduce(0) { $0 + $1.count }
                printError(
                    #"{"system":"chronicle","documents":\#(texts.count * `repeat`),"tokens":\#(tokens),"characters":\#(characters),"#
                        + #""seconds":\#(seconds),"tokens_per_second":\#(Double(tokens) / max(seconds, 1e-9)),"timexes":\#(timexCount)}"#)
            }
        }
    }
}

/// `YYYY-MM-DD` with a real month and day.
enum CalendarDateCheck {
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}

/// The `.tml` files under a folder, as sorted relative paths.
private func timeMLFiles(under folder: String) throws -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
        throw ValidationError("no folder at \(folder)")
    }
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
    return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".tml") }.sorted()
}
