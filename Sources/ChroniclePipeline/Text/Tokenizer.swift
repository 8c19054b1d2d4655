/// Splits a sentence into word, number and punctuation tokens.
///
/// - Numbers keep their separators: `1,000`, `3.5`, `23:35`, `2025-05-16`, `16/05/2025`.
/// - Hyphenated compounds are one token (`two-hour`, `face-to-face`, `1,000-for-1,000`): the
///   hyphen joins letters or digits on both sides; a dash between spaces is punctuation.
/// - Clitics split off as in the Penn Treebank: `Türkiye’s` -> `Türkiye` `’s`, `don't` ->
///   `do` `n't`; other inner apostrophes stay (`O'Brien`, `Jing'an`), a trailing one is
///   punctuation (`soldiers` `’`).
/// - Abbreviations keep their stop (`U.S.`, `Feb.`, `Mr.`, initials `J.`).
/// - Every other symbol is a token of its own, except runs of dots (`...`) and dashes (`--`).
struct Tokenizer: Sendable {
    let resources: TextResources

    init(resources: TextResources = .shared) { self.resources = resources }

    static let clitics: Set<String> = ["s", "re", "ve", "ll", "d", "m"]

    func tokens(in text: Scalars, range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let c = text[i]
            if c.isSpace {
                i += 1
                continue
            }
            if c.isWordScalar {
                i = word(text, from: i, end: end, into: &result)
                continue
            }
            var stop = i + 1
            if c == "." || c.isDash {
                while stop < end, text[stop] == c { stop += 1 }
            }
            result.append(i..<stop)
            i = stop
        }
        return result
    }

    /// Reads one word (and a clitic after it) from `start`; returns where reading stopped.
    private func word(_ text: Scalars, from start: Int, end: Int, into result: inout [Range<Int>]) -> Int {
        var j = start
        while true {
            while j < end, text[j].isWordScalar { j += 1 }
            guard j + 1 < end, text[j + 1].isWordScalar else { break }
            let joiner = text[j]
            let before = text[j - 1]
            let after = text[j + 1]
            if joiner.isHyphen {
                j += 1
            } else if joiner == "." && (before.isASCIIDigit && after.isASCIIDigit || before.isLetter && after.isLetter) {
                j += 1
            } else if joiner == ",", before.isASCIIDigit, isThousandsGroup(text, from: j + 1, end: end) {
                j += 1
            } else if joiner == ":" || joiner == "/", before.isASCIIDigit, after.isASCIIDigit {
                j += 1
            } else if joiner.isApostrophe, before.isLetter, after.isLetter {
                var suffixEnd = j + 1
                while suffixEnd < end, text[suffixEnd].isLetter { suffixEnd += 1 }
                let suffix = lowercasedKey(text[(j + 1)..<suffixEnd])
                let wordEnds = suffixEnd == end || !text[suffixEnd].isWordScalar
                if wordEnds, Self.clitics.contains(suffix) {
                    result.append(start..<j)
                    result.append(j..<suffixEnd)
                    return suffixEnd
                }
                if wordEnds, suffix == "t", before == "n" || before == "N", j - 1 > start {
                    result.append(start..<(j - 1))
                    result.append((j - 1)..<suffixEnd)
                    return suffixEnd
                }
                j += 1
            } else {
                break
            }
        }
        if j < end, text[j] == ".", keepsStop(text[start..<(j + 1)]) { j += 1 }
        result.append(start..<j)
        return j
    }

    /// `,` followed by exactly three digits: a thousands separator (`1,000`), not a list.
    private func isThousandsGroup(_ text: Scalars, from: Int, end: Int) -> Bool {
        guard from + 3 <= end, text[from..<(from + 3)].allSatisfy(\.isASCIIDigit) else { return false }
        return from + 3 == end || !text[from + 3].isASCIIDigit
    }

    /// Whether a word ending in `.` is an abbreviation that owns its stop.
    private func keepsStop(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        let text = word.string
        if resources.abbreviations.contains(text) || resources.ambiguousAbbreviations.contains(text) { return true }
        // Initials and letter-dot sequences: `J.`, `U.N.`.
        let letters = word.filter { $0 != "." }
        guard word.count == letters.count * 2, letters.allSatisfy(\.isLetter) else { return false }
        return letters.count > 1 || letters.first?.isUpper == true
    }
}
