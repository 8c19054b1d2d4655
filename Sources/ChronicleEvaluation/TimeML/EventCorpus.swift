import ChroniclePipeline
import Foundation

/// TimeML documents cut into sentences, parsed for syntax, and each token tagged with the gold
/// EVENT it belongs to (IOB2 over the seven classes): the event tagger's training and test data.
package struct EventCorpus: Sendable {
    package struct Document: Sendable {
        package var name: String
        package var timeML: TimeMLDocument
        package var sentences: [ParsedSentence]
        /// Per sentence, each token's scalar span in the text.
        package var spans: [[TextSpan]]
        /// Per sentence, each token's gold IOB2 tag.
        package var gold: [[String]]
    }

    package var documents: [Document]

    /// Reads every `.tml` file under `directory` (sorted by path).
    package init(directory: URL, parser: ShallowParser) throws {
        let segmenter = PlainTextSegmenter()
        var workspace = ShallowParser.Workspace(parser: parser)
        let names = (FileManager.default.enumerator(atPath: directory.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".tml") }.sorted()
        documents = try names.map { name in
            let timeML = try TimeMLDocument(contentsOf: directory.appendingPathComponent(name))
            return Self.document(name: name, timeML: timeML, segmenter: segmenter, parser: parser, workspace: &workspace)
        }
    }

    package init(documents: [Document]) { self.documents = documents }

    package static func document(
        name: String, timeML: TimeMLDocument, segmenter: PlainTextSegmenter, parser: ShallowParser, workspace: inout ShallowParser.Workspace
    ) -> Document {
        let (sentences, tokens) = segmenter.segment(timeML.text)
        var parsed: [ParsedSentence] = []
        var spans: [[TextSpan]] = []
        var gold: [[String]] = []
        for sentence in sentences {
            let sentenceTokens = tokens[sentence.tokens]
            parsed.append(parser.parse(sentenceTokens.map(\.text), workspace: &workspace))
            let tokenSpans = sentenceTokens.map(\.span)
            spans.append(tokenSpans)
            gold.append(goldTags(tokenSpans, events: timeML.events))
        }
        return Document(name: name, timeML: timeML, sentences: parsed, spans: spans, gold: gold)
    }

    /// Each token's tag: `B-CLASS` for the first token an event overlaps, `I-CLASS` for the next.
    static func goldTags(_ spans: [TextSpan], events: [TimeMLDocument.Event]) -> [String] {
        var tags = [String](repeating: "O", count: spans.count)
        guard let first = spans.first, let last = spans.last else { return tags }
        for event in events where event.span.start < last.end && event.span.end > first.start {
            var inside = false
            for (index, span) in spans.enumerated() where span.start < event.span.end && span.end > event.span.start {
                tags[index] = (inside ? "I-" : "B-") + event.eventClass
                inside = true
            }
        }
        return tags
    }

    package var tokenCount: Int { documents.reduce(0) { $0 + $1.sentences.reduce(0) { $0 + $1.words.count } } }
}
