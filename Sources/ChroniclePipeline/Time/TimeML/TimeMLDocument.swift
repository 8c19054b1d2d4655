import Foundation

/// A TimeML file (TempEval-3's format): the document creation time from `<DCT>`, the plain text
/// of `<TEXT>` with every tag removed and entities decoded, and the TIMEX3s annotated in it with
/// Unicode scalar offsets into that text. What lies outside `<TEXT>` is kept as written so the
/// writer can put a system's annotations back into the same document.
public struct TimeMLDocument: Sendable {
    public struct Timex: Sendable, Equatable {
        public var tid: String
        public var span: TextSpan
        public var text: String
        public var type: String
        public var value: String
        public var mod: String?
    }

    public struct FormatError: Error, CustomStringConvertible {
        public let description: String
    }

    public var id: String?
    public var creationTime: String?
    public var text: String
    public var timexes: [Timex]
    /// The file up to and including `<TEXT>`, and from `</TEXT>` on.
    public var head: String
    public var tail: String

    public init(contentsOf url: URL) throws {
        try self.init(String(contentsOf: url, encoding: .utf8))
    }

    public init(_ source: String) throws {
        guard let open = source.range(of: "<TEXT>"), let close = source.range(of: "</TEXT>", range: open.upperBound..<source.endIndex) else {
            throw FormatError(description: "no <TEXT> element")
        }
        head = String(source[..<open.upperBound])
        tail = String(source[close.lowerBound...])
        id = Self.element("DOCID", in: head).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let dct = Self.element("DCT", in: head), let attributes = Self.firstTag("TIMEX3", in: dct) {
            creationTime = attributes["value"]
        }
        (text, timexes) = try Self.plainText(source[open.upperBound..<close.lowerBound])
    }

    /// The text with tags removed and entities decoded, and the TIMEX3 elements found in it.
    static func plainText(_ markup: Substring) throws -> (String, [Timex]) {
        var text = String.UnicodeScalarView()
        var timexes: [Timex] = []
        var open: [(start: Int, attributes: [String: String])] = []
        let scalars = Array(markup.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<" {
                guard let end = scalars[index...].firstIndex(of: ">") else { throw FormatError(description: "unterminated tag") }
                let tag = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
                index = end + 1
                let closing = tag.hasPrefix("/")
                let name = tag.drop { $0 == "/" }.prefix { !$0.isWhitespace && $0 != "/" }
                guard name == "TIMEX3" else { continue }
                if closing {
                    guard let started = open.popLast() else { throw FormatError(description: "</TIMEX3> without <TIMEX3>") }
                    let span = TextSpan(start: started.start, end: text.count)
                    let covered = String(String.UnicodeScalarView(text[text.index(text.startIndex, offsetBy: span.start)...]))
                    timexes.append(Timex(
                        tid: started.attributes["tid"] ?? "", span: span, text: covered, type: started.attributes["type"] ?? "DATE",
                        value: started.attributes["value"] ?? "", mod: started.attributes["mod"]))
                } else if !tag.hasSuffix("/") {
                    open.append((text.count, attributes(of: tag)))
                }
            } else if scalar == "&", let semicolon = scalars[index...].prefix(12).firstIndex(of: ";"),
                let decoded = entity(String(String.UnicodeScalarView(scalars[(index + 1)..<semicolon])))
            {
                text.append(decoded)
                index = semicolon + 1
            } else {
                text.append(scalar)
                index += 1
            }
        }
        return (String(text), timexes.sorted { $0.span.start < $1.span.start })
    }

    static func entity(_ name: String) -> Unicode.Scalar? {
        switch name {
        case "amp": "&"
        case "lt": "<"
        case "gt": ">"
        case "quot": "\""
        case "apos": "'"
        default:
            if name.hasPrefix("#x") || name.hasPrefix("#X") { UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
            else if name.hasPrefix("#") { UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
            else { nil }
        }
    }

    /// `name="value"` pairs of a tag's text.
    static func attributes(of tag: String) -> [String: String] {
        var result: [String: String] = [:]
        var rest = Substring(tag)
        while let equals = rest.firstIndex(of: "=") {
            let name = rest[..<equals].split(whereSeparator: \.isWhitespace).last.map(String.init) ?? ""
            let afterEquals = rest[rest.index(after: equals)...].drop { $0.isWhitespace }
            guard let quote = afterEquals.first, quote == "\"" || quote == "'",
                let closing = afterEquals.dropFirst().firstIndex(of: quote)
            else { break }
            result[name] = String(afterEquals[afterEquals.index(after: afterEquals.startIndex)..<closing])
            rest = afterEquals[afterEquals.index(after: closing)...]
        }
        return result
    }

    static func element(_ name: String, in source: String) -> String? {
        guard let open = source.range(of: "<\(name)"), let start = source.range(of: ">", range: open.upperBound..<source.endIndex),
            let close = source.range(of: "</\(name)>", range: start.upperBound..<source.endIndex)
        else { return nil }
        return String(source[start.upperBound..<close.lowerBound])
    }

    static func firstTag(_ name: String, in source: String) -> [String: String]? {
        guard let open = source.range(of: "<\(name)"), let end = source.range(of: ">", range: open.upperBound..<source.endIndex) else {
            return nil
        }
        return attributes(of: String(source[open.upperBound..<end.lowerBound]))
    }
}
