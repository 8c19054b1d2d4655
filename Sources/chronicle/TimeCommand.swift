import ArgumentParser
import ChronicleEvaluation
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

        func validate() throws { try validateOutputFolder(out, input: timeml) }

        func run() throws {
            let files = try timeMLFiles(under: timeml, option: "--timeml")
            guard !files.isEmpty else { throw ValidationError("no .tml files under \(timeml)") }
            let tagger = try TemporalTagger()
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
            discussion: """
                Files are matched by their path relative to --gold and --system. Without --system the gold \
                files are annotated in memory (their TIMEX3 tags ignored) and scored directly.
                """)

        @Option(help: "Folder of gold .tml files (read recursively).") var gold: String
        @Option(help: "Folder of system .tml files with the same relative paths.") var system: String?
        @Option(help: "Print up to this many disagreements (missed, spurious, span, type, value) on stderr.") var errors = 0
        @Flag(help: "Print the counts and F1 of every file.") var byFile = false

        func validate() throws {
            guard errors >= 0 else { throw ValidationError("--errors must be 0 or more") }
        }

        func run() throws {
            let files = try timeMLFiles(under: gold, option: "--gold")
            guard !files.isEmpty else { throw ValidationError("no .tml files under \(gold)") }
            if let system {
                let extra = Set(try timeMLFiles(under: system, option: "--system")).subtracting(files)
                if !extra.isEmpty { printError("\(extra.count) system files have no gold file and are not scored, e.g. \(extra.sorted()[0])") }
            }
            let tagger = try TemporalTagger()
            var scorer = TempEvalScorer()
            var seconds = 0.0
            var dropped = 0
            for file in files {
                let goldDocument = try TimeMLDocument(contentsOf: URL(fileURLWithPath: gold).appendingPathComponent(file))
                let timexes: [TimexMention]
                if let system {
                    let url = URL(fileURLWithPath: system).appendingPathComponent(file)
                    guard FileManager.default.fileExists(atPath: url.path) else {
                        throw ValidationError("no system file \(url.path) for the gold file \(file)")
                    }
                    let systemDocument = try TimeMLDocument(contentsOf: url)
                    guard systemDocument.text == goldDocument.text else {
                        throw ValidationError("\(file): the system file's text differs from the gold file's")
                    }
                    timexes = systemDocument.timexes.map { timex in
                        TimexMention(
                            span: timex.span, text: timex.text, type: TimexType(rawValue: timex.type) ?? .date, value: timex.value,
                            mod: timex.mod)
                    }
                } else {
                    let (found, elapsed) = timed { tagger.timexes(in: goldDocument.text, documentCreationTime: goldDocument.creationTime) }
                    seconds += elapsed
                    // Score what `annotate` would write, so both ways give the same figures.
                    timexes = TimeMLWriter.kept(found, textLength: goldDocument.text.unicodeScalars.count)
                    dropped += found.count - timexes.count
                }
                scorer.add(document: file, gold: goldDocument.timexes, system: timexes)
            }
            if system == nil {
                printError("tagged \(files.count) files in \(String(format: "%.3f", seconds)) s")
                if dropped > 0 { printError("\(dropped) overlapping or out-of-range system timexes dropped, as annotate would") }
            }
            if byFile { print(scorer.documentReport() + "\n") }
            for difference in scorer.differences.prefix(errors) {
                let gold = difference.gold.map { describe($0.span, $0.text, $0.type, $0.value, $0.mod) } ?? "-"
                let system = difference.system.map { describe($0.span, $0.text, $0.type.rawValue, $0.value, $0.mod) } ?? "-"
                printError("\(difference.kind.rawValue)\t\(difference.document)\tgold \(gold)\tsystem \(system)")
            }
            print(scorer.report())
        }

        /// `19-25 "Friday" DATE 2025-05-16 [mod]`.
        private func describe(_ span: TextSpan, _ text: String, _ type: String, _ value: String, _ mod: String?) -> String {
            "\(span.start)-\(span.end) \"\(text)\" \(type) \(value)" + (mod.map { " " + $0 } ?? "")
        }
    }

    struct Tag: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tag plain text files (or standard input): one line per timex, start, end, type, value, mod, text.")

        @Option(help: "Document creation time, YYYY-MM-DD (relative expressions are anchored on it).") var dct: String?
        @Flag(
            help: """
                Print the tagging time (reading excluded) and the tokens (whitespace-separated) and characters \
                (Unicode scalars) per second as a JSON line on stderr.
                """)
        var timing = false
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
            let tagger = try TemporalTagger()
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
                    // A line break or tab inside the text would break the one-line-per-timex format.
                    let text = String(timex.text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
                    output += "\(timex.span.start)\t\(timex.span.end)\t\(timex.type.rawValue)\t\(timex.value)\t\(timex.mod ?? "")\t\(text)\n"
                }
            }
            FileHandle.standardOutput.write(Data(output.utf8))
            if timing {
                // One JSON line, as `ner tag --timing` prints: tokens are whitespace-separated words.
                let tokens = texts.reduce(0) { $0 + $1.split(whereSeparator: \.isWhitespace).count } * `repeat`
                let characters = texts.reduce(0) { $0 + $1.unicodeScalars.count } * `repeat`
                let timexCount = results.reduce(0) { $0 + $1.count } * `repeat`
                let perSecond = { (count: Int) in Double(count) / max(seconds, 1e-9) }
                printError(
                    #"{"system":"chronicle","documents":\#(texts.count * `repeat`),"tokens":\#(tokens),"characters":\#(characters),"#
                        + #""seconds":\#(seconds),"tokens_per_second":\#(perSecond(tokens)),"#
                        + #""characters_per_second":\#(perSecond(characters)),"timexes":\#(timexCount)}"#)
            }
        }
    }
}

/// `YYYY-MM-DD` with a real month and day.
enum CalendarDateCheck {
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, zip(parts, [4, 2, 2]).allSatisfy({ $0.count == $1 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let month = Int(parts[1]), let day = Int(parts[2])
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}

/// `--out` must not be the `--timeml` folder: the gold files would be overwritten.
func validateOutputFolder(_ out: String, input timeml: String) throws {
    let input = URL(fileURLWithPath: timeml).standardizedFileURL.resolvingSymlinksInPath()
    let output = URL(fileURLWithPath: out).standardizedFileURL.resolvingSymlinksInPath()
    guard input.path != output.path else {
        throw ValidationError("--out must not be the --timeml folder (the gold files would be overwritten)")
    }
}

/// The `.tml` files under a folder, as sorted relative paths.
func timeMLFiles(under folder: String, option: String) throws -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
        throw ValidationError("\(option): no folder at \(folder)")
    }
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
    return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".tml") }.sorted()
}
