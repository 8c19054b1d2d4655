import ChronicleFoundation

/// Finds the temporal expressions of a text and normalizes each to a TIMEX3 value, anchored on
/// the document creation time (the article's publication date): tokens, then the grammar's
/// phrases, then values from the resolver, in text order so "a year earlier" can lean on the
/// date mentioned before it.
package struct TemporalTagger: Sendable {
    let lexicon: TimeLexicon
    let grammarWords: WordRoles<TemporalGrammar.Role>
    let tense: TenseCue

    package init() throws(ResourceError) {
        lexicon = try TimeLexicon.bundled.get()
        grammarWords = try TemporalGrammar.bundledWords.get()
        tense = TenseCue(lexicon: lexicon, words: try TenseCue.bundledWords.get())
    }

    /// The timexes of `text`, in order, with Unicode scalar offsets into it. `documentCreationTime`
    /// is a TIMEX3 date or date-time (`2025-05-16`, `2025-05-16T23:35`); without it relative
    /// expressions keep unknown parts (`XXXX-XX-XX`).
    package func timexes(in text: String, documentCreationTime: String?) -> [TimexMention] {
        let scalars = Array(text.unicodeScalars)
        let tokens = TimeToken.tokenize(scalars, lexicon: lexicon)
        let phrases = TemporalGrammar(lexicon: lexicon, words: grammarWords, tokens: tokens).phrases()
        var resolver = TimexResolver(creation: documentCreationTime.flatMap { CalendarDate(iso: $0) })
        return phrases.map { phrase in
            let direction = tense.direction(clause(around: phrase.start, in: tokens), around: phrase.start..<phrase.end)
            let resolved = resolver.resolve(phrase.meaning, direction: direction)
            let span = TextSpan(start: tokens[phrase.start].start, end: tokens[phrase.end - 1].end)
            return TimexMention(span: span, text: makeString(scalars[span.start..<span.end]), type: resolved.type, value: resolved.value, mod: phrase.mod)
        }
    }

    /// The tokens of the sentence around `index`, cut at semicolons: "In January talks stalled;
    /// in December they will resume" has two tenses.
    private func clause(around index: Int, in tokens: [TimeToken]) -> ArraySlice<TimeToken> {
        let sentence = tokens[index].sentence
        var start = index
        while start > 0, tokens[start - 1].sentence == sentence, tokens[start - 1].text != ";" { start -= 1 }
        var end = index + 1
        while end < tokens.count, tokens[end].sentence == sentence, tokens[end].text != ";" { end += 1 }
        return tokens[start..<end]
    }
}
