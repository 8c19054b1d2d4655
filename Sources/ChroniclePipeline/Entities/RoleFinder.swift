/// Reads a person's role and affiliation from the words printed around the name:
/// "Ukrainian Defense Minister Rustem Umerov" (role Defense Minister, affiliation Ukraine),
/// "Turkey's Foreign Minister Hakan Fidan", "U.S. Secretary of State Marco Rubio",
/// "Trump's special envoy Keith Kellogg", "State Department spokeswoman Tammy Bruce",
/// "Vladimir Medinsky, the head of Russia's delegation".
struct RoleFinder {
    let titles: EntityLexicon
    let gazetteer: EntityGazetteer
    /// The document's text, cut in constant time.
    let slicer: TextSlicer

    struct Role: Equatable {
        var role: String?
        var affiliation: String?
    }

    func role(of person: MentionTokens, among mentions: [MentionTokens], in document: ArticleDocument) -> Role {
        let sentence = document.sentences[person.sentence].tokens
        let before = roleBefore(person.tokens.lowerBound, sentenceStart: sentence.lowerBound, mentions: mentions, document: document)
        if before.role != nil { return before }
        return roleAfter(person.tokens.upperBound, sentenceEnd: sentence.upperBound, mentions: mentions, document: document)
    }

    /// A run of title words ending just before `end`, as printed ("Secretary of State").
    private func titleRun(endingBefore end: Int, from start: Int, in document: ArticleDocument) -> Range<Int> {
        var first = end
        while first > start {
            let word = document.tokens[first - 1].text
            if titles.isTitleWord(word) {
                first -= 1
            } else if word.lowercased() == "of", first < end, first - 1 > start, titles.isTitleWord(document.tokens[first - 2].text) {
                first -= 1
            } else {
                break
            }
        }
        return first..<end
    }

    /// The affiliation printed just before `index` (exclusive): a nationality ("Ukrainian"), a
    /// country or organisation ("U.S.", "State Department"), or a possessive ("Turkey's", "Trump's").
    private func affiliation(before index: Int, start: Int, mentions: [MentionTokens], document: ArticleDocument) -> String? {
        guard index > start else { return nil }
        var end = index
        let word = document.tokens[end - 1].text
        if word == "'s" || word == "’s" { end -= 1 }
        guard end > start else { return nil }
        if let mention = mentions.first(where: { $0.tokens.upperBound == end }) {
            return affiliationName(of: mention.mention)
        }
        let previous = document.tokens[end - 1].text
        if let country = gazetteer.country(forDemonym: previous) { return country }
        if let entry = gazetteer.best(for: previous), entry.kind == .country { return entry.canonical }
        return nil
    }

    private func affiliationName(of mention: EntityMention) -> String {
        if mention.type == .nationality, let affiliation = mention.affiliation { return affiliation }
        return gazetteer.canonicalName(for: mention.text) ?? mention.canonicalName
    }

    private func roleBefore(_ nameStart: Int, sentenceStart: Int, mentions: [MentionTokens], document: ArticleDocument) -> Role {
        var run = titleRun(endingBefore: nameStart, from: sentenceStart, in: document)
        // "said Russia's top negotiator, Vladimir Medinsky": the title before a comma.
        if run.isEmpty, nameStart - 1 > sentenceStart, document.tokens[nameStart - 1].text == "," {
            run = titleRun(endingBefore: nameStart - 1, from: sentenceStart, in: document)
        }
        guard !run.isEmpty else { return Role() }
        var result = Role(role: text(run, document))
        result.affiliation = affiliation(before: run.lowerBound, start: sentenceStart, mentions: mentions, document: document)
        // "Ukraine's top negotiator, Defense Minister Rustem Umerov": the affiliation can sit
        // on an appositive title before a comma.
        if result.affiliation == nil, run.lowerBound - 1 > sentenceStart, document.tokens[run.lowerBound - 1].text == "," {
            let earlier = titleRun(endingBefore: run.lowerBound - 1, from: sentenceStart, in: document)
            if !earlier.isEmpty {
                result.affiliation = affiliation(before: earlier.lowerBound, start: sentenceStart, mentions: mentions, document: document)
            }
        }
        return result
    }

    /// ", the head of Russia's delegation," after the name.
    private func roleAfter(_ nameEnd: Int, sentenceEnd: Int, mentions: [MentionTokens], document: ArticleDocument) -> Role {
        var index = nameEnd
        guard index < sentenceEnd, document.tokens[index].text == "," else { return Role() }
        index += 1
        if index < sentenceEnd, ["the", "a", "an"].contains(document.tokens[index].text.lowercased()) { index += 1 }
        var words: [String] = []
        var affiliation: String?
        while index < sentenceEnd {
            let word = document.tokens[index].text
            if titles.isTitleWord(word) {
                words.append(word)
            } else if word.lowercased() == "of", !words.isEmpty {
                words.append(word)
            } else if word.lowercased() == "the" && words.last == "of" {
                // "head of the Ukrainian delegation"
            } else if let mention = mentions.first(where: { $0.tokens.lowerBound == index }), words.last == "of" {
                affiliation = affiliationName(of: mention.mention)
                index = mention.tokens.upperBound - 1
                if index + 1 < sentenceEnd, ["'s", "’s"].contains(document.tokens[index + 1].text) { index += 1 }
            } else if let country = gazetteer.country(forDemonym: word), words.last == "of" {
                affiliation = country
            } else {
                break
            }
            index += 1
        }
        while words.last == "of" { words.removeLast() }
        guard !words.isEmpty else { return Role() }
        return Role(role: words.joined(separator: " "), affiliation: affiliation)
    }

    private func text(_ range: Range<Int>, _ document: ArticleDocument) -> String {
        guard let first = range.first, let last = range.last else { return "" }
        return slicer.text(TextSpan(start: document.tokens[first].span.start, end: document.tokens[last].span.end))
    }
}
