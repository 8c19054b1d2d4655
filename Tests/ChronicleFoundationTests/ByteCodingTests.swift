import ChronicleFoundation
import Testing

@Suite("Byte coding")
struct ByteCodingTests {
    @Test("every value written is read back, byte for byte as specified")
    func roundTrip() throws {
        var writer = ByteWriter()
        writer.varint(300)
        writer.int(-3)
        writer.fixed(UInt32(0x0102_0304))
        writer.fixed(Int16(-2))
        writer.double(1.5)
        writer.float(-0.25)
        writer.bool(true)
        writer.string("Kyiv – Київ")
        writer.string(nil as String?)
        writer.strings(["a", ""])
        writer.sortedKeys([3, 3, 10, 1 << 40])
        let bytes = writer.take()
        #expect(writer.count == 0)
        // LEB128 300 = AC 02; zigzag -3 = 5; then 04 03 02 01 and FE FF little-endian.
        #expect(Array(bytes.prefix(9)) == [0xAC, 0x02, 0x05, 0x04, 0x03, 0x02, 0x01, 0xFE, 0xFF])

        var reader = ByteReader(bytes)
        #expect(try reader.varint() == 300)
        #expect(try reader.int() == -3)
        #expect(try reader.fixed(UInt32.self) == 0x0102_0304)
        #expect(try reader.fixed(Int16.self) == -2)
        #expect(try reader.double() == 1.5)
        #expect(try reader.float() == -0.25)
        #expect(try reader.bool())
        #expect(try reader.string() == "Kyiv – Київ")
        #expect(try reader.optionalString() == nil)
        #expect(try reader.strings() == ["a", ""])
        #expect(try reader.sortedKeys(4) == [3, 3, 10, 1 << 40])
        #expect(reader.isAtEnd)
    }

    @Test("damaged bytes are an error, never a read past the end or a huge allocation")
    func damaged() throws {
        var writer = ByteWriter()
        writer.strings(["alpha", "beta"])
        let bytes = writer.take()
        for length in 0..<bytes.count {
            var reader = ByteReader(Array(bytes.prefix(length)))
            #expect(throws: ByteReader.Malformed.self) { try reader.strings() }
        }
        var huge = ByteReader([0xFF, 0xFF, 0xFF, 0xFF, 0x0F])
        #expect(throws: ByteReader.Malformed.self) { try huge.count() }
        var long = ByteReader([UInt8](repeating: 0xFF, count: 11))
        #expect(throws: ByteReader.Malformed.self) { try long.varint() }
        var presence = ByteReader([7])
        #expect(throws: ByteReader.Malformed.self) { try presence.optionalString() }
    }

    @Test("a reader of part of a buffer reads that part and stops at its end")
    func range() throws {
        var writer = ByteWriter()
        writer.string("before")
        let start = writer.count
        writer.string("inside")
        let end = writer.count
        writer.string("after")
        var reader = ByteReader(writer.take(), range: start..<end)
        #expect(reader.remaining == end - start)
        #expect(try reader.string() == "inside")
        #expect(reader.isAtEnd)
        #expect(throws: ByteReader.Malformed.self) { try reader.byte() }
        #expect(throws: ByteReader.Malformed.self) { try reader.fixed(UInt32.self) }
    }
}
