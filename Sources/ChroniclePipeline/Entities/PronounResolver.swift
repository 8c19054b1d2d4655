/// Resolves "he" / "she" (and "him", "his", "her") to the person they most likely stand for: the
/// nearest person named before the pronoun, within the same or the two previous sentences,
/// preferring a person who was the subject of a reporting verb ("Medinsky said ... He also said")
/// over one merely mentioned. Quotations use it to name the speaker of "he said".
package struct PronounResolver: Sendable {
    package init() {}

    /// The canonical name a pronoun token refers to, or nil when no person fits.
    package func antecedent(ofToken index: Int, in document: ArticleDocument) -> String? {
        guard document.tokens.indices.contains(index), PersonalPronouns.shared.contains(document.tokens[index].text.lowercased()) else {
            return nil
        }
        let sentence = document.sentences.partitioningIndex { $0.tokens.upperBound > index }
        guard sentence < document.sentences.count else { return nil }
        let firstSentence = max(0, sentence - 2)
        let windowStart = document.tokens[document.sentences[firstSentence].tokens.lowerBound].span.start
        var pronounStart = document.tokens[index].span.start
        // In "X met Y, he said" the speaker is neither X nor Y: look before the sentence.
        if index > 0, document.tokens[index - 1].text == ",", index + 1 < document.tokens.count,
            ReportingVerbs.shared.contains(document.tokens[index + 1].text.lowercased())
        {
            pronounStart = document.sentences[sentence].span.start
        }
        let candidates = document.entities.filter {
            $0.type == .person && $0.span.start >= windowStart && $0.span.end <= pronounStart
        }
        // The most recent reporting subject, else the most recent person.
        let subjects = candidates.filter { isReportingSubject($0, in: document) }
        return (subjects.last ?? candidates.last)?.canonicalName
    }

    /// "Medinsky said", "Fidan, who chaired the talks, noted", "said Russia's top negotiator,
    /// Vladimir Medinsky".
    private func isReportingSubject(_ mention: EntityMention, in document: ArticleDocument) -> Bool {
        let next = document.tokens.partitioningIndex { $0.span.start >= mention.span.end }
        guard next < document.tokens.count else { return false }
        let sentence = document.sentences.partitioningIndex { $0.tokens.upperBound > next }
        let sentenceTokens = sentence < document.sentences.count ? document.sentences[sentence].tokens : next..<document.tokens.count
        func word(_ index: Int) -> String { sentenceTokens.contains(index) ? document.tokens[index].text.lowercased() : "" }
        if ReportingVerbs.shared.contains(word(next)) { return true }
        // An apposition or relative clause between the name and its verb.
        if word(next) == "," {
            var index = next + 1
            while index < sentenceTokens.upperBound, index <= next + 12 {
                if word(index) == ",", ReportingVerbs.shared.contains(word(index + 1)) { return true }
                index += 1
            }
        }
        // The verb before the name, at the end of its sentence or clause.
        let first = document.tokens.partitioningIndex { $0.span.start >= mention.span.start }
        var index = first - 1
        while index >= sentenceTokens.lowerBound, index >= first - 6 {
            if ReportingVerbs.shared.contains(word(index)) { return [".", ",", ":", ""].contains(word(next)) }
            if [".", "\"", "”"].contains(word(index)) { break }
            index -= 1
        }
        return false
    }
}
