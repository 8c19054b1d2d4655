/// A token as the temporal grammar reads it: its text, lower-case form, Unicode scalar offsets
/// and sentence. Words keep inner stops, colons, slashes and hyphens ("a.m.", "23:35",
/// "2025-05-16", "two-hour", "mid-May"); a stop ends a word only when the lexicon knows the
/// abbreviation ("Sept.") or the word is made of single letters with stops ("p.m.").
struct TimeToken: Sendable {
    let text: String
    let lower: String
    let start: Int
    let end: Int
    let sentence: Int

    var isCapitalized: Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return first.isASCII ? ("A"..."Z").contains(first) : first.properties.isUppercase
    }
    var isDigits: Bool { !text.isEmpty && text.unicodeScalars.allSatisfy { $0.value >= 0x30 && $0.value <= 0x39 } }
    var integer: Int? { isDigits && text.count <= 9 ? Int(text) : nil }

    /// Splits `scalars` into tokens and sentences.
    static func tokenize(_ scalars: [Unicode.Scalar], lexicon: TimeLexicon) -> [TimeToken] {
        var tokens: [TimeToken] = []
        var sentence = 0
        var index = 0
        // ASCII first: Unicode property lookups cost more than the rest of the tagger.
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.isASCII {
                let value = scalar.value
                return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
            }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" : scalar.properties.isWhitespace
        }
        func isDigit(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? scalar.value >= 0x30 && scalar.value <= 0x39 : scalar.properties.numericType != nil
        }
        func emit(_ start: Int, _ end: Int) {
            let text = makeString(scalars[start..<end])
            tokens.append(TimeToken(text: text, lower: text.lowercased(), start: start, end: end, sentence: sentence))
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n", index + 1 < scalars.count, scalars[index + 1] == "\n" || scalars[index + 1] == "\r" {
                sentence += 1
                index += 2
                continue
            }
            if isSpace(scalar) {
                index += 1
                continue
            }
            guard isWordScalar(scalar) else {
                emit(index, index + 1)
                if scalar == "." || scalar == "!" || scalar == "?" { sentence += 1 }
                index += 1
                continue
            }
            var end = index + 1
            while end < scalars.count {
                if isWordScalar(scalars[end]) {
                    end += 1
                } else if [".", ":", "/", "-", "‐", "–", "'", "’", ","].contains(scalars[end]), end + 1 < scalars.count,
                    isWordScalar(scalars[end + 1]),
                    // A comma only inside a number ("1,500"), an apostrophe not before a possessive s.
                    scalars[end] != "," || (isDigit(scalars[end - 1]) && isDigit(scalars[end + 1])
                        && end + 4 <= scalars.count && (end + 4 == scalars.count || !isWordScalar(scalars[end + 4]))),
                    !((scalars[end] == "'" || scalars[end] == "’") && (scalars[end + 1] == "s" || scalars[end + 1] == "S")
                        && (end + 2 == scalars.count || !isWordScalar(scalars[end + 2])))
                {
                    end += 2
                } else {
                    break
                }
            }
            // "Sept." and "a.m." keep their stop; other stops end the sentence.
            if end < scalars.count, scalars[end] == "." {
                let word = makeString(scalars[index..<end]).lowercased()
                let letters = word.split(separator: ".")
                if lexicon.value(word + ".", .month) != nil || lexicon.value(word + ".", .weekday) != nil
                    || (word.contains(".") && letters.allSatisfy { $0.count == 1 })
                {
                    end += 1
                }
            }
            emit(index, end)
            index = end
        }
        return tokens
    }
}
