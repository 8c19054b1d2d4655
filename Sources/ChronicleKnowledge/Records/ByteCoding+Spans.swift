import ChronicleFoundation
import ChroniclePipeline

/// A text span as the records store it: its start and its length, as varints.
extension ByteWriter {
    mutating func span(_ span: TextSpan) {
        count(span.start)
        count(span.length)
    }
}

extension ByteReader {
    /// Offsets beyond a terabyte of text are no offsets a writer wrote.
    static let largestOffset = 1 << 40

    mutating func span() throws(Malformed) -> TextSpan {
        let start = try varint()
        let size = try varint()
        guard start < UInt64(Self.largestOffset), size < UInt64(Self.largestOffset) else { throw Malformed(description: "span out of range") }
        return TextSpan(start: Int(start), end: Int(start + size))
    }
}
