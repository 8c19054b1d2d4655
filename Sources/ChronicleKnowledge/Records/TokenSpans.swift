import ChronicleFoundation
import ChroniclePipeline

/// A stored document's tokens as their spans alone, each the gap since the previous token ended
/// and its length, as varints: about two bytes a token. `[Token]` takes 32 (a span of two `Int`s
/// and the token's `String`), some 14 KiB of an average news article and the largest part of
/// what the store held per article. The store reads its tokens only in order (to show an
/// article, to group it), and a token's text is cut from the document's text again then.
package struct TokenSpans: Sendable, Equatable {
    private var bytes: [UInt8]
    package private(set) var count: Int

    package init(_ tokens: [Token]) {
        self.init(tokens.lazy.map(\.span), count: tokens.count)
    }

    /// `spans` in order, each starting at or after the previous one's start.
    init(_ spans: some Sequence<TextSpan>, count: Int) {
        var writer = ByteWriter(capacity: 2 * count + 8)
        var end = 0
        for span in spans {
            // A token may start inside the previous one: the gap is then negative (zigzag).
            writer.int(span.start - end)
            writer.count(max(0, span.length))
            end = span.start + max(0, span.length)
        }
        self.bytes = writer.take().fitted()
        self.count = count
    }

    package var isEmpty: Bool { count == 0 }

    /// The varints as stored, which is also how `RecordCodec` writes a token list.
    var encoded: [UInt8] { bytes }

    /// The spans in order.
    package var spans: [TextSpan] {
        var spans: [TextSpan] = []
        spans.reserveCapacity(count)
        var reader = ByteReader(bytes)
        var end = 0
        // The bytes are always the writer's own (a stored list is read back through `init`).
        while !reader.isAtEnd, let gap = try? reader.int(), let length = try? reader.varint() {
            let start = end + gap
            end = start + Int(truncatingIfNeeded: length)
            spans.append(TextSpan(start: start, end: end))
        }
        return spans
    }

    /// The tokens with their text, cut from `text` (as far as it reaches).
    package func tokens(in text: String) -> [Token] {
        let slicer = TextSlicer(text)
        return spans.map { Token(span: $0, text: slicer.text($0)) }
    }
}
