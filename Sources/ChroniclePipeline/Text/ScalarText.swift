/// Scalar-level helpers shared by the text rules. The text stage works on `[Unicode.Scalar]`
/// because every offset it hands out is a scalar offset and because indexing an array is far
/// cheaper than walking `String.Index` on 100k articles.
typealias Scalars = [Unicode.Scalar]

extension Unicode.Scalar {
    // ASCII fast paths: Unicode property look-ups dominate the profile otherwise.
    var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }
    var isLetter: Bool {
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        return properties.isAlphabetic
    }
    var isUpper: Bool { value < 0x80 ? value >= 0x41 && value <= 0x5A : properties.isUppercase }
    var isLower: Bool { value < 0x80 ? value >= 0x61 && value <= 0x7A : properties.isLowercase }
    var isMark: Bool {
        guard value >= 0x300 else { return false }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
    /// Part of a word: letters (any script), digits and combining marks.
    var isWordScalar: Bool {
        if value < 0x80 { return isASCIIDigit || isLetter }
        return isLetter || isMark || properties.numericType != nil
    }
    var isSpace: Bool { value < 0x80 ? value == 0x20 || (value >= 0x09 && value <= 0x0D) : properties.isWhitespace }
    /// Full stop, question or exclamation mark, ellipsis, and their CJK forms.
    var isSentenceTerminal: Bool {
        switch value {
        case 0x2E, 0x21, 0x3F, 0x2026, 0x3002, 0xFF01, 0xFF1F, 0xFF0E: true
        default: false
        }
    }
    /// Quotes and brackets that may close a sentence after its full stop (`."` `.)`).
    var isClosingPunctuation: Bool {
        switch value {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0x2019, 0x201D, 0xBB, 0x203A, 0x300D, 0x300F, 0xFF09: true
        default: false
        }
    }
    /// Quotes and brackets that may open a sentence.
    var isOpeningPunctuation: Bool {
        switch value {
        case 0x22, 0x27, 0x28, 0x5B, 0x7B, 0x2018, 0x201C, 0xAB, 0x2039, 0x300C, 0x300E, 0xFF08, 0x201E: true
        default: false
        }
    }
    var isApostrophe: Bool { value == 0x27 || value == 0x2019 }
    /// Hyphen-minus and the Unicode hyphens that join compound words.
    var isHyphen: Bool { value == 0x2D || value == 0x2010 || value == 0x2011 }
    /// Dashes used as separators in datelines and sign-offs.
    var isDash: Bool { value == 0x2D || (value >= 0x2010 && value <= 0x2015) || value == 0x2212 }
}

/// Builds a String from scalars through UTF-8 (much faster than `String.UnicodeScalarView`).
func makeString(_ scalars: some Collection<Unicode.Scalar>) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(scalars.count * 2)
    for scalar in scalars { appendUTF8(scalar, to: &bytes) }
    return String(decoding: bytes, as: UTF8.self)
}

@inline(__always)
func appendUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
    let v = scalar.value
    switch v {
    case 0..<0x80:
        bytes.append(UInt8(v))
    case 0x80..<0x800:
        bytes.append(UInt8(0xC0 | (v >> 6)))
        bytes.append(UInt8(0x80 | (v & 0x3F)))
    case 0x800..<0x10000:
        bytes.append(UInt8(0xE0 | (v >> 12)))
        bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        bytes.append(UInt8(0x80 | (v & 0x3F)))
    default:
        bytes.append(UInt8(0xF0 | (v >> 18)))
        bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
        bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        bytes.append(UInt8(0x80 | (v & 0x3F)))
    }
}

extension Array where Element == Unicode.Scalar {
    init(_ string: some StringProtocol) { self = Array(string.unicodeScalars) }

    var string: String { makeString(self) }

    func trimmed() -> ArraySlice<Unicode.Scalar> { self[...].trimmed() }
}

extension ArraySlice where Element == Unicode.Scalar {
    var string: String { makeString(self) }

    func trimmed() -> ArraySlice<Unicode.Scalar> {
        var lower = startIndex
        var upper = endIndex
        while lower < upper, self[lower].isSpace { lower += 1 }
        while upper > lower, self[upper - 1].isSpace { upper -= 1 }
        return self[lower..<upper]
    }
}

extension RandomAccessCollection where Element == Unicode.Scalar, Index == Int {
    /// Whitespace-separated words, as index ranges.
    func wordRanges() -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var i = startIndex
        while i < endIndex {
            while i < endIndex, self[i].isSpace { i += 1 }
            let start = i
            while i < endIndex, !self[i].isSpace { i += 1 }
            if start < i { ranges.append(start..<i) }
        }
        return ranges
    }

    var hasLetterOrDigit: Bool { contains { $0.isLetter || $0.isASCIIDigit } }

    /// Whether `needle` occurs at `index`, comparing ASCII letters without case.
    func hasPrefix(_ needle: Scalars, at index: Int, caseInsensitive: Bool = true) -> Bool {
        guard index >= startIndex, index + needle.count <= endIndex else { return false }
        for (k, n) in needle.enumerated() {
            let s = self[index + k]
            if s == n { continue }
            if caseInsensitive, s.asciiLowercased == n.asciiLowercased { continue }
            return false
        }
        return true
    }

    /// First index where `needle` occurs, ASCII case-insensitively.
    func firstIndex(of needle: Scalars, from: Int? = nil) -> Int? {
        guard !needle.isEmpty else { return nil }
        var i = from ?? startIndex
        while i + needle.count <= endIndex {
            if hasPrefix(needle, at: i) { return i }
            i += 1
        }
        return nil
    }

    /// Whether `needle` occurs as a whole word (not inside a longer word).
    func containsWord(_ needle: Scalars, caseInsensitive: Bool) -> Bool {
        guard !needle.isEmpty else { return false }
        var i = startIndex
        while i + needle.count <= endIndex {
            if hasPrefix(needle, at: i, caseInsensitive: caseInsensitive),
                i == startIndex || !self[i - 1].isWordScalar,
                i + needle.count == endIndex || !self[i + needle.count].isWordScalar
            {
                return true
            }
            i += 1
        }
        return false
    }
}

extension Unicode.Scalar {
    var asciiLowercased: Unicode.Scalar {
        value >= 0x41 && value <= 0x5A ? Unicode.Scalar(value + 32)! : self
    }
}

/// Lower-cases a short piece of text for lexicon look-ups (full Unicode lower-casing, with a
/// fast path for ASCII).
func lowercasedKey(_ scalars: some Sequence<Unicode.Scalar>) -> String {
    var bytes: [UInt8] = []
    var ascii = true
    for scalar in scalars {
        if scalar.value < 0x80 {
            let b = UInt8(scalar.value)
            bytes.append(b >= 0x41 && b <= 0x5A ? b + 32 : b)
        } else {
            ascii = false
            appendUTF8(scalar, to: &bytes)
        }
    }
    let string = String(decoding: bytes, as: UTF8.self)
    return ascii ? string : string.lowercased()
}
