import ChroniclePipeline

/// Splits XML-like markup into text, tags and the rest (comments, CDATA, processing instructions,
/// doctype), over Unicode scalars so every range is a scalar offset. Enough XML for TimeML files
/// and forgiving where they are not well-formed: a `<` that starts no tag is text, an entity it
/// does not know is kept as written.
struct TimeMLScanner {
    struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var attributes: [String: String]
        /// The scalars of the whole tag, `<` to `>`.
        var range: Range<Int>
    }

    enum Piece {
        /// Character data as written, entities not yet decoded.
        case text(Range<Int>)
        /// The content of a CDATA section: text taken literally.
        case cdata(Range<Int>)
        case tag(Tag)
        /// A comment, processing instruction or doctype: no text.
        case other(Range<Int>)
    }

    typealias FormatError = CorpusFormatError

    let scalars: [Unicode.Scalar]

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    /// Every piece, in order; the ranges cover the scalars without gaps.
    func pieces() throws -> [Piece] {
        var result: [Piece] = []
        var index = 0
        var textStart = 0
        func flushText(upTo end: Int) {
            if textStart < end { result.append(.text(textStart..<end)) }
        }
        while index < scalars.count {
            guard scalars[index] == "<" else {
                index += 1
                continue
            }
            if hasPrefix("<!--", at: index) {
                let end = try position(after: "-->", from: index + 4, what: "comment")
                flushText(upTo: index)
                result.append(.other(index..<end))
                index = end
            } else if hasPrefix("<![CDATA[", at: index) {
                let end = try position(after: "]]>", from: index + 9, what: "CDATA section")
                flushText(upTo: index)
                result.append(.cdata((index + 9)..<(end - 3)))
                index = end
            } else if hasPrefix("<?", at: index) || hasPrefix("<!", at: index) {
                let end = try tagEnd(from: index + 2)
                flushText(upTo: index)
                result.append(.other(index..<end))
                index = end
            } else if let tag = try tag(at: index) {
                flushText(upTo: index)
                result.append(.tag(tag))
                index = tag.range.upperBound
            } else {
                index += 1
                continue
            }
            textStart = index
        }
        flushText(upTo: scalars.count)
        return result
    }

    /// The tag starting at `start`, or nil if the `<` there starts no name (a stray `<` in text).
    private func tag(at start: Int) throws -> Tag? {
        var index = start + 1
        let closing = index < scalars.count && scalars[index] == "/"
        if closing { index += 1 }
        let nameStart = index
        while index < scalars.count, Self.isNameScalar(scalars[index]) { index += 1 }
        guard index > nameStart, Self.isNameStart(scalars[nameStart]) else { return nil }
        let name = string(nameStart..<index)
        let end = try tagEnd(from: index)
        let selfClosing = !closing && end - 2 >= index && scalars[end - 2] == "/"
        let attributes = closing ? [:] : self.attributes(index..<(end - (selfClosing ? 2 : 1)))
        return Tag(name: name, closing: closing, selfClosing: selfClosing, attributes: attributes, range: start..<end)
    }

    /// Just past the `>` that ends a tag, skipping any `>` inside quoted attribute values.
    private func tagEnd(from start: Int) throws -> Int {
        var quote: Unicode.Scalar?
        var index = start
        while index < scalars.count {
            let scalar = scalars[index]
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == ">" {
                return index + 1
            }
            index += 1
        }
        throw FormatError(description: "unterminated tag at scalar \(start)")
    }

    /// `name="value"` and `name='value'` pairs, values with their entities decoded.
    private func attributes(_ range: Range<Int>) -> [String: String] {
        var result: [String: String] = [:]
        var index = range.lowerBound
        while index < range.upperBound {
            while index < range.upperBound, !Self.isNameScalar(scalars[index]) { index += 1 }
            let nameStart = index
            while index < range.upperBound, Self.isNameScalar(scalars[index]) { index += 1 }
            let name = string(nameStart..<index)
            while index < range.upperBound, scalars[index].properties.isWhitespace { index += 1 }
            guard index < range.upperBound, scalars[index] == "=" else { continue }
            index += 1
            while index < range.upperBound, scalars[index].properties.isWhitespace { index += 1 }
            guard index < range.upperBound, scalars[index] == "\"" || scalars[index] == "'" else { continue }
            let quote = scalars[index]
            let valueStart = index + 1
            index = valueStart
            while index < range.upperBound, scalars[index] != quote { index += 1 }
            var value = String.UnicodeScalarView()
            value.append(contentsOf: decoded(valueStart..<index))
            if !name.isEmpty { result[name] = String(value) }
            index += 1
        }
        return result
    }

    /// The scalars of `range` with `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&#NN;` and `&#xNN;`
    /// replaced by what they stand for.
    func decoded(_ range: Range<Int>) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let scalar = scalars[index]
            if scalar == "&",
                let semicolon = scalars[index..<min(range.upperBound, index + 12)].firstIndex(of: ";"),
                let entity = Self.entity(string((index + 1)..<semicolon))
            {
                result.append(entity)
                index = semicolon + 1
            } else {
                result.append(scalar)
                index += 1
            }
        }
        return result
    }

    func string(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    static func entity(_ name: String) -> Unicode.Scalar? {
        switch name {
        case "amp": "&"
        case "lt": "<"
        case "gt": ">"
        case "quot": "\""
        case "apos": "'"
        default:
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            } else if name.hasPrefix("#") {
                UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
            } else {
                nil
            }
        }
    }

    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar == "_" || scalar == ":"
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-" || scalar == "."
            || scalar == ":"
    }

    private func hasPrefix(_ prefix: String, at index: Int) -> Bool {
        var position = index
        for scalar in prefix.unicodeScalars {
            guard position < scalars.count, scalars[position] == scalar else { return false }
            position += 1
        }
        return true
    }

    /// Just past the first `terminator` at or after `start`.
    private func position(after terminator: String, from start: Int, what: String) throws -> Int {
        var index = start
        while index < scalars.count {
            if hasPrefix(terminator, at: index) { return index + terminator.unicodeScalars.count }
            index += 1
        }
        throw FormatError(description: "unterminated \(what) at scalar \(start)")
    }
}
