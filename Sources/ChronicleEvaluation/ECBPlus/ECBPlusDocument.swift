import ChroniclePipeline
import Foundation

/// One ECB+ file (Cybulska and Vossen, LREC 2014): its tokens, a plain text rebuilt from them,
/// and the action mentions annotated on them. Entities, times, places and the coreference
/// relations are not read: the trigger evaluation needs only the actions.
///
/// The files are tokenized XML written by the CAT and CROMER tools; the project's own forgiving
/// markup scanner (`TimeMLScanner`) reads them, so no XML library (and no libxml2 in the runtime
/// image) is needed.
package struct ECBPlusDocument: Sendable {
    package struct Token: Sendable, Equatable {
        /// `t_id`, as written.
        package var id: Int
        /// `sentence`: the number the annotated-sentence list refers to.
        package var sentence: Int
        package var text: String
        /// Unicode scalar offsets into `ECBPlusDocument.text`.
        package var span: TextSpan

        package init(id: Int, sentence: Int, text: String, span: TextSpan) {
            self.id = id
            self.sentence = sentence
            self.text = text
            self.span = span
        }
    }

    /// An `ACTION_*` or `NEG_ACTION_*` markable anchored on tokens.
    package struct ActionMention: Sendable, Equatable {
        /// `m_id`, as written.
        package var id: String
        /// The element name: `ACTION_OCCURRENCE`, `NEG_ACTION_STATE`, ...
        package var tag: String
        /// Indices into `ECBPlusDocument.tokens`, ascending.
        package var tokens: [Int]

        package init(id: String, tag: String, tokens: [Int]) {
            self.id = id
            self.tag = tag
            self.tokens = tokens
        }
    }

    package typealias FormatError = CorpusFormatError

    /// The file name without `.xml`: `1_10ecbplus`, as the annotated-sentence list names it.
    package var name: String
    /// The tokens spaced as on the page they came from (`ECBPlusSpacing`), a line break between
    /// sentences.
    package var text: String
    /// In file order.
    package var tokens: [Token]
    /// In file order. Markables without token anchors (the cross-document instances CROMER
    /// appends, `<ACTION_OCCURRENCE ... TAG_DESCRIPTOR=... />`) are no mentions and are left out.
    package var actionMentions: [ActionMention]

    /// The topic folder the file belongs to: what precedes the first `_` of its name.
    package var topic: String { String(name.prefix { $0 != "_" }) }

    package init(contentsOf url: URL) throws {
        let name = url.deletingPathExtension().lastPathComponent
        self = try CorpusFormatError.reading(url) { try Self($0, name: name) }
    }

    package init(_ source: String, name: String) throws {
        self.name = name
        let scanner = TimeMLScanner(Array(source.unicodeScalars))
        let pieces = try scanner.pieces()
        var tokens: [Token] = []
        var text: [Unicode.Scalar] = []
        var tokenIndex: [Int: Int] = [:]
        var mentions: [(id: String, tag: String, anchors: [Int])] = []
        var openToken: (id: Int, sentence: Int, scalars: [Unicode.Scalar])?
        var openMention: (id: String, tag: String, anchors: [Int])?
        var inMarkables = false

        for piece in pieces {
            switch piece {
            case .text(let range):
                openToken?.scalars.append(contentsOf: scanner.decoded(range))
            case .cdata(let range):
                openToken?.scalars.append(contentsOf: scanner.scalars[range])
            case .other:
                break
            case .tag(let tag):
                if tag.name == "token" {
                    if tag.closing {
                        guard let token = openToken else { throw FormatError(description: "</token> without <token>") }
                        openToken = nil
                        var view = String.UnicodeScalarView()
                        view.append(contentsOf: token.scalars)
                        guard tokenIndex[token.id] == nil else { throw FormatError(description: "token t_id \(token.id) twice") }
                        tokenIndex[token.id] = tokens.count
                        tokens.append(Token(id: token.id, sentence: token.sentence, text: String(view), span: TextSpan(start: 0, end: 0)))
                    } else if !tag.selfClosing {
                        guard let id = tag.attributes["t_id"].flatMap({ Int($0) }),
                            let sentence = tag.attributes["sentence"].flatMap({ Int($0) })
                        else { throw FormatError(description: "<token> without a numeric t_id and sentence") }
                        openToken = (id, sentence, [])
                    }
                } else if tag.name == "Markables" {
                    inMarkables = !tag.closing && !tag.selfClosing
                } else if inMarkables, Self.isAction(tag.name) {
                    if tag.closing {
                        if let mention = openMention, mention.tag == tag.name { mentions.append(mention) }
                        openMention = nil
                    } else if !tag.selfClosing {
                        openMention = (tag.attributes["m_id"] ?? "", tag.name, [])
                    }
                } else if inMarkables, tag.name == "token_anchor", !tag.closing, openMention != nil {
                    guard let id = tag.attributes["t_id"].flatMap({ Int($0) }) else {
                        throw FormatError(description: "<token_anchor> without a numeric t_id in m_id \(openMention?.id ?? "")")
                    }
                    openMention?.anchors.append(id)
                }
            }
        }

        var actionMentions: [ActionMention] = []
        for mention in mentions where !mention.anchors.isEmpty {
            var indices: [Int] = []
            for anchor in mention.anchors {
                guard let index = tokenIndex[anchor] else {
                    throw FormatError(description: "m_id \(mention.id) anchors on t_id \(anchor), which is no token")
                }
                indices.append(index)
            }
            actionMentions.append(ActionMention(id: mention.id, tag: mention.tag, tokens: Array(Set(indices)).sorted()))
        }
        // A line per sentence, spaced as the page was.
        var sentenceStart = 0
        while sentenceStart < tokens.count {
            var end = sentenceStart + 1
            while end < tokens.count, tokens[end].sentence == tokens[sentenceStart].sentence { end += 1 }
            if sentenceStart > 0 { text.append("\n") }
            let separators = ECBPlusSpacing.separators(tokens[sentenceStart..<end].map(\.text))
            for index in sentenceStart..<end {
                if index > sentenceStart { text.append(contentsOf: separators[index - sentenceStart - 1].unicodeScalars) }
                let start = text.count
                text.append(contentsOf: tokens[index].text.unicodeScalars)
                tokens[index].span = TextSpan(start: start, end: text.count)
            }
            sentenceStart = end
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: text)
        self.text = String(view)
        self.tokens = tokens
        self.actionMentions = actionMentions
    }

    /// The mention's tokens as written, joined by spaces and lowercased: `checks into`.
    package func words(of mention: ActionMention) -> String {
        mention.tokens.map { tokens[$0].text.lowercased() }.joined(separator: " ")
    }

    /// ECB+ marks actions with `ACTION_*` tags and negated ones with `NEG_ACTION_*`.
    static func isAction(_ name: String) -> Bool {
        name.hasPrefix("ACTION_") || name.hasPrefix("NEG_ACTION_")
    }
}
