/// Cuts a text by scalar offsets in constant time: the text's UTF-8 bytes and where each scalar
/// starts in them, built once. `ArticleDocument.text(of:)` walks the text from its start on every
/// call, which made stages that cut many spans quadratic in the article's length.
package struct TextSlicer: Sendable {
    private let utf8: [UInt8]
    /// Byte offset of every scalar, and of the end.
    private let scalarStarts: [Int]

    package init(_ text: String) {
        utf8 = Array(text.utf8)
        var starts: [Int] = []
        starts.reserveCapacity(utf8.count + 1)
        for (offset, byte) in utf8.enumerated() where byte & 0xC0 != 0x80 { starts.append(offset) }
        starts.append(utf8.count)
        scalarStarts = starts
    }

    /// Scalars in the text.
    package var count: Int { scalarStarts.count - 1 }

    /// The text under `span`, cut at the text's end like `ArticleDocument.text(of:)`.
    package func text(_ span: TextSpan) -> String {
        let start = scalarStarts[min(max(0, span.start), count)]
        let end = scalarStarts[min(max(span.start, span.end, 0), count)]
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }
}
