/// One name, one type, and every occurrence found, within an article.
///
/// - A lone "Medinsky" or "Zelenskyy" tagged as an organisation is the person the article
///   names in full ("Vladimir Medinsky") or under a title ("President Zelenskyy") elsewhere.
/// - An occurrence the tagger missed ("Zelensky had warned", after four "Zelenskyy"s) is
///   added when the article names that person elsewhere; an organisation's or place's
///   one-word name is added where it recurs exactly.
struct NamePropagator {
    let isCommonWord: (String) -> Bool

    func propagate(_ mentions: [MentionTokens], titled: Set<Int>, in document: ArticleDocument) -> [MentionTokens] {
        var mentions = mentions
        // Surname keys of people named in full or under a title.
        var surnames: [String] = []
        for (index, mention) in mentions.enumerated() where mention.mention.type == .person {
            let words = MentionCanonicalizer.nameWords(mention.mention.text)
            if words.count > 1 || titled.contains(index), let last = words.last { surnames.append(NameMatcher.key(last)) }
        }
        func isSurname(_ word: String) -> Bool {
            let key = NameMatcher.key(word)
            return surnames.contains { NameMatcher.sameWordKey($0, key) }
        }
        for index in mentions.indices {
            let mention = mentions[index].mention
            let words = MentionCanonicalizer.nameWords(mention.text)
            if mention.type != .person, mention.type != .nationality, words.count == 1, isSurname(words[0]) {
                mentions[index].mention.type = .person
            }
        }

        // Tokens no mention covers that spell a person's surname, or exactly an organisation's
        // or place's one-word name.
        var covered = [Bool](repeating: false, count: document.tokens.count)
        for mention in mentions { for token in mention.tokens where token < covered.count { covered[token] = true } }
        var singleNames: [String: EntityType] = [:]
        for mention in mentions where mention.tokens.count == 1 && [.organization, .location].contains(mention.mention.type) {
            singleNames[mention.mention.text] = mention.mention.type
        }
        var added: [MentionTokens] = []
        for (sentenceIndex, sentence) in document.sentences.enumerated() {
            for token in sentence.tokens where !covered[token] {
                let text = document.tokens[token].text
                guard text.unicodeScalars.count >= 3, text.first?.isUppercase == true, text.dropFirst().contains(where: \.isLowercase),
                    !isCommonWord(text)
                else { continue }
                let type: EntityType
                if let known = singleNames[text] {
                    type = known
                } else if !surnames.isEmpty, isSurname(text) {
                    type = .person
                } else {
                    continue
                }
                let span = document.tokens[token].span
                added.append(
                    MentionTokens(mention: EntityMention(span: span, text: text, type: type), tokens: token..<(token + 1), sentence: sentenceIndex))
            }
        }
        guard !added.isEmpty else { return mentions }
        return (mentions + added).sorted { $0.mention.span < $1.mention.span }
    }
}
