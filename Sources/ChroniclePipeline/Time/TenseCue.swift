/// Whether a sentence speaks of the future or the past, from its words: "will", "plans",
/// "scheduled", "next" point forward; otherwise news tells what happened. Decides which
/// Friday "Friday" is and which May "May" is.
struct TenseCue {
    let lexicon: TimeLexicon

    func direction(of sentence: ArraySlice<TimeToken>) -> TimexResolver.Direction {
        for (offset, token) in zip(sentence.indices, sentence) {
            if lexicon.has(token.lower, .future) {
                // "set" and "due" only as in "set to" and "due to" + verb; "going" only in "going to".
                if ["set", "due", "going"].contains(token.lower), sentence.index(after: offset) < sentence.endIndex,
                    sentence[sentence.index(after: offset)].lower != "to"
                {
                    continue
                }
                return .future
            }
        }
        return .past
    }
}
