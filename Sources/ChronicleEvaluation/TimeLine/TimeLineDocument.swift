import ChroniclePipeline
import Foundation

/// One document of the SemEval-2015 Task 4 (TimeLine) corpus in CAT XML (Minard et al. 2015):
/// its id, its creation time (DCT) and its tokens with their sentence numbers. Track A files carry
/// no event annotation; the only markable read is the `TIMEX3` whose `functionInDocument` is
/// `CREATION_TIME`.
///
/// Read with the project's own markup scanner (`TimeMLScanner`), as `ECBPlusDocument` is: the CAT
/// files are the same tokenized XML.
package struct TimeLineDocument: Sendable {
    package struct Token: Sendable, Equatable {
        /// `t_id`, as written.
        package var id: Int
        /// `sentence`: the number the timelines name events by (`docid-sentence-token`).
        package var sentence: Int
        package var text: String

        package init(id: Int, sentence: Int, text: String) {
            self.id = id
            self.sentence = sentence
            self.text = text
        }
    }

    package typealias FormatError = CorpusFormatError

    /// `doc_id`: the number that starts every event name of this document (`11714`).
    package var id: String
    /// `doc_name`: `11714_Ryanair_exercises_options_on_five_Boeing_737s.txt`.
    package var name: String
    /// The DCT's TIMEX3 value (`2005-06-13`), nil when the file has none.
    package var creationTime: String?
    /// In file order.
    package var tokens: [Token]

    package init(contentsOf url: URL) throws {
        self = try CorpusFormatError.reading(url) { try Self($0) }
    }

    package init(_ source: String) throws {
        let scanner = TimeMLScanner(Array(source.unicodeScalars))
        let pieces = try scanner.pieces()
        var id: String?
        var name = ""
        var creationTime: String?
        var tokens: [Token] = []
        var openToken: (id: Int, sentence: Int, scalars: [Unicode.Scalar])?

        for piece in pieces {
            switch piece {
            case .text(let range):
                openToken?.scalars.append(contentsOf: scanner.decoded(range))
            case .cdata(let range):
                openToken?.scalars.append(contentsOf: scanner.scalars[range])
            case .other:
                break
            case .tag(let tag):
                switch tag.name {
                case "Document" where !tag.closing:
                    id = tag.attributes["doc_id"]
                    name = tag.attributes["doc_name"] ?? ""
                case "token" where tag.closing:
                    guard let token = openToken else { throw FormatError(description: "</token> without <token>") }
                    openToken = nil
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: token.scalars)
                    tokens.append(Token(id: token.id, sentence: token.sentence, text: String(view)))
                case "token" where !tag.selfClosing:
                    guard let tokenID = tag.attributes["t_id"].flatMap({ Int($0) }),
                        let sentence = tag.attributes["sentence"].flatMap({ Int($0) })
                    else { throw FormatError(description: "<token> without a numeric t_id and sentence") }
                    openToken = (tokenID, sentence, [])
                case "TIMEX3" where !tag.closing && tag.attributes["functionInDocument"] == "CREATION_TIME":
                    creationTime = tag.attributes["value"].flatMap { $0.isEmpty ? nil : $0 }
                default:
                    break
                }
            }
        }
        guard let id, !id.isEmpty else { throw FormatError(description: "no doc_id on <Document>") }
        self.id = id
        self.name = name
        self.creationTime = creationTime
        self.tokens = tokens
    }

    /// How a timeline names the event whose first token is `tokens[index]`: `11714-2-exercising`.
    package func eventName(firstToken index: Int) -> String {
        "\(id)-\(tokens[index].sentence)-\(tokens[index].text)"
    }

    /// The document as plain text for the pipeline: one sentence per line (the first is the
    /// title), tokens joined the way news is written ("Ryanair's", "five, new", "(RAF)"), so the
    /// tokenizer and the grammars see ordinary text rather than one token per word.
    package var text: String {
        var lines: [String] = []
        var line = ""
        var previous: Token?
        var quoteOpen = false
        var afterOpening = false
        for token in tokens {
            if let last = previous, last.sentence != token.sentence {
                lines.append(line)
                line = ""
                quoteOpen = false
                previous = nil
            }
            let opening = token.text == "``" || (token.text == "\"" && !quoteOpen)
            let closing = token.text == "''" || (token.text == "\"" && quoteOpen)
            if let last = previous, !closing, !afterOpening, !Self.attachesLeft(token.text), !Self.attachesRight(last.text) {
                line += " "
            }
            if opening { quoteOpen = true }
            if closing { quoteOpen = false }
            afterOpening = opening
            line += Self.written(token.text)
            previous = token
        }
        if previous != nil { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    /// Tokens written without a space before them: closing punctuation and clitics.
    static func attachesLeft(_ token: String) -> Bool {
        [",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "...", "'s", "'S", "'", "n't", "'re", "'ve", "'ll", "'d", "'m"]
            .contains(token)
    }

    /// Tokens written without a space after them: opening brackets and currency signs.
    static func attachesRight(_ token: String) -> Bool {
        ["(", "[", "{", "$", "£", "€", "US$"].contains(token)
    }

    /// A token as it is put in `text`: the corpus writes quotes the Penn Treebank way (`` and ''),
    /// which the quotation finder would not read as quotes.
    static func written(_ token: String) -> String {
        switch token {
        case "``", "''": "\""
        case "`": "'"
        default: token
        }
    }

    /// Where each token lies in the pipeline's text made of `text` (which may drop or rejoin lines).
    package func alignment(to pipelineText: String) -> ECBPlusTextAlignment {
        ECBPlusTextAlignment(
            tokens: tokens.map { Self.written($0.text) }, sentences: tokens.map(\.sentence), text: pipelineText)
    }
}
