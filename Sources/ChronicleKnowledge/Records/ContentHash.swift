/// The duplicate key of an article: a 64-bit FNV-1a hash of its clean text with whitespace
/// runs collapsed and case folded, so the same report sent as HTML or as text matches.
/// Candidates with equal hashes are compared by text before being called duplicates.
package enum ContentHash {
    package static func normalized(_ text: String) -> String {
        asciiNormalized(text) ?? text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `normalized` byte by byte for a text all ASCII (most news; splitting into characters
    /// was a tenth of storing an article); nil for any other.
    private static func asciiNormalized(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                // Unicode's White_Space in ASCII: tab to carriage return, and space.
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    pendingSpace = !output.isEmpty
                    continue
                }
                if pendingSpace {
                    output.append(0x20)
                    pendingSpace = false
                }
                output.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    package static func of(_ text: String) -> UInt64 { of(normalized: normalized(text)) }

    /// The hash of a text already `normalized` (normalizing is most of the cost).
    package static func of(normalized: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in normalized.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}
