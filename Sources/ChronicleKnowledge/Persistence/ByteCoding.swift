/// The primitives of the store's binary record format: LEB128 varints (zigzag for signed
/// values), length-prefixed UTF-8 strings, presence bytes for optionals, and doubles as their
/// IEEE 754 bits. Written into and read from plain byte arrays, with no reflection, so a record
/// costs a few microseconds either way.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    /// Bytes already in the format (a stored form that is the written one).
    mutating func raw(_ value: [UInt8]) { bytes.append(contentsOf: value) }

    /// The bytes written, leaving the writer empty: no copy of a large buffer.
    mutating func take() -> [UInt8] {
        var taken: [UInt8] = []
        swap(&taken, &bytes)
        return taken
    }

    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func count(_ value: Int) { varint(UInt64(value)) }

    /// Zigzag: small negative numbers stay small.
    mutating func int(_ value: Int) { varint(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))) }

    mutating func fixed64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func double(_ value: Double) { fixed64(value.bitPattern) }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        var copy = value
        copy.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optional<T>(_ value: T?, _ write: (inout ByteWriter, T) -> Void) {
        guard let value else { return byte(0) }
        byte(1)
        write(&self, value)
    }

    mutating func string(_ value: String?) { optional(value) { $0.string($1) } }

    mutating func strings(_ values: [String]) {
        count(values.count)
        for value in values { string(value) }
    }
}

/// Reads what `ByteWriter` wrote. Every length and count is checked against the bytes left, so a
/// damaged record is an error, never a huge allocation or a read past the end.
struct ByteReader {
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    private let bytes: [UInt8]
    private(set) var position: Int

    init(_ bytes: [UInt8], from position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    var remaining: Int { bytes.count - position }
    var isAtEnd: Bool { position == bytes.count }

    mutating func byte() throws(Malformed) -> UInt8 {
        guard position < bytes.count else { throw Malformed(description: "record ends early") }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func varint() throws(Malformed) -> UInt64 {
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
    mutating func count(minimumBytes: Int = 1) throws(Malformed) -> Int {
        let value = try varint()
        guard value <= UInt64(remaining / max(1, minimumBytes)) else { throw Malformed(description: "count \(value) beyond the record") }
        return Int(value)
    }

    mutating func int() throws(Malformed) -> Int {
        let raw = try varint()
        return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    mutating func fixed64() throws(Malformed) -> UInt64 {
        guard remaining >= 8 else { throw Malformed(description: "record ends early") }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[position + index]) << (8 * UInt64(index)) }
        position += 8
        return value
    }

    mutating func double() throws(Malformed) -> Double { Double(bitPattern: try fixed64()) }

    mutating func bool() throws(Malformed) -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        case let other: throw Malformed(description: "bad boolean \(other)")
        }
    }

    mutating func string() throws(Malformed) -> String {
        let length = try count()
        defer { position += length }
        return String(decoding: bytes[position..<(position + length)], as: UTF8.self)
    }

    mutating func optional<T>(_ read: (inout ByteReader) throws(Malformed) -> T) throws(Malformed) -> T? {
        switch try byte() {
        case 0: return nil
        case 1: return try read(&self)
        case let other: throw Malformed(description: "bad presence byte \(other)")
        }
    }

    mutating func optionalString() throws(Malformed) -> String? { try optional { reader throws(Malformed) in try reader.string() } }

    mutating func strings() throws(Malformed) -> [String] {
        let count = try count()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    /// A raw-valued enum written as its raw string.
    mutating func raw<T: RawRepresentable>(_ type: T.Type) throws(Malformed) -> T where T.RawValue == String {
        let value = try string()
        guard let result = T(rawValue: value) else { throw Malformed(description: "unknown \(T.self) '\(value)'") }
        return result
    }
}
