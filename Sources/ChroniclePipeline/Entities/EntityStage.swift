/// The second stage: named entities with their types, canonical names within the article, and
/// the roles and affiliations printed around people's names.
///
/// The recognizer (the trained tagger) finds the mentions; the gazetteer adds the countries,
/// capitals, nationalities and international organisations it missed, turns nationality words
/// into NORP mentions of their country, and names places canonically.
public struct EntityStage: PipelineStage {
    public let name = "entities"
    let recognizer: any EntityRecognizer
    let gazetteer: EntityGazetteer
    let titles: TitleLexicon

    public init(recognizer: any EntityRecognizer, gazetteer: EntityGazetteer = .shared) {
        self.recognizer = recognizer
        self.gazetteer = gazetteer
        self.titles = .shared
    }

    public func process(_ document: inout ArticleDocument) throws(PipelineError) {
        var mentions = recognizer.entities(in: document).map { refinedType(withoutTitle($0, in: document)) }
        mentions = Self.consistentPersonTypes(mentions)
        mentions += gazetteerMentions(in: document, besides: mentions)
        mentions.sort { $0.span < $1.span }
        var aligned = MentionTokens.align(mentions, in: document)
        let roles = RoleFinder(titles: titles, gazetteer: gazetteer)
        for index in aligned.indices where aligned[index].mention.type == .person {
            let found = roles.role(of: aligned[index], among: aligned, in: document)
            aligned[index].mention.role = found.role
            aligned[index].mention.affiliation = found.affiliation
        }
        MentionCanonicalizer(gazetteer: gazetteer).canonicalize(&aligned)
        document.entities = aligned.map(\.mention)
    }

    /// A nationality word is NORP whatever the tagger called it, and is affiliated with its
    /// country ("Ukrainian" -> Ukraine); a name the gazetteer knows only as a place is LOC.
    private func refinedType(_ mention: EntityMention) -> EntityMention {
        var mention = mention
        if let country = gazetteer.country(forDemonym: mention.text) {
            mention.type = .nationality
            mention.affiliation = country
        } else if mention.type == .organization || mention.type == .person,
            let entry = gazetteer.best(for: mention.text), [.country, .capital, .city, .region].contains(entry.kind)
        {
            mention.type = .location
        }
        return mention
    }

    /// "Presidential Aide Vladimir Medinsky" tagged as one organisation is a title and a person:
    /// the title words are cut off (the role finder reads them) and the name is a PERSON.
    private func withoutTitle(_ mention: EntityMention, in document: ArticleDocument) -> EntityMention {
        guard mention.type != .person else { return mention }
        let words = mention.text.split(separator: " ", omittingEmptySubsequences: false)
        let titleCount = words.prefix { titles.isTitleWord(String($0)) }.count
        guard titleCount > 0, words.count - titleCount >= 2,
            words[titleCount...].allSatisfy({ $0.first?.isUppercase == true })
        else { return mention }
        let cut = words[..<titleCount].map { $0.unicodeScalars.count + 1 }.reduce(0, +)
        let span = TextSpan(start: mention.span.start + cut, end: mention.span.end)
        return EntityMention(span: span, text: document.text(of: span), type: .person)
    }

    /// One name, one type within an article: a lone "Medinsky" or "Zelenskyy" tagged as an
    /// organisation is the person the article names in full elsewhere.
    static func consistentPersonTypes(_ mentions: [EntityMention]) -> [EntityMention] {
        let surnames = Set(mentions.filter { $0.type == .person }
            .map { MentionCanonicalizer.nameWords($0.text) }.filter { $0.count > 1 }.compactMap(\.last).map(NameMatcher.key))
        return mentions.map { mention in
            var mention = mention
            let words = MentionCanonicalizer.nameWords(mention.text)
            if mention.type != .person, mention.type != .nationality, words.count == 1,
                case let key = NameMatcher.key(words[0]), surnames.contains(where: { NameMatcher.sameWordKey($0, key) })
            {
                mention.type = .person
            }
            return mention
        }
    }

    /// Capitalised gazetteer names the recognizer did not tag: countries, capitals, nationality
    /// words and international organisations (not every city: "Mobile" and "Split" are words).
    private func gazetteerMentions(in document: ArticleDocument, besides found: [EntityMention]) -> [EntityMention] {
        var added: [EntityMention] = []
        let tokens = document.tokens
        // Slicing one scalar array; `document.text(of:)` walks the text from its start each time.
        let scalars = Array(document.text.unicodeScalars)
        func text(_ span: TextSpan) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[span.start..<span.end])
            return String(view)
        }
        for sentence in document.sentences {
            var index = sentence.tokens.lowerBound
            while index < sentence.tokens.upperBound {
                var matched = 0
                var entry: EntityGazetteer.Entry?
                let longest = min(gazetteer.longestAlias, sentence.tokens.upperBound - index)
                if longest > 0, tokens[index].text.first?.isUppercase == true, gazetteer.mayStartAlias(tokens[index].text) {
                    for length in stride(from: longest, through: 1, by: -1) {
                        let span = TextSpan(start: tokens[index].span.start, end: tokens[index + length - 1].span.end)
                        guard let candidate = gazetteer.best(for: text(span)),
                            [.country, .capital, .demonym, .organization].contains(candidate.kind),
                            tokens[index + length - 1].text.first?.isUppercase == true
                        else { continue }
                        matched = length
                        entry = candidate
                        break
                    }
                }
                if let entry, matched > 0 {
                    let span = TextSpan(start: tokens[index].span.start, end: tokens[index + matched - 1].span.end)
                    if !found.contains(where: { $0.span.overlaps(span) }) {
                        let text = text(span)
                        switch entry.kind {
                        case .demonym:
                            added.append(EntityMention(span: span, text: text, type: .nationality, affiliation: entry.canonical))
                        case .organization:
                            added.append(EntityMention(span: span, text: text, type: .organization))
                        default:
                            added.append(EntityMention(span: span, text: text, type: .location))
                        }
                    }
                    index += matched
                } else {
                    index += 1
                }
            }
        }
        return added
    }
}
