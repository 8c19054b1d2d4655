import ChroniclePipeline

/// A stored document's tokens as their spans alone, each the gap since the previous token ended
/// and its length, as varints: about two bytes a token. `[Token]` takes 32 (a span of two `Int`s
/// and the token's `String`), some 14 KiB of an average news article and the largest part of
/// what the store held per article. The store reads its tokens only in order (to show an
/// article, to group it), and a token's text is cut from the document's text again then.
public struct TokenSpans: Sendable, Equatable {
    private var bytes: [UInt8]
    public private(set) var count: Int

    public init(_ tokens: [Token]) {
        self.init(tokens.lazy.map(\.span), count: tokens.count)
    }

    /// `spans` in order, each starting at or after the previous one's start.
    init(_ spans: some Sequence<TextSpan>, count: Int) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(2 * count + 8)
        var end = 0
        for span in spans {
            // A token may start inside the previous one: the gap is then negative (zigzag).
            let gap = span.start - end
            Self.append(UInt64(bitPattern: Int64((gap << 1) ^ (gap >> 63))), to: &bytes)
            Self.append(UInt64(max(0, span.length)), to: &bytes)
            end = span.start + max(0, span.length)
        }
        self.bytes = bytes.fitted()
        self.count = count
    }

    public var isEmpty: Bool { count == 0 }

    /// The varints as stored, which is also how `RecordCodec` writes a token list.
    var encoded: [UInt8] { bytes }

    /// The spans in order.
    public var spans: [TextSpan] {
        var spans: [TextSpan] = []
        spans.reserveCapacity(count)
        var offset = 0
        var end = 0
        while offset < bytes.count {
            let zigzag = Self.read(bytes, &offset)
            let start = end + (Int(truncatingIfNeeded: zigzag >> 1) ^ -Int(truncatingIfNeeded: zigzag & 1))
            end = start + Int(truncatingIfNeeded: Self.read(bytes, &offset))
            spans.append(TextSpan(start: start, end: end))
        }
        return spans
    }

    /// The tokens with their text, cut from `text` (as far as it reaches).
    public func tokens(in text: String) -> [Token] {
        let slicer = TextSlicer(text)
        return spans.map { Token(span: $0, text: slicer.text($0)) }
    }

    private static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    private static func read(_ bytes: [UInt8], _ offset: inout Int) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 || shift >= 63 { break }
            shift += 7
        }
        return value
    }
}
