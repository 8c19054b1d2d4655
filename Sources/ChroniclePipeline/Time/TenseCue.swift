/// Which way the words around a temporal phrase point. Decides which Friday "Friday" is and
/// which May "May" is.
///
/// - future: "will", "would", "'ll", "shall", "planned", "upcoming", or "going to", "plans to",
///   "expected to", "is to", "as soon as" shortly before the phrase, or a modal or "plans to"
///   after a fronted one ("On Tuesday, the league plans to hold...");
/// - past: a past verb right before it ("announced Wednesday", "ended Jan. 31"); one further
///   away says little ("was extended to Nov. 16");
/// - nearest otherwise: news tells what happened, with a short window into the coming weeks.
struct TenseCue {
    let lexicon: TimeLexicon
    /// How far from the phrase, in tokens, a cue still counts: the verb a date belongs to is
    /// close to it; a "will" two clauses away is another verb's.
    let window = 8

    func direction(_ clause: ArraySlice<TimeToken>, around phrase: Range<Int>) -> TimexResolver.Direction {
        let lower = max(clause.startIndex, phrase.lowerBound - window)
        // A past verb or "since" right before the phrase settles it: "announced Wednesday",
        // "met on Monday", "since March".
        var nearest = phrase.lowerBound - 1
        if nearest >= lower, ["on", "in", "at", "by"].contains(clause[nearest].lower) { nearest -= 1 }
        // ...but not a participle after "be": "to be completed by Dec. 15", "will be paid Dec. 14".
        if nearest >= lower, isPastWord(clause[nearest].lower),
            nearest == lower || !["be", "been", "being", "is", "are"].contains(clause[nearest - 1].lower)
        {
            return .past
        }
        for index in stride(from: phrase.lowerBound - 1, through: lower, by: -1) {
            let word = clause[index].lower
            if lexicon.has(word, .future) { return .future }
            if word == "to", index > lower, Self.futureBeforeTo.contains(clause[index - 1].lower) {
                return .future
            }
            // "as soon as Tuesday", "as early as next week"
            if word == "as", index + 2 < phrase.lowerBound + 1, ["soon", "early"].contains(clause[index + 1].lower) { return .future }
        }
        // After the phrase, the clause's verb: "In December they will resume". A fronted phrase
        // ("On Tuesday, the league plans to hold...") has its verb further on.
        var start = phrase.lowerBound
        if start > clause.startIndex, ["on", "in", "at", "by", "from"].contains(clause[start - 1].lower) { start -= 1 }
        let fronted = start == clause.startIndex || [",", "\"", "``", "''"].contains(clause[start - 1].text)
        let upper = min(clause.endIndex, phrase.upperBound + (fronted ? window : 3))
        var index = phrase.upperBound
        while index < upper {
            let word = clause[index].lower
            if ["will", "'ll", "shall"].contains(word) { return .future }
            if word == "to", index > phrase.upperBound, Self.presentBeforeTo.contains(clause[index - 1].lower) { return .future }
            if isPastWord(word) { break }
            index += 1
        }
        return .nearest
    }

    /// Words that, before "to", speak of what is to come: "plans to", "is expected to".
    private static let futureBeforeTo: Set<String> = [
        "going", "plans", "plan", "planned", "expected", "expects", "is", "are", "due", "set", "scheduled",
    ]

    /// The present-tense ones of those, for a verb after the phrase: "On Friday the government
    /// planned to pay" is the past.
    private static let presentBeforeTo: Set<String> = ["going", "plans", "plan", "expects", "is", "are", "due", "scheduled"]

    /// Irregular past forms news uses most; regular ones end in "-ed".
    private static let irregularPast: Set<String> = [
        "was", "were", "said", "met", "told", "had", "did", "made", "took", "gave", "came", "went", "began",
        "bought", "brought", "sold", "won", "lost", "held", "left", "sent", "fell", "rose", "saw", "found",
        "got", "led", "paid", "put", "ran", "spoke", "wrote", "struck", "broke", "chose", "became", "knew",
        "thought", "felt", "kept", "meant", "stood", "drew", "grew", "flew", "fought", "caught", "taught",
        "since", "ago",
    ]

    /// "-ed" words that are not past verbs, or that speak of the future ("expected", "planned").
    private static let notPast: Set<String> = [
        "need", "needed", "speed", "indeed", "proceed", "exceed", "succeed", "feed", "seed", "breed", "embed",
        "bed", "red", "shed", "wed", "hundred", "expected", "scheduled", "proposed", "intended",
        "anticipated", "slated", "supposed", "united", "limited", "based", "related", "called", "named",
        "so-called", "alleged", "detailed", "advanced", "concerned", "interested", "involved", "armed",
        "ed",
    ]

    private func isPastWord(_ word: String) -> Bool {
        if Self.irregularPast.contains(word) { return true }
        return word.count > 4 && word.hasSuffix("ed") && !Self.notPast.contains(word)
    }
}
