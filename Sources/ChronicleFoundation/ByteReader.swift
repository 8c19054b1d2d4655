/// Reads what `ByteWriter` wrote. Every length and count is checked against the bytes left, so
/// damaged bytes are an error, never a huge allocation or a read past the end.
package struct ByteReader {
    package struct Malformed: Error, CustomStringConvertible {
        package let description: String

        package init(description: String) { self.description = description }
    }

    private let bytes: [UInt8]
    package private(set) var position: Int
    /// Where reading stops: the end of the bytes, or of the part of them given.
    private let end: Int

    package init(_ bytes: [UInt8], from position: Int = 0) {
        self.init(bytes, range: position..<bytes.count)
    }

    /// Reads only `range` of `bytes`: a part of a larger buffer, without copying it out.
    package init(_ bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        position = range.lowerBound
        end = range.upperBound
    }

    package var remaining: Int { end - position }
    package var isAtEnd: Bool { position == end }

    package mutating func byte() throws(Malformed) -> UInt8 {
        guard position < end else { throw Malformed(description: "the bytes end early") }
        defer { position += 1 }
        return bytes[position]
    }

    /// The next `count` bytes.
    package mutating func bytes(_ count: Int) throws(Malformed) -> ArraySlice<UInt8> {
        guard count >= 0, count <= remaining else { throw Malformed(description: "\(count) bytes announced, \(remaining) left") }
        defer { position += count }
        return bytes[position..<(position + count)]
    }

    package mutating func varint() throws(Malformed) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw Malformed(description: "varint too long") }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
    }

    /// A count of items that each take at least `minimumBytes`: no more than the bytes left allow.
    package mutating func count(minimumBytes: Int = 1) throws(Malformed) -> Int {
        let value = try varint()
        guard value <= UInt64(remaining / max(1, minimumBytes)) else { throw Malformed(description: "count \(value) beyond the bytes left") }
        return Int(value)
    }

    /// Zigzag, as `ByteWriter.int` writes it.
    /// A non-negative number that is not a count (an index, a length inside the text, a
    /// frequency), below `limit`: unlike `count`, not bounded by the bytes left.
    package mutating func natural(below limit: Int = Int.max) throws(Malformed) -> Int {
        let value = try varint()
        guard value < UInt64(max(0, limit)) else { throw Malformed(description: "\(value) out of range (below \(limit))") }
        return Int(value)
    }

    package mutating func int() throws(Malformed) -> Int {
        let raw = try varint()
        return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    /// A fixed-width integer, little-endian.
    package mutating func fixed<T: FixedWidthInteger>(_ type: T.Type = T.self) throws(Malformed) -> T {
        let size = MemoryLayout<T>.size
        guard remaining >= size else { throw Malformed(description: "the bytes end early") }
        var value = T.zero
        for index in 0..<size { value |= T(truncatingIfNeeded: bytes[position + index]) << (8 * index) }
        position += size
        return value
    }

    package mutating func float() throws(Malformed) -> Float { Float(bitPattern: try fixed()) }

    package mutating func double() throws(Malformed) -> Double { Double(bitPattern: try fixed()) }

    package mutating func bool() throws(Malformed) -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        case let other: throw Malformed(description: "bad boolean \(other)")
        }
    }

    package mutating func string() throws(Malformed) -> String {
        String(decoding: try bytes(try count()), as: UTF8.self)
    }

    package mutating func optional<T>(_ read: (inout ByteReader) throws(Malformed) -> T) throws(Malformed) -> T? {
        switch try byte() {
        case 0: return nil
        case 1: return try read(&self)
        case let other: throw Malformed(description: "bad presence byte \(other)")
        }
    }

    package mutating func optionalString() throws(Malformed) -> String? { try optional { reader throws(Malformed) in try reader.string() } }

    package mutating func strings() throws(Malformed) -> [String] {
        let count = try count()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    /// A raw-valued enum written as its raw string.
    package mutating func raw<T: RawRepresentable>(_ type: T.Type) throws(Malformed) -> T where T.RawValue == String {
        let value = try string()
        guard let result = T(rawValue: value) else { throw Malformed(description: "unknown \(T.self) '\(value)'") }
        return result
    }

    /// `count` ascending keys written by `ByteWriter.sortedKeys`.
    package mutating func sortedKeys(_ count: Int) throws(Malformed) -> [UInt64] {
        guard count <= remaining else { throw Malformed(description: "\(count) keys beyond the bytes left") }
        var keys: [UInt64] = []
        keys.reserveCapacity(count)
        var previous: UInt64 = 0
        for _ in 0..<count {
            previous &+= try varint()
            keys.append(previous)
        }
        return keys
    }
}
