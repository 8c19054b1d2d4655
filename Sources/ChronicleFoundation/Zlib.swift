import CZlib
import Foundation

/// zlib deflate/inflate and CRC-32: snapshots and journal records, and compressed model resources.
package enum Zlib {
    package struct Failure: Error, CustomStringConvertible {
        package let description: String
    }

    package static func compress(_ data: Data, level: Int32 = 6) throws -> Data {
        var bound = compressBound(uLong(data.count))
        var output = Data(count: Int(bound))
        let status = output.withUnsafeMutableBytes { out in
            data.withUnsafeBytes { input in
                compress2(
                    out.bindMemory(to: Bytef.self).baseAddress, &bound,
                    input.bindMemory(to: Bytef.self).baseAddress, uLong(data.count), level)
            }
        }
        guard status == Z_OK else { throw Failure(description: "zlib compress failed (\(status))") }
        output.count = Int(bound)
        return output
    }

    /// Inflates data whose uncompressed size is known from the file header.
    package static func decompress(_ data: Data, expectedSize: Int) throws -> Data {
        var size = uLong(expectedSize)
        var output = Data(count: expectedSize)
        let status = output.withUnsafeMutableBytes { out in
            data.withUnsafeBytes { input in
                uncompress(
                    out.bindMemory(to: Bytef.self).baseAddress, &size,
                    input.bindMemory(to: Bytef.self).baseAddress, uLong(data.count))
            }
        }
        guard status == Z_OK, Int(size) == expectedSize else {
            throw Failure(description: "zlib inflate failed (status \(status), \(size) of \(expectedSize) bytes)")
        }
        return output
    }

    /// The CRC-32 of two blocks one after the other, from the CRC of each and the second's length.
    package static func crc32(combining first: UInt32, with second: UInt32, length: Int) -> UInt32 {
        UInt32(crc32_combine(uLong(first), uLong(second), off_t(length)))
    }

    /// The CRC-32 of the bytes. A large buffer (a snapshot) is summed in pieces on every core
    /// and the pieces' sums combined; zlib takes at most 4 GiB at a time.
    package static func crc32(_ data: some ContiguousBytes) -> UInt32 {
        data.withUnsafeBytes { buffer in
            let piece = 64 << 20
            guard buffer.count > piece, let base = buffer.baseAddress else {
                return UInt32(CZlib.crc32(0, buffer.bindMemory(to: Bytef.self).baseAddress, uInt(buffer.count)))
            }
            let total = buffer.count
            let lengths = stride(from: 0, to: total, by: piece).map { min(piece, total - $0) }
            nonisolated(unsafe) let start = base
            let sums = Concurrently.map(lengths.count) { index in
                UInt32(CZlib.crc32(0, (start + index * piece).assumingMemoryBound(to: Bytef.self), uInt(lengths[index])))
            }
            return zip(sums, lengths).dropFirst().reduce(sums[0]) { crc32(combining: $0, with: $1.0, length: $1.1) }
        }
    }
}
