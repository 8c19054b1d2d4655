import ChroniclePipeline
import Foundation

/// The sentences ECB+ annotators worked through (`ECBplus_coreference_sentences.csv`: `Topic,
/// File,Sentence Number`). Mentions outside them were marked only now and then, so a system
/// trigger there says nothing about precision: the corpus README asks to restrict evaluation to
/// these sentences.
package struct ECBPlusAnnotatedSentences: Sendable, Equatable {
    package typealias FormatError = CorpusFormatError

    /// Document name (`1_10ecbplus`) to its annotated sentence numbers.
    package private(set) var byDocument: [String: Set<Int>]

    package init(contentsOf url: URL) throws {
        self = try CorpusFormatError.reading(url) { try Self(csv: $0) }
    }

    /// A header line, then `topic,file,sentence` per line (`1,10ecbplus,3`); blank lines are skipped.
    package init(csv: String) throws {
        byDocument = [:]
        for (number, line) in csv.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if number == 0 && fields.first == "Topic" || fields.allSatisfy(\.isEmpty) { continue }
            guard fields.count == 3, !fields[0].isEmpty, !fields[1].isEmpty, let sentence = Int(fields[2]) else {
                throw FormatError(description: "line \(number + 1): expected Topic,File,Sentence Number, got \"\(line)\"")
            }
            byDocument["\(fields[0])_\(fields[1])", default: []].insert(sentence)
        }
    }

    /// The annotated sentence numbers of a document (`1_10ecbplus`); none if it is not listed.
    package func sentences(of document: String) -> Set<Int> {
        byDocument[document] ?? []
    }
}
