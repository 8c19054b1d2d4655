import ChroniclePipeline
import Foundation

/// A TimeML file (TempEval-3's format): the document creation time from `<DCT>`, the plain text
/// of `<TEXT>` with every tag removed and entities decoded, and the TIMEX3s and EVENTs annotated
/// in it with Unicode scalar offsets into that text (an event with the attributes of its first
/// `<MAKEINSTANCE>`). What lies outside `<TEXT>` is kept as written so the
/// writer can put a system's annotations back into the same document.
package struct TimeMLDocument: Sendable {
    package struct Timex: Sendable, Equatable {
        package var tid: String
        package var span: TextSpan
        package var text: String
        /// As written: gold files may hold a type `TimexType` does not know.
        package var type: String
        package var value: String
        package var mod: String?

        package init(tid: String, span: TextSpan, text: String, type: String, value: String, mod: String? = nil) {
            self.tid = tid
            self.span = span
            self.text = text
            self.type = type
            self.value = value
            self.mod = mod
        }
    }

    /// An EVENT: its class on the tag, tense, aspect, polarity, modality and part of speech on
    /// its instance, as written (nil when absent).
    package struct Event: Sendable, Equatable {
        package var eid: String
        package var span: TextSpan
        package var text: String
        package var eventClass: String
        package var tense: String?
        package var aspect: String?
        package var polarity: String?
        package var modality: String?
        package var partOfSpeech: String?

        package init(
            eid: String, span: TextSpan, text: String, eventClass: String, tense: String? = nil, aspect: String? = nil,
            polarity: String? = nil, modality: String? = nil, partOfSpeech: String? = nil
        ) {
            (self.eid, self.span, self.text, self.eventClass) = (eid, span, text, eventClass)
            (self.tense, self.aspect, self.polarity, self.modality, self.partOfSpeech) = (tense, aspect, polarity, modality, partOfSpeech)
        }
    }

    package typealias FormatError = CorpusFormatError

    /// `<DOCID>`, if there is one.
    package var id: String?
    /// The `value` of the creation-time TIMEX3 in `<DCT>`.
    package var creationTime: String?
    package var text: String
    /// In text order; a TIMEX3 without content (`<TIMEX3 .../>`) has no extent and is left out.
    package var timexes: [Timex]
    /// In text order.
    package var events: [Event]
    /// The file up to and including the `<TEXT>` tag, and from the `</TEXT>` tag on.
    package var head: String
    package var tail: String

    package init(contentsOf url: URL) throws {
        self = try CorpusFormatError.reading(url) { try Self($0) }
    }

    package init(_ source: String) throws {
        let scanner = TimeMLScanner(Array(source.unicodeScalars))
        let pieces = try scanner.pieces()
        guard let open = pieces.firstIndex(where: { $0.tag(named: "TEXT", closing: false) != nil }),
            let close = pieces[open...].firstIndex(where: { $0.tag(named: "TEXT", closing: true) != nil }),
            let openTag = pieces[open].tag(named: "TEXT", closing: false), !openTag.selfClosing,
            let closeTag = pieces[close].tag(named: "TEXT", closing: true)
        else { throw FormatError(description: "no <TEXT> element") }
        head = scanner.string(0..<openTag.range.upperBound)
        tail = scanner.string(closeTag.range.lowerBound..<scanner.scalars.count)
        let outside = Array(pieces[..<open]) + Array(pieces[(close + 1)...])
        id = Self.content(of: "DOCID", in: outside, scanner: scanner)?.trimmingCharacters(in: .whitespacesAndNewlines)
        creationTime = Self.creationTime(in: outside)
        (text, timexes, events) = try Self.body(pieces[(open + 1)..<close], scanner: scanner)
        let instances = Self.instances(in: outside)
        events = events.map { event in
            var event = event
            if let instance = instances[event.eid] {
                event.tense = instance["tense"]
                event.aspect = instance["aspect"]
                event.polarity = instance["polarity"]
                event.modality = instance["modality"]
                event.partOfSpeech = instance["pos"]
            }
            return event
        }
    }

    /// Each event's first `<MAKEINSTANCE>` attributes, by `eventID`.
    private static func instances(in pieces: [TimeMLScanner.Piece]) -> [String: [String: String]] {
        var instances: [String: [String: String]] = [:]
        for piece in pieces {
            guard case .tag(let tag) = piece, tag.name == "MAKEINSTANCE", !tag.closing, let event = tag.attributes["eventID"],
                instances[event] == nil
            else { continue }
            instances[event] = tag.attributes
        }
        return instances
    }

    /// The plain text between the TEXT tags and the TIMEX3 and EVENT elements in it.
    private static func body(_ pieces: ArraySlice<TimeMLScanner.Piece>, scanner: TimeMLScanner) throws -> (String, [Timex], [Event]) {
        var text: [Unicode.Scalar] = []
        var timexes: [Timex] = []
        var events: [Event] = []
        var open: [(name: String, start: Int, attributes: [String: String])] = []
        for piece in pieces {
            switch piece {
            case .text(let range):
                text.append(contentsOf: scanner.decoded(range))
            case .cdata(let range):
                text.append(contentsOf: scanner.scalars[range])
            case .other:
                break
            case .tag(let tag):
                guard tag.name == "TIMEX3" || tag.name == "EVENT", !tag.selfClosing else { continue }
                if !tag.closing {
                    open.append((tag.name, text.count, tag.attributes))
                    continue
                }
                // The innermost open element of that name (an EVENT and a TIMEX3 may overlap).
                guard let index = open.lastIndex(where: { $0.name == tag.name }) else {
                    throw FormatError(description: "</\(tag.name)> without <\(tag.name)>")
                }
                let started = open.remove(at: index)
                var covered = String.UnicodeScalarView()
                covered.append(contentsOf: text[started.start...])
                let attributes = started.attributes
                let span = TextSpan(start: started.start, end: text.count)
                if tag.name == "EVENT" {
                    events.append(Event(eid: attributes["eid"] ?? "", span: span, text: String(covered), eventClass: attributes["class"] ?? ""))
                } else {
                    timexes.append(
                        Timex(
                            tid: attributes["tid"] ?? "", span: span, text: String(covered), type: attributes["type"] ?? "",
                            value: attributes["value"] ?? "", mod: attributes["mod"]))
                }
            }
        }
        if let unclosed = open.last {
            let idAttribute = unclosed.name == "EVENT" ? "eid" : "tid"
            throw FormatError(description: "<\(unclosed.name) \(idAttribute)=\"\(unclosed.attributes[idAttribute] ?? "")\"> not closed inside <TEXT>")
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: text)
        // Nested TIMEX3s close inner first: order by start, the outer first.
        timexes.sort { ($0.span.start, -$0.span.end) < ($1.span.start, -$1.span.end) }
        events.sort { ($0.span.start, -$0.span.end) < ($1.span.start, -$1.span.end) }
        return (String(view), timexes, events)
    }

    /// The value of the TIMEX3 in `<DCT>` whose functionInDocument is CREATION_TIME (else the
    /// first TIMEX3 there, else a CREATION_TIME TIMEX3 anywhere outside `<TEXT>`).
    private static func creationTime(in pieces: [TimeMLScanner.Piece]) -> String? {
        var inDCT = false
        var candidates: [(inDCT: Bool, attributes: [String: String])] = []
        for piece in pieces {
            guard case .tag(let tag) = piece else { continue }
            if tag.name == "DCT" {
                inDCT = !tag.closing && !tag.selfClosing
            } else if tag.name == "TIMEX3", !tag.closing {
                candidates.append((inDCT, tag.attributes))
            }
        }
        let isCreation = { (attributes: [String: String]) in attributes["functionInDocument"] == "CREATION_TIME" }
        let chosen =
            candidates.first { $0.inDCT && isCreation($0.attributes) } ?? candidates.first { $0.inDCT }
            ?? candidates.first { isCreation($0.attributes) }
        return chosen?.attributes["value"]
    }

    /// The decoded text inside the first `<name>` element.
    private static func content(of name: String, in pieces: [TimeMLScanner.Piece], scanner: TimeMLScanner) -> String? {
        guard let open = pieces.firstIndex(where: { $0.tag(named: name, closing: false) != nil }) else { return nil }
        var scalars: [Unicode.Scalar] = []
        for piece in pieces[(open + 1)...] {
            switch piece {
            case .text(let range): scalars.append(contentsOf: scanner.decoded(range))
            case .cdata(let range): scalars.append(contentsOf: scanner.scalars[range])
            case .tag(let tag) where tag.name == name && tag.closing:
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars)
                return String(view)
            case .tag, .other: break
            }
        }
        return nil
    }
}

extension TimeMLScanner.Piece {
    fileprivate func tag(named name: String, closing: Bool) -> TimeMLScanner.Tag? {
        guard case .tag(let tag) = self, tag.name == name, tag.closing == closing else { return nil }
        return tag
    }
}
