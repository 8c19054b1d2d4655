import ChroniclePipeline

/// Writes a TimeML document with a system's TIMEX3 tags in its `<TEXT>`: the plain text, escaped,
/// with one `<TIMEX3 tid type value [mod]>` per timex; everything outside `<TEXT>` as it was, so
/// the gold file's other annotations inside `<TEXT>` (EVENT, SIGNAL) are not carried over.
package enum TimeMLWriter {
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
