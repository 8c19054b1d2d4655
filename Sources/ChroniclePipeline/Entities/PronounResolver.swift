/// Resolves "he" / "she" (and "him", "his", "her") to the person they most likely stand for: the
/// nearest person named before the pronoun, within the same or the two previous sentences,
/// preferring a person who was the subject of a reporting verb ("Medinsky said ... He also said")
/// over one merely mentioned. Quotations use it to name the speaker of "he said".
public struct PronounResolver: Sendable {
    static let pronouns: Set<String> = ["he", "she", "him", "his", "her"]

    public init() {}

    /// The canonical name a pronoun token refers to, or nil when no person fits.
    public func antecedent(ofToken index: Int, in document: ArticleDocument) -> String? {
        guard document.tokens.indices.contains(index), Self.pronouns.contains(document.tokens[index].text.lowercased()) else {
            return nil
        }
        let sentence = document.sentences.partitioningIndex { $0.tokens.upperBound > index }
        guard sentence < document.sentences.count else { return nil }
        let firstSentence = max(0, sentence - 2)
        let windowStart = document.tokens[document.sentences[firstSentence].tokens.lowerBound].span.start
        let pronounStart = document.tokens[index].span.start
        let candidates = document.entities.filter {
            $0.type == .person && $0.span.start >= windowStart && $0.span.end <= pronounStart
        }
        // The most recent reporting subject, else the most recent person.
        let subjects = candidates.filter { isReportingSubject($0, in: document) }
        return (subjects.last ?? candidates.last)?.canonicalName
    }

    private func isReportingSubject(_ mention: EntityMention, in document: ArticleDocument) -> Bool {
        let next = document.tokens.partitioningIndex { $0.span.start >= mention.span.end }
        guard next < document.tokens.count else { return false }
        return ReportingVerbs.all.contains(document.tokens[next].text.lowercased())
    }
}

/// Verbs that introduce speech: the words after a speaker's name in "Medinsky said".
enum ReportingVerbs {
    static let all: Set<String> = [
        "said", "says", "added", "adds", "noted", "notes", "told", "tells", "stated", "states", "announced",
        "announces", "confirmed", "confirms", "explained", "wrote", "writes", "insisted", "argued", "warned",
        "stressed", "declared", "claimed", "claims", "replied", "asked", "promised", "described", "continued",
    ]
}
