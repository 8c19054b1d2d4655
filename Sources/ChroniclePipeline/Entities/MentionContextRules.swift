/// Corrections the words around a mention justify, applied to the tagger's output: the tagger
/// sees a window of two words, these rules see the whole phrase.
///
/// - A capitalised word inside a photo caption's position note ("(Center 3rd L)") is no name.
/// - A head noun types the name it ends: "Dolmabahçe Palace" is a place, "Defence Ministry"
///   an organisation.
/// - A person's title before a name makes it a person's: "President Zelenskyy", and every
///   name of a list after a plural title ("Presidents Putin and Zelenskyy").
/// - A list of names takes its majority type: "Donetsk, Lugansk, Kherson and Zaporizhzhia".
/// - A name that starts with a given name and speaks ("as Napoleon said", "Anna Berg told")
///   is a person's, whatever the tagger said; so is a name that says something of "he" or
///   "she" ("Zelensky has previously said he is open"): a body is "it" or "they".
/// - A descriptor noun before a name types it: "the port city Odesa", "the presidential
///   office Dolmabahce".
/// - A lone capitalised common word at the start of a sentence or phrase ("Aspects") that
///   nothing else marks as a name is dropped.
struct MentionContextRules {
    let lexicon: EntityLexicon
    let gazetteer: EntityGazetteer
    let isCommonWord: (String) -> Bool

    /// The refined mentions, and the indexes (into the result) of the ones a title before them
    /// made people: strong evidence that the same name elsewhere is a person's too.
    func apply(_ mentions: [MentionTokens], in document: ArticleDocument) -> (mentions: [MentionTokens], titled: Set<Int>) {
        var mentions = mentions.filter { !inCaptionPositionNote($0, document: document) }
        for index in mentions.indices {
            if let type = lexicon.headType(of: mentions[index].mention.text), type != mentions[index].mention.type,
                mentions[index].mention.type != .nationality, gazetteer.best(for: mentions[index].mention.text) == nil
            {
                mentions[index].mention.type = type
            }
        }
        for index in mentions.indices where [.organization, .miscellaneous].contains(mentions[index].mention.type) {
            if speaksWithGivenName(mentions[index], document: document) || speaksOfHimself(mentions[index], document: document) {
                mentions[index].mention.type = .person
            } else if let type = descriptorType(before: mentions[index], document: document) {
                mentions[index].mention.type = type
            }
        }
        let titled = personsAfterTitles(&mentions, document: document)
        typeListsByMajority(&mentions, document: document)
        var kept: [MentionTokens] = []
        var keptTitled: Set<Int> = []
        // How many mentions each word is part of: a word of another name is no lone word.
        let words = mentions.reduce(into: [String: Int]()) { counts, mention in
            for word in Set(MentionCanonicalizer.nameWords(mention.mention.text)) { counts[word, default: 0] += 1 }
        }
        for (index, mention) in mentions.enumerated() {
            if !titled.contains(index), isLoneCommonWord(mention, occurrences: words[mention.mention.text] ?? 0, document: document) {
                continue
            }
            if titled.contains(index) { keptTitled.insert(kept.count) }
            kept.append(mention)
        }
        return (kept, keptTitled)
    }

    /// "(Center 3rd L)", "(L)", "(2nd R)": every token between the brackets is a position word.
    private func inCaptionPositionNote(_ mention: MentionTokens, document: ArticleDocument) -> Bool {
        let sentence = document.sentences[mention.sentence].tokens
        guard var open = mention.tokens.lowerBound.checkedPredecessor(above: sentence.lowerBound) else { return false }
        while document.tokens[open].text != "(" {
            guard lexicon.isCaptionPosition(document.tokens[open].text), let previous = open.checkedPredecessor(above: sentence.lowerBound)
            else { return false }
            open = previous
        }
        var close = mention.tokens.lowerBound
        while close < sentence.upperBound, document.tokens[close].text != ")" {
            let word = document.tokens[close].text
            guard lexicon.isCaptionPosition(word) || word == "," else { return false }
            close += 1
        }
        return close < sentence.upperBound
    }

    /// Names right after a person's title become people; after a plural title, so does every
    /// name of the list that follows ("Presidents Putin and Zelenskyy").
    private func personsAfterTitles(_ mentions: inout [MentionTokens], document: ArticleDocument) -> Set<Int> {
        var titled: Set<Int> = []
        for index in mentions.indices {
            let first = mentions[index].tokens.lowerBound
            let sentenceStart = document.sentences[mentions[index].sentence].tokens.lowerBound
            guard first > sentenceStart, let number = lexicon.personTitle(document.tokens[first - 1].text),
                canBePerson(mentions[index].mention)
            else { continue }
            mentions[index].mention.type = .person
            titled.insert(index)
            guard number == .plural else { continue }
            var member = index
            while member + 1 < mentions.count, listSeparates(mentions[member], mentions[member + 1], document: document),
                canBePerson(mentions[member + 1].mention)
            {
                member += 1
                mentions[member].mention.type = .person
                titled.insert(member)
            }
        }
        return titled
    }

    /// The first word is a given name, the next word a reporting verb, and nothing says the name
    /// is an organisation's.
    private func speaksWithGivenName(_ mention: MentionTokens, document: ArticleDocument) -> Bool {
        let words = MentionCanonicalizer.nameWords(mention.mention.text)
        guard let first = words.first, words.count <= 3, gazetteer.isGivenName(first), canBePerson(mention.mention),
            lexicon.headType(of: mention.mention.text) == nil, mention.tokens.upperBound < document.tokens.count,
            mention.sentence == sentenceIndex(of: mention.tokens.upperBound, document: document)
        else { return false }
        return ReportingVerbs.shared.contains(document.tokens[mention.tokens.upperBound].text.lowercased())
    }

    /// The name starts its sentence, a reporting verb follows after at most three lower-case
    /// words ("has previously said"), and "he" or "she" right after the verb.
    private func speaksOfHimself(_ mention: MentionTokens, document: ArticleDocument) -> Bool {
        let sentence = document.sentences[mention.sentence].tokens
        guard mention.tokens.lowerBound == sentence.lowerBound, canBePerson(mention.mention),
            lexicon.headType(of: mention.mention.text) == nil
        else { return false }
        var index = mention.tokens.upperBound
        while index < min(sentence.upperBound - 1, mention.tokens.upperBound + 4) {
            let word = document.tokens[index].text
            if ReportingVerbs.shared.contains(word.lowercased()) {
                return ["he", "she"].contains(document.tokens[index + 1].text.lowercased())
            }
            guard word.first?.isLowercase == true else { return false }
            index += 1
        }
        return false
    }

    private func sentenceIndex(of token: Int, document: ArticleDocument) -> Int? {
        document.sentences.firstIndex { $0.tokens.contains(token) }
    }

    /// "the port city Odesa": the lower-case word right before the name is a descriptor noun.
    private func descriptorType(before mention: MentionTokens, document: ArticleDocument) -> EntityType? {
        let first = mention.tokens.lowerBound
        guard first > document.sentences[mention.sentence].tokens.lowerBound, gazetteer.best(for: mention.mention.text) == nil else {
            return nil
        }
        let previous = document.tokens[first - 1].text
        guard previous.first?.isLowercase == true else { return nil }
        return lexicon.descriptorNouns[previous]
    }

    /// A name the gazetteer knows as a place, or a nationality word, stays what it is.
    private func canBePerson(_ mention: EntityMention) -> Bool {
        mention.type != .nationality && mention.type != .location && gazetteer.best(for: mention.text) == nil
            && mention.text.first?.isUppercase == true
    }

    /// In a list of three or more names, a name typed ORG or MISC among a majority of places or
    /// people takes the majority's type.
    private func typeListsByMajority(_ mentions: inout [MentionTokens], document: ArticleDocument) {
        var start = 0
        while start < mentions.count {
            var end = start + 1
            while end < mentions.count, listSeparates(mentions[end - 1], mentions[end], document: document) { end += 1 }
            if end - start >= 3 {
                var counts: [EntityType: Int] = [:]
                for member in start..<end { counts[mentions[member].mention.type, default: 0] += 1 }
                if let (majority, count) = counts.max(by: { $0.value < $1.value }), [.location, .person].contains(majority),
                    count * 2 > end - start
                {
                    for member in start..<end where [.organization, .miscellaneous].contains(mentions[member].mention.type) {
                        mentions[member].mention.type = majority
                    }
                }
            }
            start = end
        }
    }

    /// Two mentions of one sentence separated only by ",", "and", "or" or ", and".
    private func listSeparates(_ lhs: MentionTokens, _ rhs: MentionTokens, document: ArticleDocument) -> Bool {
        guard lhs.sentence == rhs.sentence, lhs.tokens.upperBound <= rhs.tokens.lowerBound else { return false }
        let between = document.tokens[lhs.tokens.upperBound..<rhs.tokens.lowerBound].map { $0.text.lowercased() }
        return between == [","] || between == ["and"] || between == ["or"] || between == [",", "and"] || between == [",", "or"]
    }

    /// One capitalised token that training text writes in lower case, capitalised only by its
    /// place (first in its sentence, or after a bracket, quote or dash), part of no other name
    /// in the article, and unknown to the gazetteer.
    private func isLoneCommonWord(_ mention: MentionTokens, occurrences: Int, document: ArticleDocument) -> Bool {
        guard mention.tokens.count == 1, occurrences == 1, mention.mention.type != .nationality,
            isCommonWord(mention.mention.text), gazetteer.best(for: mention.mention.text) == nil
        else { return false }
        let first = mention.tokens.lowerBound
        let sentenceStart = document.sentences[mention.sentence].tokens.lowerBound
        guard first > sentenceStart else { return true }
        return ["(", "[", "\"", "“", "‘", "'", "–", "—", "-", ":"].contains(document.tokens[first - 1].text)
    }
}

extension Int {
    /// `self - 1` if that is at least `bound`.
    fileprivate func checkedPredecessor(above bound: Int) -> Int? { self - 1 >= bound ? self - 1 : nil }
}
