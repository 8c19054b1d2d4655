import Foundation

/// Compares names across spellings and transliterations: "Zelensky" / "Zelenskyy",
/// "Umerov" / "Umyerov", "Türkiye" / "Turkiye". A name is reduced to a phonetic-ish key (no
/// diacritics, y/j/i and doubled letters folded, common romanisation pairs merged), and keys are
/// compared with Jaro-Winkler similarity, so close variants match and different names do not.
package enum NameMatcher {
    /// The key of one name: lower case ASCII letters and digits, words separated by spaces.
    /// Works on bytes (Foundation's string replacing is far too slow for every mention); only a
    /// name with non-ASCII letters goes through diacritic folding first.
    package static func key(_ name: String) -> String {
        var source = name
        if !name.utf8.allSatisfy({ $0 < 0x80 }) {
            source = name.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
                .replacingOccurrences(of: "ß", with: "ss").replacingOccurrences(of: "ı", with: "i")
        }
        var words: [[UInt8]] = []
        var word: [UInt8] = []
        func finish() {
            guard !word.isEmpty else { return }
            var folded: [UInt8] = []
            folded.reserveCapacity(word.count)
            var index = 0
            while index < word.count {
                let byte = word[index]
                let next: UInt8 = index + 1 < word.count ? word[index + 1] : 0
                // Romanisations of the same Cyrillic/Arabic sounds: kh->h, zh->j, ts/tz->c, ph->f, ck->k, ou->u.
                switch (byte, next) {
                case (UInt8(ascii: "k"), UInt8(ascii: "h")): folded.append(UInt8(ascii: "h")); index += 2; continue
                case (UInt8(ascii: "z"), UInt8(ascii: "h")): folded.append(UInt8(ascii: "j")); index += 2; continue
                case (UInt8(ascii: "t"), UInt8(ascii: "s")), (UInt8(ascii: "t"), UInt8(ascii: "z")):
                    folded.append(UInt8(ascii: "c")); index += 2; continue
                case (UInt8(ascii: "p"), UInt8(ascii: "h")): folded.append(UInt8(ascii: "f")); index += 2; continue
                case (UInt8(ascii: "c"), UInt8(ascii: "k")): folded.append(UInt8(ascii: "k")); index += 2; continue
                case (UInt8(ascii: "o"), UInt8(ascii: "u")): folded.append(UInt8(ascii: "u")); index += 2; continue
                default: break
                }
                folded.append(byte == UInt8(ascii: "y") || byte == UInt8(ascii: "j") ? UInt8(ascii: "i") : byte)
                index += 1
            }
            // Doubled letters ("Zelenskyy" -> "zelenskii" -> "zelenski").
            var collapsed: [UInt8] = []
            for byte in folded where collapsed.last != byte { collapsed.append(byte) }
            words.append(collapsed)
            word = []
        }
        for byte in source.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
            case 0x80...: continue  // a letter folding could not reduce to ASCII
            default: finish()
            }
        }
        finish()
        return String(decoding: Array(words.joined(separator: [UInt8(ascii: " ")])), as: UTF8.self)
    }

    /// Jaro-Winkler similarity of two keys, in [0, 1].
    package static func similarity(_ lhs: String, _ rhs: String) -> Double {
        let a = Array(lhs.utf8)
        let b = Array(rhs.utf8)
        if a.isEmpty || b.isEmpty { return a.isEmpty && b.isEmpty ? 1 : 0 }
        let window = max(0, max(a.count, b.count) / 2 - 1)
        var matchedA = [Bool](repeating: false, count: a.count)
        var matchedB = [Bool](repeating: false, count: b.count)
        var matches = 0
        for i in a.indices {
            let low = max(0, i - window)
            let high = min(b.count - 1, i + window)
            guard low <= high else { continue }
            for j in low...high where !matchedB[j] && a[i] == b[j] {
                matchedA[i] = true
                matchedB[j] = true
                matches += 1
                break
            }
        }
        guard matches > 0 else { return 0 }
        var transpositions = 0
        var j = 0
        for i in a.indices where matchedA[i] {
            while !matchedB[j] { j += 1 }
            if a[i] != b[j] { transpositions += 1 }
            j += 1
        }
        let m = Double(matches)
        let jaro = (m / Double(a.count) + m / Double(b.count) + (m - Double(transpositions / 2)) / m) / 3
        var prefix = 0
        while prefix < min(4, a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }

    /// Whether two single words are spellings of one name.
    package static func sameWord(_ lhs: String, _ rhs: String) -> Bool {
        sameWordKey(key(lhs), key(rhs))
    }

    /// `sameWord` on keys already computed (the registry keeps them, to compare many names fast).
    package static func sameWordKey(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        // Short words must match exactly: "Li" and "Lu" are different people.
        guard min(a.count, b.count) >= 5 else { return false }
        return similarity(a, b) >= 0.92
    }

    /// Whether two person names can be one person: the surnames are spellings of one name and the
    /// given names (where both have them) agree, an initial agreeing with a full name.
    package static func samePerson(_ lhs: [String], _ rhs: [String]) -> Bool {
        samePersonKeys(lhs.map(key), rhs.map(key))
    }

    /// `samePerson` on the keys of the name words.
    package static func samePersonKeys(_ lhs: [String], _ rhs: [String]) -> Bool {
        guard let lastA = lhs.last, let lastB = rhs.last, sameWordKey(lastA, lastB) else { return false }
        guard lhs.count > 1, rhs.count > 1 else { return true }
        let a = lhs[0]
        let b = rhs[0]
        if a.count == 1 || b.count == 1 { return a.first == b.first }  // "V. Putin"
        return sameWordKey(a, b)
    }
}
