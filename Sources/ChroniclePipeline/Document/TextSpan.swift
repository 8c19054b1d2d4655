/// A half-open range of Unicode scalar offsets into an article's clean text.
///
/// Scalar offsets (not UTF-8 bytes, not grapheme clusters) are what the API exposes: they are
/// stable across encodings and match what JavaScript's `Array.from(text)` and Python's `str` index.
public struct TextSpan: Codable, Sendable, Hashable, Comparable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "span start \(start) after end \(end)")
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    public func contains(_ other: TextSpan) -> Bool { start <= other.start && other.end <= end }
    public func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}
