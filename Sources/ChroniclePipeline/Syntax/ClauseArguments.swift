import ChronicleFoundation

/// Who did what to whom, where, read from a sentence's base phrases rather than from nearness:
/// - a verb's subject is the noun phrase before its verb group, past adverbs, an aside between
///   dashes ("Putin - who had proposed the talks - sent") and a relative clause's pronoun
///   ("Putin, who had proposed the talks" makes Putin the proposer); its object is the noun
///   phrase right after it;
/// - a passive verb group ("were released") makes the subject the patient and "by X" the agent;
/// - a preposition gives the phrase after it a role: in/at for the place, to for the recipient
///   of a verb that has an object ("sent a delegation to Istanbul", not "agreed to a swap"),
///   with/between for a participant, by for the agent;
/// - an event noun takes its arguments from its own phrase: a possessive before it is the agent
///   ("Putin's proposal"), "of X" after it the theme ("the swap of 1,000 prisoners").
///
/// Arguments are token ranges of noun phrases; coordinated names stay in one phrase ("Russia and
/// Ukraine"), for whoever maps phrases to entities to split. The words are
/// `Resources/events/event_clause_words.tsv`.
package struct ClauseArguments: Sendable {
    package enum Role: String, Sendable, Equatable {
        case agent, patient, recipient, participant, place, theme
    }

    /// What a word does in the rules.
    enum WordClass: String, WordRole {
        case place, recipient, participant, agent, theme, passiveAuxiliary, relativePronoun, aside
        var value: WordRoleValue { .none }
    }

    package struct Argument: Sendable, Equatable {
        package var role: Role
        /// Token indexes of the noun phrase within the sentence.
        package var tokens: Range<Int>
    }

    let words: WordRoles<WordClass>

    /// Loaded once per process; building a stage that needs it reports a missing or malformed file.
    package static let bundled = Result { () throws(ResourceError) in
        ClauseArguments(words: try WordRoles<WordClass>(reader: .pipeline, path: "events/event_clause_words.tsv"))
    }

    /// A base phrase: its type ("NP", "VP", "PP", ...) and its tokens.
    struct Phrase {
        var type: String
        var tokens: Range<Int>
    }

    static func phrases(_ chunks: [String]) -> [Phrase] {
        var phrases: [Phrase] = []
        for (index, tag) in chunks.enumerated() {
            if tag.hasPrefix("I-"), let last = phrases.last, last.tokens.upperBound == index, last.type == tag.dropFirst(2) {
                phrases[phrases.count - 1].tokens = last.tokens.lowerBound..<(index + 1)
            } else if tag != "O" {
                phrases.append(Phrase(type: String(tag.dropFirst(2)), tokens: index..<(index + 1)))
            }
        }
        return phrases
    }

    /// The arguments of the event whose trigger is token `trigger` of the sentence.
    package func arguments(of trigger: Int, in sentence: ParsedSentence) -> [Argument] {
        let phrases = Self.phrases(sentence.chunks)
        guard let own = phrases.firstIndex(where: { $0.tokens.contains(trigger) }) else { return [] }
        let lower = sentence.words.map { $0.lowercased() }
        var result: [Argument] = []
        if phrases[own].type == "VP" {
            let verb = phrases[own].tokens
            let passive = sentence.partsOfSpeech[trigger] == "VBN" && (verb.lowerBound..<trigger).contains { words.has(lower[$0], .passiveAuxiliary) }
            if let subject = subject(before: own, phrases: phrases, lower: lower) {
                result.append(Argument(role: passive ? .patient : .agent, tokens: subject))
            }
            if !passive, own + 1 < phrases.count, phrases[own + 1].type == "NP", phrases[own + 1].tokens.lowerBound == verb.upperBound {
                result.append(Argument(role: .patient, tokens: phrases[own + 1].tokens))
            }
            let hasObject = result.contains { $0.role == .patient && !passive }
            result += prepositional(after: own, phrases: phrases, lower: lower, passive: passive, noun: false)
                .filter { $0.role != .recipient || hasObject }
        } else if phrases[own].type == "NP" {
            let phrase = phrases[own].tokens
            // "Putin 's proposal": the words before the possessive mark, in the phrase or, as
            // CoNLL chunks it ("[Putin] ['s proposal]"), the phrase just before.
            if let mark = (phrase.lowerBound..<trigger).last(where: { sentence.partsOfSpeech[$0] == "POS" }) {
                if mark > phrase.lowerBound {
                    result.append(Argument(role: .agent, tokens: phrase.lowerBound..<mark))
                } else if own >= 1, phrases[own - 1].type == "NP", phrases[own - 1].tokens.upperBound == mark {
                    result.append(Argument(role: .agent, tokens: phrases[own - 1].tokens))
                }
            }
            result += prepositional(after: own, phrases: phrases, lower: lower, passive: true, noun: true)
        }
        return result
    }

    /// The noun phrase a verb group's clause is about: the nearest before it, past adverb
    /// phrases; for a relative pronoun, the phrase before the comma in front of it.
    private func subject(before verb: Int, phrases: [Phrase], lower: [String]) -> Range<Int>? {
        let verbStart = phrases[verb].tokens.lowerBound
        // "Putin - who had proposed the talks - sent": the phrase before the opening dash.
        if verbStart >= 1, lower[verbStart - 1] != ",", words.has(lower[verbStart - 1], .aside),
            let opening = (0..<(verbStart - 1)).last(where: { lower[$0] == lower[verbStart - 1] }),
            let before = phrases.last(where: { $0.tokens.upperBound == opening }), before.type == "NP"
        {
            return before.tokens
        }
        var index = verb - 1
        while index >= 0, phrases[index].type == "ADVP" { index -= 1 }
        guard index >= 0, phrases[index].type == "NP", phrases[index].tokens.upperBound + 2 > verbStart else {
            return nil
        }
        let phrase = phrases[index].tokens
        if phrase.count == 1, words.has(lower[phrase.lowerBound], .relativePronoun) {
            // "Putin , who had proposed": the name before the comma or dash.
            guard index >= 1, phrase.lowerBound >= 1, words.has(lower[phrase.lowerBound - 1], .aside), phrases[index - 1].type == "NP",
                phrases[index - 1].tokens.upperBound == phrase.lowerBound - 1
            else { return nil }
            return phrases[index - 1].tokens
        }
        return phrase
    }

    /// The roles of the prepositional phrases after phrase `index`, up to the next verb group.
    private func prepositional(after index: Int, phrases: [Phrase], lower: [String], passive: Bool, noun: Bool) -> [Argument] {
        var result: [Argument] = []
        var position = index + 1
        while position + 1 < phrases.count, phrases[position].type != "VP" {
            defer { position += 1 }
            guard phrases[position].type == "PP", phrases[position + 1].type == "NP",
                phrases[position + 1].tokens.lowerBound == phrases[position].tokens.upperBound
            else { continue }
            let preposition = lower[phrases[position].tokens.upperBound - 1]
            let role: Role? =
                words.has(preposition, .place) ? .place
                : words.has(preposition, .recipient) ? .recipient
                : words.has(preposition, .participant) ? .participant
                : words.has(preposition, .agent) && passive ? .agent
                : words.has(preposition, .theme) && noun && position == index + 1 ? .theme
                : nil
            if let role { result.append(Argument(role: role, tokens: phrases[position + 1].tokens)) }
        }
        return result
    }
}
