/// What a line looks like, measured once: body paragraphs are sentences (many lower-case
/// words, a final stop), menu entries are short runs of capitalised words without punctuation.
struct LineShape: Sendable {
    /// Words holding a letter or a digit.
    let wordCount: Int
    /// Words starting with a capital, a digit or an uncased letter (CJK), connectors excluded.
    let capitalizedWords: Int
    /// Words starting with a lower-case letter, connectors excluded.
    let lowercaseWords: Int
    /// The line ends with `.` `!` `?` `…` (quotes and brackets after it allowed).
    let endsSentence: Bool
    /// The line ends with any punctuation a menu entry would not have (`.` `:` `;` `,` ...).
    let endsWithPunctuation: Bool
    /// A stop followed by a capitalised word inside the line: more than one sentence.
    let hasInternalBoundary: Bool
    /// The line ends with a colon introducing a list or a quotation.
    let endsWithColon: Bool
    /// CJK text has no spaces between words: a line ending with `。` is judged by its length.
    let cjkSentenceLength: Int

    /// Short words that stay lower case inside capitalised menu entries and headlines.
    static let connectors: Set<String> = ["and", "of", "the", "&", "in", "for", "to", "on", "at", "by", "a", "or", "-", "|", "/"]

    private static let connectorScalars = connectors.map { Scalars($0) }

    private static func isConnector(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        connectorScalars.contains { $0.count == word.count && word.hasPrefix($0, at: word.startIndex) }
    }

    init(_ line: Scalars) {
        var words = 0
        var capitalized = 0
        var lowercase = 0
        var boundary = false
        let ranges = line.wordRanges()
        for (n, range) in ranges.enumerated() {
            let word = line[range]
            guard word.hasLetterOrDigit else { continue }
            words += 1
            if word.count <= 3, Self.isConnector(word) { continue }
            guard let first = word.first(where: { $0.isLetter || $0.isASCIIDigit }) else { continue }
            if first.isLower { lowercase += 1 } else { capitalized += 1 }
            if n + 1 < ranges.count, let last = word.last, last == "." || last == "?" || last == "!",
                word.count > 2, word.dropLast().contains(where: \.isLower),
                let next = line[ranges[n + 1]].first(where: { !$0.isOpeningPunctuation }), next.isUpper
            {
                boundary = true
            }
        }
        wordCount = words
        capitalizedWords = capitalized
        lowercaseWords = lowercase
        hasInternalBoundary = boundary
        var end = line.count
        while end > 0, line[end - 1].isClosingPunctuation { end -= 1 }
        endsSentence = end > 0 && line[end - 1].isSentenceTerminal
        endsWithColon = line.last == ":"
        let cjkStop = end > 0 && line[end - 1].value >= 0x3000 && line[end - 1].isSentenceTerminal
        cjkSentenceLength = cjkStop ? line.count : 0
        if let last = line.last {
            endsWithPunctuation = endsSentence || ":;,\"”’»".unicodeScalars.contains(last)
        } else {
            endsWithPunctuation = false
        }
    }

    /// A paragraph of article prose: a full sentence, or a lead that runs several sentences
    /// without a final stop.
    var isProse: Bool {
        if cjkSentenceLength >= 6 { return true }
        // A short sentence ("Talks have ended.") counts when most of its words are lower case.
        if wordCount >= 3, wordCount < 5 { return endsSentence && lowercaseWords * 2 >= wordCount && lowercaseWords >= 2 }
        guard wordCount >= 5 else { return false }
        if endsSentence { return lowercaseWords * 4 >= wordCount || wordCount >= 12 }
        if endsWithColon { return wordCount >= 6 && lowercaseWords * 3 >= wordCount }
        return wordCount >= 10 && hasInternalBoundary && lowercaseWords * 10 >= wordCount * 3
    }

    /// A navigation entry: a few capitalised words without punctuation.
    var isLinkLike: Bool {
        guard wordCount >= 1, wordCount <= 25, !endsWithPunctuation else { return false }
        let counted = capitalizedWords + lowercaseWords
        return counted > 0 && capitalizedWords * 10 >= counted * 8
    }
}
