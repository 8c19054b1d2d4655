import ChronicleFoundation
import Foundation

/// What every tagger model file shares: the container (an 8-byte magic, then little-endian
/// `UInt32` format version, payload size and payload CRC-32, then the zlib-compressed payload)
/// and the way a block of weights is stored (one scale, the transition weights as floats, the
/// feature weights as `Int16` steps of the scale in tag-major order, so that runs of zeros for
/// tags a feature never votes for compress well; within 1/32767 of the largest weight, far below
/// what changes a tag).
package enum ModelFile {
    /// The file for a payload.
    package static func seal(_ payload: ByteWriter, magic: Data, version: UInt32) throws -> Data {
        var file = magic
        var header = ByteWriter()
        header.fixed(version)
        header.fixed(UInt32(payload.count))
        header.fixed(Zlib.crc32(payload.bytes))
        file.append(contentsOf: header.bytes)
        file.append(try Zlib.compress(Data(payload.bytes), level: 9))
        return file
    }

    /// The payload of a file, checked; `fail` makes the caller's error from a message, and
    /// `name` ("tagger model") is what the messages call the file.
    package static func open(_ data: Data, magic: Data, version: UInt32, name: String, fail: (String) -> any Error) throws -> ByteReader {
        guard data.count >= 20, data.prefix(8) == magic else { throw fail("not a Chronicle \(name)") }
        var header = ByteReader([UInt8](data[8..<20]))
        let stored = try header.fixed(UInt32.self)
        guard stored == version else { throw fail("\(name) format \(stored), this build reads \(version)") }
        let size = Int(try header.fixed(UInt32.self))
        let checksum = try header.fixed(UInt32.self)
        let payload = try Zlib.decompress(data.subdata(in: 20..<data.count), expectedSize: size)
        guard Zlib.crc32(payload) == checksum else { throw fail("\(name) checksum mismatch") }
        return ByteReader([UInt8](payload))
    }

    /// Writes `weights`: `rows` rows of `tagCount` feature weights, then the transition block.
    package static func writeWeights(_ weights: [Float], rows: Int, tagCount: Int, into payload: inout ByteWriter) {
        let featureWeights = weights[..<(rows * tagCount)]
        let largest = featureWeights.reduce(Float(0)) { max($0, abs($1)) }
        let scale = largest > 0 ? largest / Float(Int16.max) : 1
        payload.float(scale)
        for value in weights[(rows * tagCount)...] { payload.float(value) }
        for tag in 0..<tagCount {
            for row in 0..<rows {
                payload.fixed(Int16((weights[row * tagCount + tag] / scale).rounded()))
            }
        }
    }

    /// Reads what `writeWeights` wrote, given the size of the transition block.
    package static func readWeights(rows: Int, tagCount: Int, transitionSize: Int, from payload: inout ByteReader) throws -> [Float] {
        let scale = try payload.float()
        var weights = [Float](repeating: 0, count: rows * tagCount + transitionSize)
        for index in (rows * tagCount)..<weights.count { weights[index] = try payload.float() }
        // Read as a block: the weights are most of the file.
        let block = try payload.bytes(rows * tagCount * 2)
        var offset = block.startIndex
        for index in 0..<(rows * tagCount) {
            let value = Int16(bitPattern: UInt16(block[offset]) | UInt16(block[offset + 1]) << 8)
            offset += 2
            let tag = index / rows
            let row = index - tag * rows
            weights[row * tagCount + tag] = Float(value) * scale
        }
        return weights
    }
}
