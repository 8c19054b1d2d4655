/// Splits a paragraph into sentences at `.` `!` `?` `…` (and CJK stops) followed by a capital,
/// a digit or an opening quote. A stop does not end a sentence after an abbreviation
/// (`Feb.`, `Mr.`; `U.S.` only before a word such as "The"), after an initial (`J. R.`), inside
/// a number (`3.5`, no space follows), or before a lower-case word (`demands... such as`).
/// Closing quotes and brackets after the stop belong to the sentence (`... the war."`), and a
/// short attribution after a closing quote stays with it (`"We are ready." Medinsky added.`).
/// A quotation of several sentences is split like any other text, so each sentence can carry
/// its own event; the quotation stage works on spans and does not need it whole.
struct SentenceSplitter: Sendable {
    let resources: TextResources

    init(resources: TextResources = .shared) { self.resources = resources }

    /// Sentence ranges (trimmed, never empty) within `text[range]`.
    func sentences(in text: Scalars, range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = skipSpaces(text, from: range.lowerBound, to: range.upperBound)
        var i = start
        let end = range.upperBound
        while i < end {
            let c = text[i]
            guard c.isSentenceTerminal else {
                i += 1
                continue
            }
            let cjk = c.value >= 0x3000
            var stop = i + 1
            while stop < end, text[stop].isSentenceTerminal { stop += 1 }
            let terminalEnd = stop
            while stop < end, text[stop].isClosingPunctuation { stop += 1 }
            if stop >= end { break }
            guard text[stop].isSpace || cjk else {
                i = stop
                continue
            }
            let next = skipSpaces(text, from: stop, to: end)
            if next < end,
                isBoundary(text, terminal: i, terminalEnd: terminalEnd, closed: stop > terminalEnd, next: next, end: end)
            {
                result.append(start..<trimEnd(text, start, stop))
                start = next
            }
            i = max(stop, i + 1)
        }
        if start < end {
            let last = trimEnd(text, start, end)
            if last > start { result.append(start..<last) }
        }
        return result
    }

    private func isBoundary(
        _ text: Scalars, terminal: Int, terminalEnd: Int, closed: Bool, next: Int, end: Int
    ) -> Bool {
        // The next sentence starts with a capital, a digit or an opening quote or bracket.
        var first = next
        while first < end, text[first].isOpeningPunctuation { first += 1 }
        guard first < end else { return false }
        let starter = text[first]
        let uncased = starter.isLetter && !starter.isUpper && !starter.isLower
        guard starter.isUpper || starter.isASCIIDigit || uncased else { return false }

        if text[terminal] == ".", terminalEnd == terminal + 1, !closed {
            let word = wordBefore(text, dot: terminal)
            if resources.abbreviations.contains(word) { return false }
            if isInitial(word) { return false }
            if resources.ambiguousAbbreviations.contains(word) || isLetterDotSequence(word) {
                return resources.sentenceStarters.contains(nextWord(text, from: first, end: end))
            }
        }
        if closed, isShortAttribution(text, from: next, end: end) { return false }
        return true
    }

    /// The word that ends with the stop at `dot`, stop included, opening punctuation removed.
    private func wordBefore(_ text: Scalars, dot: Int) -> String {
        var start = dot
        while start > 0, !text[start - 1].isSpace { start -= 1 }
        while start < dot, text[start].isOpeningPunctuation { start += 1 }
        return text[start...dot].string
    }

    /// `J.` — a single capital letter.
    private func isInitial(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        return scalars.count == 2 && scalars[0].isUpper
    }

    /// `U.N.`, `E.U.` — letters each followed by a stop.
    private func isLetterDotSequence(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 4, scalars.count % 2 == 0 else { return false }
        return stride(from: 0, to: scalars.count, by: 2).allSatisfy { scalars[$0].isLetter && scalars[$0 + 1] == "." }
    }

    private func nextWord(_ text: Scalars, from: Int, end: Int) -> String {
        var stop = from
        while stop < end, text[stop].isLetter { stop += 1 }
        return text[from..<stop].string
    }

    /// `Medinsky added.` — at most four words with a speech verb, ending the paragraph or a
    /// sentence.
    private func isShortAttribution(_ text: Scalars, from: Int, end: Int) -> Bool {
        var stop = from
        while stop < end, !text[stop].isSentenceTerminal { stop += 1 }
        let words = text[from..<stop].wordRanges()
        guard (2...4).contains(words.count) else { return false }
        return words.contains { range in
            let word = text[range].filter(\.isLetter)
            return resources.reportingVerbs.contains(lowercasedKey(word))
        }
    }

    private func skipSpaces(_ text: Scalars, from: Int, to end: Int) -> Int {
        var i = from
        while i < end, text[i].isSpace { i += 1 }
        return i
    }

    private func trimEnd(_ text: Scalars, _ start: Int, _ end: Int) -> Int {
        var e = end
        while e > start, text[e - 1].isSpace { e -= 1 }
        return e
    }
}
