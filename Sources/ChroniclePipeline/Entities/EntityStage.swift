import ChronicleFoundation

/// The second stage: named entities with their types, canonical names within the article, and
/// the roles and affiliations printed around people's names.
///
/// The recognizer (the trained tagger) finds the mentions; the gazetteer adds the countries,
/// capitals, nationalities and international organisations it missed, turns nationality words
/// into NORP mentions of their country, and names places canonically. Context rules then
/// correct types from the words around names, and the propagator gives one name one type and
/// finds the occurrences the tagger missed.
public struct EntityStage: PipelineStage {
    public let name = "entities"
    let recognizer: any EntityRecognizer
    let gazetteer: EntityGazetteer
    let lexicon: EntityLexicon

    public init(recognizer: any EntityRecognizer) throws(ResourceError) {
        self.init(recognizer: recognizer, gazetteer: try EntityGazetteer.bundled.get(), lexicon: try EntityLexicon.bundled.get())
    }

    init(recognizer: any EntityRecognizer, gazetteer: EntityGazetteer, lexicon: EntityLexicon = .shared) {
        self.recognizer = recognizer
        self.gazetteer = gazetteer
        self.lexicon = lexicon
    }

    public func process(_ document: inout ArticleDocument) throws(PipelineError) {
        let slicer = TextSlicer(document.text)
        var mentions = recognizer.entities(in: document).flatMap(splitPlacePairs).map { refinedType(withoutTitle($0, slicer: slicer)) }
        mentions += gazetteerMentions(in: document, besides: mentions, slicer: slicer)
        mentions.sort { $0.span < $1.span }
        let isCommonWord = { [recognizer] (word: String) in recognizer.isCommonWord(word) }
        let rules = MentionContextRules(lexicon: lexicon, gazetteer: gazetteer, isCommonWord: isCommonWord)
        let refined = rules.apply(MentionTokens.align(mentions, in: document), in: document)
        var aligned = NamePropagator(isCommonWord: isCommonWord).propagate(refined.mentions, titled: refined.titled, in: document)
        let roles = RoleFinder(titles: lexicon, gazetteer: gazetteer, slicer: slicer)
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

    /// "Presidential Aide Vladimir Medinsky" tagged as one organisation, or "Aide Vladimir
    /// Medinsky" as one person, is a title and a person: the title words are cut off (the role
    /// finder reads them) and the name is a PERSON.
    private func withoutTitle(_ mention: EntityMention, slicer: TextSlicer) -> EntityMention {
        let words = mention.text.split(separator: " ", omittingEmptySubsequences: false)
        let titleCount = words.prefix { lexicon.isTitleWord(String($0)) }.count
        let nameWords = mention.type == .person ? 1 : 2
        guard titleCount > 0, words.count - titleCount >= nameWords,
            words[titleCount...].allSatisfy({ $0.first?.isUppercase == true })
        else { return mention }
        let cut = words[..<titleCount].map { $0.unicodeScalars.count + 1 }.reduce(0, +)
        let span = TextSpan(start: mention.span.start + cut, end: mention.span.end)
        return EntityMention(span: span, text: slicer.text(span), type: .person)
    }

    /// "Ukraine-Russia talks": two places joined by a hyphen are two mentions.
    private func splitPlacePairs(_ mention: EntityMention) -> [EntityMention] {
        let parts = mention.text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, mention.type != .person,
            parts.allSatisfy({ part in gazetteer.best(for: String(part)).map { [.country, .capital, .city, .region].contains($0.kind) } ?? false })
        else { return [mention] }
        let first = parts[0].unicodeScalars.count
        return [
            EntityMention(span: TextSpan(start: mention.span.start, end: mention.span.start + first), text: String(parts[0]), type: .location),
            EntityMention(span: TextSpan(start: mention.span.start + first + 1, end: mention.span.end), text: String(parts[1]), type: .location),
        ]
    }

    /// Capitalised gazetteer names the recognizer did not tag: countries, capitals, nationality
    /// words and international organisations (not every city: "Mobile" and "Split" are words).
    private func gazetteerMentions(in document: ArticleDocument, besides found: [EntityMention], slicer: TextSlicer) -> [EntityMention] {
        var added: [EntityMention] = []
        let tokens = document.tokens
        func text(_ span: TextSpan) -> String { slicer.text(span) }
        for sentence in document.sentences {
            var index = sentence.tokens.lowerBound
            while index < sentence.tokens.upperBound {
                var matched = 0
                var entry: EntityGazetteer.Entry?
                if tokens[index].text.first?.isUppercase == true {
                    let longest = min(gazetteer.longestAlias(startingWith: tokens[index].text), sentence.tokens.upperBound - index)
                    for length in stride(from: longest, through: 1, by: -1) {
                        // An alias ends on a capitalised word: test that before building and looking up the text.
                        guard tokens[index + length - 1].text.first?.isUppercase == true else { continue }
                        let span = TextSpan(start: tokens[index].span.start, end: tokens[index + length - 1].span.end)
                        guard let candidate = gazetteer.best(for: text(span)),
                            [.country, .capital, .demonym, .organization].contains(candidate.kind)
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
