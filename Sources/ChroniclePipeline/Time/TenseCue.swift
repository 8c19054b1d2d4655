/// Which way the words around a temporal phrase point. Decides which Friday "Friday" is and
/// which May "May" is.
///
/// - future: "will", "would", "'ll", "shall", "planned", "upcoming", or "going to", "plans to",
///   "expected to", "is to", "as soon as" shortly before the phrase, or a modal or "plans to"
///   after a fronted one ("On Tuesday, the league plans to hold...");
/// - past: a past verb right before it ("announced Wednesday", "ended Jan. 31"); one further
///   away says little ("was extended to Nov. 16");
/// - nearest otherwise: news tells what happened, with a short window into the coming weeks.
///
/// The words are `Resources/time/time_tense_cues.tsv`, by `Role`.
struct TenseCue {
    let lexicon: TimeLexicon
    let words: WordRoles<Role>
    /// How far from the phrase, in tokens, a cue still counts: the verb a date belongs to is
    /// close to it; a "will" two clauses away is another verb's.
    let window = 8

    func direction(_ clause: ArraySlice<TimeToken>, around phrase: Range<Int>) -> TimexResolver.Direction {
        let lower = max(clause.startIndex, phrase.lowerBound - window)
        // A past verb or "since" right before the phrase settles it: "announced Wednesday",
        // "met on Monday", "since March".
        var nearest = phrase.lowerBound - 1
        if nearest >= lower, words.has(clause[nearest].lower, .preposition) { nearest -= 1 }
        // ...but not a participle after "be": "to be completed by Dec. 15", "will be paid Dec. 14".
        if nearest >= lower, isPastWord(clause[nearest].lower),
            nearest == lower || !words.has(clause[nearest - 1].lower, .be)
        {
            return .past
        }
        for index in stride(from: phrase.lowerBound - 1, through: lower, by: -1) {
            let word = clause[index].lower
            if lexicon.has(word, .future) { return .future }
            if words.has(word, .infinitive), index > lower, words.has(clause[index - 1].lower, .futureBeforeTo) {
                return .future
            }
            // "as soon as Tuesday", "as early as next week"
            if let soon = words.phrase(.asSoonAs, at: index, word: { $0 < phrase.lowerBound ? clause[$0].lower : nil }),
                soon.end < phrase.lowerBound + 1
            {
                return .future
            }
        }
        // After the phrase, the clause's verb: "In December they will resume". A fronted phrase
        // ("On Tuesday, the league plans to hold...") has its verb further on.
        var start = phrase.lowerBound
        if start > clause.startIndex, words.has(clause[start - 1].lower, .frontedPreposition) { start -= 1 }
        let fronted = start == clause.startIndex || [",", "\"", "``", "''"].contains(clause[start - 1].text)
        let upper = min(clause.endIndex, phrase.upperBound + (fronted ? window : 3))
        var index = phrase.upperBound
        while index < upper {
            let word = clause[index].lower
            if words.has(word, .futureModal) { return .future }
            if words.has(word, .infinitive), index > phrase.upperBound, words.has(clause[index - 1].lower, .presentBeforeTo) { return .future }
            if isPastWord(word) { break }
            index += 1
        }
        return .nearest
    }

    /// A past verb: an irregular past form, or a regular one ("-ed") that is no adjective.
    private func isPastWord(_ word: String) -> Bool {
        if words.has(word, .irregularPast) { return true }
        return word.count > 4 && word.hasSuffix("ed") && !words.has(word, .notPast)
    }
}
