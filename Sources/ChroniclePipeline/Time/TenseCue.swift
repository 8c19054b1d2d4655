/// Whether the words before a temporal phrase speak of the future: "will", "would", "'ll",
/// "shall", "planned", "upcoming", or "going to", "plans to", "expected to", "is to", "as soon
/// as" within a few words, and no past verb right before it ("announced Wednesday"). Without
/// such a cue a date is read as the latest one (news tells what happened).
/// Decides which Friday "Friday" is and which May "May" is.
struct TenseCue {
    let lexicon: TimeLexicon
    /// How far from the phrase, in tokens, a cue still counts: the verb a date belongs to is
    /// close to it; a "will" two clauses away is another verb's.
    let window = 8

    func isFuture(_ clause: ArraySlice<TimeToken>, around phrase: Range<Int>) -> Bool {
        let lower = max(clause.startIndex, phrase.lowerBound - window)
        guard lower < phrase.lowerBound else { return false }
        // A past verb or "since" right before the phrase settles it: "announced Wednesday",
        // "met on Monday", "since March".
        var nearest = phrase.lowerBound - 1
        if nearest >= lower, ["on", "in", "at", "by"].contains(clause[nearest].lower) { nearest -= 1 }
        if nearest >= lower, isPastWord(clause[nearest].lower) { return false }
        for index in stride(from: phrase.lowerBound - 1, through: lower, by: -1) {
            let word = clause[index].lower
            if lexicon.has(word, .future) { return true }
            if word == "to", index > lower, ["going", "plans", "plan", "planned", "expected", "expects", "is", "are", "due", "set", "scheduled"].contains(clause[index - 1].lower) {
                return true
            }
            // "as soon as Tuesday", "as early as next week"
            if word == "as", index + 2 < phrase.lowerBound + 1, ["soon", "early"].contains(clause[index + 1].lower) { return true }
        }
        // "In December they will resume": a modal just after a fronted date.
        let after = min(clause.endIndex, phrase.upperBound + 3)
        for index in phrase.upperBound..<max(phrase.upperBound, after) where ["will", "'ll", "shall"].contains(clause[index].lower) {
            return true
        }
        return false
    }

    private func isPastWord(_ word: String) -> Bool {
        word == "since" || word == "was" || word == "were" || word == "said" || word == "met" || word == "told"
            || (word.hasSuffix("ed") && word.count > 4)
    }
}
