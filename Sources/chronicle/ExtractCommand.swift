import ArgumentParser
import ChronicleKnowledge
import ChroniclePipeline
import ChronicleServer
import Foundation

struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract", abstract: "Run the pipeline on a file (or stdin) and print the extraction as JSON.")

    @Argument(help: "Article file; '-' or nothing reads standard input.") var file: String?
    @Flag(help: "Treat the input as an HTML page.") var html = false
    @Option(help: "Publication date (ISO 8601) if the text does not carry one.") var publishedAt: String?
    @Option(help: "Publisher name.") var source: String?

    func run() async throws {
        let data: Data
        if let file, file != "-" {
            guard let contents = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read \(file)")
            }
            data = contents
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        let text = String(decoding: data, as: UTF8.self)
        let input = ArticleInput(body: html ? .html(text) : .text(text), source: source, publishedAt: publishedAt)
        let pipeline = try Pipeline.standard()
        let document: ArticleDocument
        do {
            document = try pipeline.run(input)
        } catch {
            throw ValidationError(error.description)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        FileHandle.standardOutput.write(try encoder.encode(ExtractionView(document)))
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}
