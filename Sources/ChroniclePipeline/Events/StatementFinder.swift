/// Indirect speech as STATEMENT events: "Medinsky said the swap would take place soon" is a
/// statement by Medinsky whose content is "the swap would take place soon"; so is "Ukraine
/// proposed direct talks, Medinsky said" (content before the attribution). Direct quotations are
/// `Quotation`s, not statements.
struct StatementFinder: Sendable {
    let quotations: QuotationFinder

    struct Statement {
        var verb: Int  // document token index
        /// Canonical name of who spoke, when the text names them.
        var speaker: String?
        var content: TextSpan
    }

    func statements(in frame: SentenceFrame, document: ArticleDocument, map: TokenEntityMap, quoted: [TextSpan]) -> [Statement] {
        var result: [Statement] = []
        let sentence = document.sentences[frame.index]
        let reportingVerbs = ReportingVerbs.shared
        // A capitalized word inside a sentence is a name, not a verb: "United States airframer".
        for position in 0..<frame.count where reportingVerbs.contains(frame.words[position])
            && (position == 0 || frame.texts[position].first?.isUppercase != true)
        {
            let token = frame.tokens.lowerBound + position
            let tokenSpan = document.tokens[token].span
            // Inside a direct quote, or introducing one: the quotation covers it.
            if quoted.contains(where: { $0.start <= tokenSpan.start && tokenSpan.end <= $0.end }) { continue }
            let next = frame.word(position + 1) ?? ""
            let after = frame.word(position + 2) ?? ""
            if QuotationFinder.openers.contains(next) || next == "\"" || ((next == ":" || next == ",") && (QuotationFinder.openers.contains(after) || after == "\"")) {
                continue
            }
            let before = frame.word(position - 1) ?? ""
            if QuotationFinder.closers.contains(before) || before == "\"" || (before == "," && position >= 2 && (QuotationFinder.closers.contains(frame.words[position - 2]) || frame.words[position - 2] == "\"")) {
                continue
            }
            let speaker = quotations.speaker(before: token, after: sentence.tokens.lowerBound - 1, in: document, map: map)
                ?? (position + 1 < frame.count && frame.entityAt[position + 1] != nil && !SpeechWords.shared.has(frame.words[position], .addresseeVerb)
                    ? quotations.speaker(after: token, limit: sentence.tokens.upperBound, in: document, map: map) : nil)
            // Without a named speaker it is still a statement ("police said", "officials say"), if
            // someone stands before the verb: a noun, not the start of the sentence.
            if speaker == nil {
                let before = position > 0 ? frame.words[position - 1] : ""
                guard before.first?.isLetter == true, !SpeechWords.shared.has(before, .notSpeaker) else { continue }
            }
            // The content: what follows ("said [that] ..."), or, when the verb ends the sentence
            // ("..., Zelenskyy's spokesperson said"), what precedes the attribution.
            var contentStart = position + 1
            if frame.word(contentStart) == "that" { contentStart += 1 }
            var contentEnd = frame.count - 1
            // The content ends with its clause: "Ukraine said it had received ..., while the Russian media reported ..."
            if let stop = (contentStart..<frame.count).first(where: { SpeechWords.shared.has(frame.words[$0], .clauseBreak) && frame.words[$0] != ":" }) {
                contentEnd = stop - 1
            }
            while contentEnd >= contentStart, [".", "!", "?", ",", "”", "''", "\""].contains(frame.words[contentEnd]) { contentEnd -= 1 }
            if contentEnd - contentStart < 2 || frame.entityAt[position + 1] != nil && contentEnd - contentStart < 4 {
                // Post-posed: the clause before the ", X said".
                var comma = position - 1
                while comma > 0, frame.words[comma] != "," { comma -= 1 }
                guard comma >= 3 else { continue }
                contentStart = 0
                contentEnd = comma - 1
            }
            guard contentEnd >= contentStart else { continue }
            let content = TextSpan(start: document.tokens[frame.tokens.lowerBound + contentStart].span.start,
                                   end: document.tokens[frame.tokens.lowerBound + contentEnd].span.end)
            result.append(Statement(verb: token, speaker: speaker, content: content))
        }
        return result
    }
}
