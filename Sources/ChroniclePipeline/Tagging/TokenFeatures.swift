/// What the tagger knows about one token on its own, computed once per token from its UTF-8
/// bytes (no strings allocated for ASCII words): hashes of the word, its lowercase form, its
/// shape and its affixes, and spelling flags. Window features combine these hashes.
package struct TokenFeatures {
    package struct Flags: OptionSet {
        package let rawValue: UInt32
        package init(rawValue: UInt32) { self.rawValue = rawValue }
        package static let initialCapital = Flags(rawValue: 1 << 0)
        package static let allCapitals = Flags(rawValue: 1 << 1)
        package static let hasLowercase = Flags(rawValue: 1 << 2)
        package static let hasDigit = Flags(rawValue: 1 << 3)
        package static let allDigits = Flags(rawValue: 1 << 4)
        package static let hasHyphen = Flags(rawValue: 1 << 5)
        package static let hasPeriod = Flags(rawValue: 1 << 6)
        package static let hasApostrophe = Flags(rawValue: 1 << 7)
        /// No letter and no digit.
        package static let punctuation = Flags(rawValue: 1 << 8)
        /// A capital after a lowercase letter: `McDonald`, `iPhone`.
        package static let innerCapital = Flags(rawValue: 1 << 9)
        /// One capital letter, possibly with a stop: `J`, `J.`.
        package static let initial = Flags(rawValue: 1 << 10)
        /// Capitals with stops: `U.S.`, `U.N.`.
        package static let acronymWithStops = Flags(rawValue: 1 << 11)
        package static let hasLetter = Flags(rawValue: 1 << 12)
        package static let nonASCII = Flags(rawValue: 1 << 13)
        static let count = 14
    }

    /// The word as written.
    package var word: UInt64
    /// Lowercased, digits folded to `0` (dates and scores differ only in their digits).
    package var lower: UInt64
    /// Character classes, runs longer than four cut to four: `Xxxxx`, `dddd-dd-dd`.
    package var shape: UInt64
    /// Gazetteer key: lowercased, stops dropped, typographic apostrophes as ASCII (`U.S.` is `us`).
    package var key: UInt64
    /// Character classes with runs collapsed: `Xx`, `X.X.`, `d-d`.
    package var shortShape: UInt64
    package var prefixes: (UInt64, UInt64, UInt64, UInt64)
    package var suffixes: (UInt64, UInt64, UInt64, UInt64)
    package var flags: Flags
    package var length: Int

    /// Hash values for positions outside the sentence.
    package static let boundaryBefore = FeatureHash.string("<s>")
    package static let boundaryAfter = FeatureHash.string("</s>")

    package init(_ token: String) {
        var word = FeatureHash.offsetBasis
        var lower = FeatureHash.offsetBasis
        var key = FeatureHash.offsetBasis
        var shape = FeatureHash.offsetBasis
        var shortShape = FeatureHash.offsetBasis
        var flags: Flags = []
        var length = 0
        var previousClass: UInt8 = 0
        var run = 0
        var upper = 0
        var letters = 0
        var digits = 0
        var periods = 0
        var previousLower = false
        var ascii = true

        for scalar in token.unicodeScalars {
            length += 1
            let value = scalar.value
            let characterClass: UInt8
            if value < 0x80 {
                let byte = UInt8(value)
                word = FeatureHash.byte(word, byte)
                switch byte {
                case 0x41...0x5A:
                    characterClass = 0x58  // X
                    lower = FeatureHash.byte(lower, byte + 32)
                    key = FeatureHash.byte(key, byte + 32)
                    if previousLower { flags.insert(.innerCapital) }
                    upper += 1
                    letters += 1
                    previousLower = false
                case 0x61...0x7A:
                    characterClass = 0x78  // x
                    lower = FeatureHash.byte(lower, byte)
                    key = FeatureHash.byte(key, byte)
                    letters += 1
                    previousLower = true
                case 0x30...0x39:
                    characterClass = 0x64  // d
                    lower = FeatureHash.byte(lower, 0x30)
                    key = FeatureHash.byte(key, byte)
                    digits += 1
                    previousLower = false
                default:
                    characterClass = byte
                    lower = FeatureHash.byte(lower, byte)
                    if byte != 0x2E { key = FeatureHash.byte(key, byte) }
                    if byte == 0x2D { flags.insert(.hasHyphen) }
                    if byte == 0x2E { periods += 1 }
                    if byte == 0x27 { flags.insert(.hasApostrophe) }
                    previousLower = false
                }
            } else {
                ascii = false
                for byte in String(scalar).utf8 { word = FeatureHash.byte(word, byte) }
                let properties = scalar.properties
                if properties.isUppercase {
                    characterClass = 0x58
                    if previousLower { flags.insert(.innerCapital) }
                    upper += 1
                    letters += 1
                    previousLower = false
                } else if properties.isAlphabetic {
                    characterClass = 0x78
                    letters += 1
                    previousLower = properties.isLowercase
                } else if properties.numericType != nil {
                    characterClass = 0x64
                    digits += 1
                    previousLower = false
                } else {
                    // Typographic quotes and dashes read as their ASCII forms.
                    switch value {
                    case 0x2010...0x2015: characterClass = 0x2D; flags.insert(.hasHyphen)
                    case 0x2018, 0x2019: characterClass = 0x27; flags.insert(.hasApostrophe)
                    default: characterClass = 0x6F  // o
                    }
                    previousLower = false
                }
                if value == 0x2018 || value == 0x2019 {
                    lower = FeatureHash.byte(lower, 0x27)
                    key = FeatureHash.byte(key, 0x27)
                } else {
                    for byte in String(scalar.properties.lowercaseMapping).utf8 {
                        lower = FeatureHash.byte(lower, byte)
                        key = FeatureHash.byte(key, byte)
                    }
                }
            }
            if characterClass == previousClass {
                run += 1
            } else {
                run = 1
                shortShape = FeatureHash.byte(shortShape, characterClass)
            }
            if run <= 4 { shape = FeatureHash.byte(shape, characterClass) }
            previousClass = characterClass
        }

        if !ascii { flags.insert(.nonASCII) }
        if letters > 0 { flags.insert(.hasLetter) }
        if upper > 0, token.unicodeScalars.first.map({ $0.properties.isUppercase }) == true { flags.insert(.initialCapital) }
        if letters > 0, upper == letters { flags.insert(.allCapitals) }
        if upper < letters { flags.insert(.hasLowercase) }
        if digits > 0 { flags.insert(.hasDigit) }
        if digits > 0, digits == length { flags.insert(.allDigits) }
        if periods > 0 { flags.insert(.hasPeriod) }
        if letters == 0, digits == 0 { flags.insert(.punctuation) }
        if upper == 1, letters == 1, length == 1 + periods, length <= 2 { flags.insert(.initial) }
        if upper >= 2, upper == letters, periods >= upper - 1, periods > 0, letters + periods == length {
            flags.insert(.acronymWithStops)
        }

        self.word = FeatureHash.mix(word)
        self.lower = FeatureHash.mix(lower)
        self.shape = FeatureHash.mix(shape)
        self.key = FeatureHash.mix(key)
        self.shortShape = FeatureHash.mix(shortShape)
        self.flags = flags
        self.length = length

        // Affixes over bytes: a cut inside a multi-byte scalar is still a stable hash.
        let bytes = token.utf8
        let count = min(4, bytes.count)
        var prefixHashes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var suffixHashes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var front = FeatureHash.offsetBasis
        var back = FeatureHash.offsetBasis
        var head = bytes.startIndex
        var tail = bytes.endIndex
        for k in 0..<count {
            front = FeatureHash.byte(front, bytes[head])
            head = bytes.index(after: head)
            tail = bytes.index(before: tail)
            back = FeatureHash.byte(back, bytes[tail])
            let prefix = FeatureHash.mix(front &+ UInt64(k))
            let suffix = FeatureHash.mix(back &+ UInt64(k))
            switch k {
            case 0: prefixHashes.0 = prefix; suffixHashes.0 = suffix
            case 1: prefixHashes.1 = prefix; suffixHashes.1 = suffix
            case 2: prefixHashes.2 = prefix; suffixHashes.2 = suffix
            default: prefixHashes.3 = prefix; suffixHashes.3 = suffix
            }
        }
        prefixes = prefixHashes
        suffixes = suffixHashes
    }

    /// Capitalised (or all capitals): the tokens whose document-level evidence matters.
    package var isCapitalized: Bool { !flags.isDisjoint(with: [.initialCapital, .allCapitals]) && flags.contains(.hasLetter) }

    package var lengthBucket: UInt64 {
        switch length {
        case ...4: UInt64(length)
        case 5...6: 5
        case 7...9: 6
        default: 7
        }
    }
}
