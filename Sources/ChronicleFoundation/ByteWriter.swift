/// Chronicle's one binary writer, for every format it stores: the tagger model, journal and
/// snapshot framing, article records and token spans. LEB128 varints (zigzag for signed values),
/// little-endian fixed-width integers, length-prefixed UTF-8 strings, presence bytes for
/// optionals. Writes into a plain byte array, with no reflection.
package struct ByteWriter {
    package private(set) var bytes: [UInt8] = []

    package init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    package var count: Int { bytes.count }

    package mutating func byte(_ value: UInt8) { bytes.append(value) }

    /// Bytes already in the format (a stored form that is the written one).
    package mutating func raw(_ value: some Sequence<UInt8>) { bytes.append(contentsOf: value) }

    /// Replaces bytes written earlier (a header whose values are known only at the end).
    package mutating func overwrite(at offset: Int, with value: some Collection<UInt8>) {
        bytes.replaceSubrange(offset..<(offset + value.count), with: value)
    }

    /// The bytes written, leaving the writer empty: no copy of a large buffer.
    package mutating func take() -> [UInt8] {
        var taken: [UInt8] = []
        swap(&taken, &bytes)
        return taken
    }

    package mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    package mutating func count(_ value: Int) { varint(UInt64(value)) }

    /// Zigzag: small negative numbers stay small.
    package mutating func int(_ value: Int) { varint(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))) }

    /// A fixed-width integer, little-endian.
    package mutating func fixed<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    package mutating func float(_ value: Float) { fixed(value.bitPattern) }

    package mutating func double(_ value: Double) { fixed(value.bitPattern) }

    package mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    package mutating func string(_ value: String) {
        var copy = value
        copy.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    package mutating func optional<T>(_ value: T?, _ write: (inout ByteWriter, T) -> Void) {
        guard let value else { return byte(0) }
        byte(1)
        write(&self, value)
    }

    package mutating func string(_ value: String?) { optional(value) { $0.string($1) } }

    package mutating func strings(_ values: [String]) {
        count(values.count)
        for value in values { string(value) }
    }

    /// Ascending keys as varint deltas from the previous one.
    package mutating func sortedKeys(_ keys: some Sequence<UInt64>) {
        var previous: UInt64 = 0
        for key in keys {
            precondition(key >= previous, "keys must be sorted")
            varint(key - previous)
            previous = key
        }
    }
}
