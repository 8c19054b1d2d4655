/// The duplicate key of an article: a 64-bit FNV-1a hash of its clean text with whitespace
/// runs collapsed and case folded, so the same report sent as HTML or as text matches.
/// Candidates with equal hashes are compared by text before being called duplicates.
package enum ContentHash {
    package static func normalized(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
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
