import ChroniclePipeline

/// Writes a TimeML document with a system's TIMEX3 tags in its `<TEXT>`: the plain text, escaped,
/// with one `<TIMEX3 tid type value [mod]>` per timex; everything outside `<TEXT>` as it was, so
/// the gold file's other annotations inside `<TEXT>` (EVENT, SIGNAL) are not carried over.
/// With events, each is an `<EVENT eid class>` in the text and a `<MAKEINSTANCE>` after it,
/// with tense, aspect, polarity, modality and part of speech as TempEval-3 files carry them, and
/// the gold file's instances and links are left out.
package enum TimeMLWriter {
    /// An event as written: its span in the text and its attributes.
    package struct Event: Sendable, Equatable {
        package var span: TextSpan
        package var eventClass: String
        package var tense: String?
        package var aspect: String?
        package var polarity: String?
        /// None when the event has no modal.
        package var modality: String?
        /// VERB, NOUN, ADJECTIVE, PREPOSITION or OTHER.
        package var partOfSpeech: String

        package init(
            span: TextSpan, eventClass: String, tense: String? = nil, aspect: String? = nil, polarity: String? = nil,
            modality: String? = nil, partOfSpeech: String = "OTHER"
        ) {
            self.span = span
            self.eventClass = eventClass
            self.tense = tense
            self.aspect = aspect
            self.polarity = polarity
            self.modality = modality
            self.partOfSpeech = partOfSpeech
        }
    }

    /// The document with the system's timexes and events. An event that overlaps a timex or
    /// an earlier event is left out (tags cannot cross).
    package static func document(_ document: TimeMLDocument, timexes: [TimexMention], events: [Event]) -> String {
        let scalars = Array(document.text.unicodeScalars)
        let keptTimexes = kept(timexes, textLength: scalars.count)
        enum Element {
            case timex(Int, TimexMention)
            case event(Int, Event)
            var span: TextSpan {
                switch self {
                case .timex(_, let timex): timex.span
                case .event(_, let event): event.span
                }
            }
        }
        var elements = keptTimexes.enumerated().map { Element.timex($0.offset + 1, $0.element) }
        var writtenEvents: [(Int, Event)] = []
        for event in events.sorted(by: { $0.span.start < $1.span.start })
        where event.span.start < event.span.end && event.span.end <= scalars.count
            && !elements.contains(where: { $0.span.start < event.span.end && event.span.start < $0.span.end })
        {
            writtenEvents.append((writtenEvents.count + 1, event))
            elements.append(.event(writtenEvents.count, event))
        }
        elements.sort { $0.span.start < $1.span.start }
        var body = ""
        var position = 0
        for element in elements {
            body += escaped(scalars[position..<element.span.start])
            switch element {
            case .timex(let number, let timex):
                var tag = "<TIMEX3 tid=\"t\(number)\" type=\"\(timex.type.rawValue)\" value=\"\(attribute(timex.value))\""
                if let mod = timex.mod { tag += " mod=\"\(attribute(mod))\"" }
                body += tag + ">" + escaped(scalars[timex.span.start..<timex.span.end]) + "</TIMEX3>"
            case .event(let number, let event):
                body += "<EVENT eid=\"e\(number)\" class=\"\(attribute(event.eventClass))\">"
                    + escaped(scalars[event.span.start..<event.span.end]) + "</EVENT>"
            }
            position = element.span.end
        }
        body += escaped(scalars[position...])
        var instances = ""
        for (number, event) in writtenEvents {
            var tag = "<MAKEINSTANCE eventID=\"e\(number)\" eiid=\"ei\(number)\""
            for (name, value) in [("tense", event.tense), ("aspect", event.aspect), ("polarity", event.polarity)] {
                if let value { tag += " \(name)=\"\(attribute(value))\"" }
            }
            if let modality = event.modality { tag += " modality=\"\(attribute(modality))\"" }
            instances += tag + " pos=\"\(event.partOfSpeech)\"/>\n"
        }
        // The gold instances and links name the gold events: they go.
        let tail = document.tail.replacing(/<(MAKEINSTANCE|TLINK|SLINK|ALINK)\b[^>]*\/>[ \t]*\n?/, with: "")
        let closing = "</TEXT>"
        let rest = tail.hasPrefix(closing) ? String(tail.dropFirst(closing.count)) : tail
        return document.head + body + closing + "\n" + instances + rest.drop { $0 == "\n" }
    }

    package static func document(_ document: TimeMLDocument, timexes: [TimexMention]) -> String {
        let scalars = Array(document.text.unicodeScalars)
        var body = ""
        var position = 0
        for (number, timex) in kept(timexes, textLength: scalars.count).enumerated() {
            body += escaped(scalars[position..<timex.span.start])
            var tag = "<TIMEX3 tid=\"t\(number + 1)\" type=\"\(timex.type.rawValue)\" value=\"\(attribute(timex.value))\""
            if let mod = timex.mod { tag += " mod=\"\(attribute(mod))\"" }
            body += tag + ">" + escaped(scalars[timex.span.start..<timex.span.end]) + "</TIMEX3>"
            position = timex.span.end
        }
        body += escaped(scalars[position...])
        return document.head + body + document.tail
    }

    /// The timexes a TimeML file can hold, in text order: non-empty, inside the text, and of two
    /// that overlap the earlier one, or the longer if they start together (tags cannot cross).
    package static func kept(_ timexes: [TimexMention], textLength: Int) -> [TimexMention] {
        let ordered = timexes.filter { $0.span.start < $0.span.end && $0.span.end <= textLength }
            .sorted { ($0.span.start, -$0.span.end) < ($1.span.start, -$1.span.end) }
        var result: [TimexMention] = []
        for timex in ordered where timex.span.start >= (result.last?.span.end ?? 0) {
            result.append(timex)
        }
        return result
    }

    /// `&`, `<` and `>` as entities, and `"` too in an attribute value.
    static func escaped(_ scalars: ArraySlice<Unicode.Scalar>, quotes: Bool = false) -> String {
        var result = String.UnicodeScalarView()
        for scalar in scalars {
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "\"" where quotes: result.append(contentsOf: "&quot;".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    static func attribute(_ value: String) -> String {
        escaped(ArraySlice(value.unicodeScalars), quotes: true)
    }
}
