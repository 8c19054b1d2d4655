import Foundation

/// Writes a TimeML document with a system's TIMEX3 tags in its `<TEXT>`: the plain text,
/// escaped, with one `<TIMEX3 tid type value [mod]>` per timex; everything outside `<TEXT>` as
/// it was. Overlapping timexes keep the first.
public enum TimeMLWriter {
    public static func document(_ document: TimeMLDocument, timexes: [TimexMention]) -> String {
        let scalars = Array(document.text.unicodeScalars)
        var body = ""
        var position = 0
        var number = 0
        for timex in timexes.sorted(by: { $0.span.start < $1.span.start })
        where timex.span.start >= position && timex.span.end <= scalars.count && timex.span.start < timex.span.end {
            body += escaped(scalars[position..<timex.span.start])
            number += 1
            var tag = "<TIMEX3 tid=\"t\(number)\" type=\"\(timex.type.rawValue)\" value=\"\(attribute(timex.value))\""
            if let mod = timex.mod { tag += " mod=\"\(attribute(mod))\"" }
            body += tag + ">" + escaped(scalars[timex.span.start..<timex.span.end]) + "</TIMEX3>"
            position = timex.span.end
        }
        body += escaped(scalars[position...])
        return document.head + body + document.tail
    }

    static func escaped(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var result = ""
        for scalar in scalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func attribute(_ value: String) -> String {
        escaped(ArraySlice(value.unicodeScalars)).replacingOccurrences(of: "\"", with: "&quot;")
    }
}
