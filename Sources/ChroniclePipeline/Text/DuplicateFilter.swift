/// Pages repeat their lead: a teaser copy of the first paragraph above the article, a photo
/// caption printed twice. A paragraph that was already seen (the same text, or a long paragraph
/// contained in an earlier one) is dropped; the first occurrence stays.
struct DuplicateFilter: Sendable {
    /// Shorter paragraphs ("He said.") may legitimately occur inside other paragraphs.
    static let containmentMinLength = 60

    func filter(_ paragraphs: [Scalars]) -> [Scalars] {
        // Keyed by a cheap FNV-1a hash; equal hashes are confirmed by comparing the text.
        var seen: [UInt64: [Int]] = [:]
        var kept: [Scalars] = []
        for paragraph in paragraphs {
            let key = Self.fnv1a(paragraph)
            if let candidates = seen[key], candidates.contains(where: { kept[$0] == paragraph }) { continue }
            if paragraph.count >= Self.containmentMinLength,
                kept.contains(where: { $0.count > paragraph.count && Self.contains($0, paragraph) })
            {
                continue
            }
            seen[key, default: []].append(kept.count)
            kept.append(paragraph)
        }
        return kept
    }

    static func fnv1a(_ scalars: Scalars) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in scalars {
            hash ^= UInt64(scalar.value)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }

    static func contains(_ haystack: Scalars, _ needle: Scalars) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first, haystack.hasPrefix(needle, at: i, caseInsensitive: false) { return true }
            i += 1
        }
        return false
    }
}
