/// Finds direct quotations and who said them. Quotes are “curly”, "straight" or ``TeX-style'';
/// the speaker is found in the attribution after the quote (`"...," said Medinsky`, `Medinsky
/// added`, `he said`, `according to State Department spokeswoman Tammy Bruce`) or before it
/// (`Medinsky said: "..."`, `Umerov described the deal as "..."`). A quote that opens a sentence
/// with no attribution of its own continues the previous speaker's ("..." he said. "...").
///
/// The speaker is who said the words; a source that passes them on is the channel: in
/// `X said "...", according to Y` and `"...," X said, according to Y`, X speaks and Y reports.
/// A word or two in quote marks after an article or a possessive, or before a noun, with no
/// attribution and no verb (`a "strong reaction"`, `the "peaceful" end`) is a quoted term, not
/// speech; a fragment with a verb (`Russia "took note" of the request`) reports what was said.
struct QuotationFinder: Sendable {
    let resolver: ActorResolver
    /// Tells a quoted fragment with a verb from a term.
    let parser: ShallowParser

    static let openers: Set<String> = ["“", "``", "«", "„"]
    static let closers: Set<String> = ["”", "''", "»"]
    static let straight = "\""
    /// How far from a quote an attribution may be, in tokens.
    static let reach = 8

    /// Longest quoted term, in tokens.
    static let longestTerm = 3

    func quotations(in document: ArticleDocument, map: TokenEntityMap) -> (quotations: [Quotation], terms: [QuotedTerm]) {
        var result: [Quotation] = []
        var terms: [QuotedTerm] = []
        var previous: (speaker: String?, sentence: Int)?
        let slicer = TextSlicer(document.text)
        for paragraph in document.paragraphs {
            guard let first = paragraph.sentences.first.map({ document.sentences[$0].tokens.lowerBound }),
                let last = paragraph.sentences.last.map({ document.sentences[$0].tokens.upperBound })
            else { continue }
            var open: Int?
            for token in first..<last {
                let text = document.tokens[token].text
                if let start = open {
                    guard Self.closers.contains(text) || text == Self.straight else { continue }
                    open = nil
                    guard token > start + 1 else { continue }
                    let span = TextSpan(start: document.tokens[start + 1].span.start, end: document.tokens[token - 1].span.end)
                    if isTerm(open: start, close: token, in: document, map: map) {
                        terms.append(QuotedTerm(span: span, text: slicer.text(span)))
                        continue
                    }
                    var (speaker, verb, channel) = attribution(open: start, close: token, in: document, map: map)
                    let startsSentence = map.sentenceAt[start] != map.sentenceAt[max(0, start - 1)] || start == 0
                        || document.sentences[map.sentenceAt[start]].tokens.lowerBound == start
                    if speaker == nil, startsSentence, let previous, map.sentenceAt[start] - previous.sentence <= 2 {
                        speaker = previous.speaker
                    }
                    result.append(Quotation(span: span, text: slicer.text(span), speaker: speaker, verb: verb, reportedBy: channel))
                    previous = (speaker, map.sentenceAt[token])
                } else if Self.openers.contains(text) || text == Self.straight {
                    open = token
                }
            }
        }
        return (result, terms)
    }

    /// A short quote inside a sentence, right after an article or a possessive or right before a
    /// lower-case word that is not the start of an attribution ("he said", "said Anna").
    private func isTerm(open: Int, close: Int, in document: ArticleDocument, map: TokenEntityMap) -> Bool {
        let sentence = document.sentences[map.sentenceAt[open]].tokens
        guard close - open - 1 <= Self.longestTerm, open > sentence.lowerBound else { return false }
        for token in (open + 1)..<close where document.tokens[token].text.allSatisfy({ $0.isPunctuation }) { return false }
        let before = document.tokens[open - 1].text.lowercased()
        if SpeechWords.shared.has(before, .termDeterminer) { return !hasVerb(open: open, close: close, sentence: sentence, in: document) }
        guard close + 1 < sentence.upperBound else { return false }
        let after = document.tokens[close + 1].text
        guard after.first?.isLowercase == true, after.allSatisfy(\.isLetter) else { return false }
        let lower = after.lowercased()
        guard !ReportingVerbs.shared.contains(lower), !SpeechWords.shared.has(lower, .pronounSpeaker),
            !SpeechWords.shared.has(before, .framingVerb), before != "as"
        else { return false }
        return !hasVerb(open: open, close: close, sentence: sentence, in: document)
    }

    /// Whether a word between the quote marks is a verb, as the tagger reads the sentence.
    private func hasVerb(open: Int, close: Int, sentence: Range<Int>, in document: ArticleDocument) -> Bool {
        let tags = parser.tagger.tag(document.tokens[sentence].map(\.text))
        return ((open + 1)..<close).contains { tags[$0 - sentence.lowerBound].hasPrefix("VB") || tags[$0 - sentence.lowerBound] == "MD" }
    }

    /// The speaker (canonical name), reporting verb and channel of the quote between two quote
    /// marks.
    private func attribution(open: Int, close: Int, in document: ArticleDocument, map: TokenEntityMap) -> (String?, String?, String?) {
        let sentenceEnd = document.sentences[map.sentenceAt[min(close, map.sentenceAt.count - 1)]].tokens.upperBound
        // After: ', said X', ', X said', ', he said', 'according to X' — the attribution must
        // follow the quote at once.
        var position = close + 1
        if position < sentenceEnd, document.tokens[position].text == "," { position += 1 }
        if isAccordingTo(at: position, limit: sentenceEnd, in: document) {
            // 'X said "...", according to Y': X speaks, Y passes it on.
            let source = speaker(after: position + 1, limit: sentenceEnd, in: document, map: map, titlesOnly: false)
            let (speaker, verb) = before(open: open, in: document, map: map)
            if let speaker { return (speaker, verb, source) }
            return (source, "according to", nil)
        }
        func isPerson(_ token: Int) -> Bool {
            token < sentenceEnd && map.entityAt[token].map { document.entities[$0].type == .person } == true
        }
        var subjectEnd = position
        // Title words before the name: "Ukrainian Defense Minister Rustem Umerov announced"
        while subjectEnd < min(sentenceEnd, position + 4), !isPerson(subjectEnd), document.tokens[subjectEnd].text.first?.isUppercase == true {
            subjectEnd += 1
        }
        if !isPerson(subjectEnd) { subjectEnd = position }
        if subjectEnd < sentenceEnd, let entity = map.entityAt[subjectEnd] {
            while subjectEnd < sentenceEnd, map.entityAt[subjectEnd] == entity { subjectEnd += 1 }
        } else if subjectEnd < sentenceEnd, SpeechWords.shared.has(document.tokens[subjectEnd].text.lowercased(), .pronounSpeaker) {
            subjectEnd += 1
        }
        if subjectEnd < sentenceEnd, ReportingVerbs.shared.contains(document.tokens[subjectEnd].text.lowercased()) {
            let verb = document.tokens[subjectEnd].text
            // '"...," X said, according to Y'
            var channel: String?
            var next = subjectEnd + 1
            while next < sentenceEnd, next <= subjectEnd + Self.reach, channel == nil {
                if document.tokens[next].text == ",", isAccordingTo(at: next + 1, limit: sentenceEnd, in: document) {
                    channel = speaker(after: next + 2, limit: sentenceEnd, in: document, map: map, titlesOnly: false)
                }
                next += 1
            }
            if subjectEnd > position { return (speaker(before: subjectEnd, after: close, in: document, map: map), verb, channel) }
            return (speaker(after: subjectEnd, limit: sentenceEnd, in: document, map: map), verb, channel)
        }
        let (speaker, verb) = before(open: open, in: document, map: map)
        return (speaker, verb, nil)
    }

    /// The attribution before a quote: 'X said: "...', 'X described it as "...' (anywhere
    /// earlier in the sentence, past other quotes of it: 'He said they agreed to "...", and to
    /// "..."').
    private func before(open: Int, in document: ArticleDocument, map: TokenEntityMap) -> (String?, String?) {
        let sentenceStart = document.sentences[map.sentenceAt[open]].tokens.lowerBound
        var position = open - 1
        while position >= sentenceStart {
            let word = document.tokens[position].text.lowercased()
            if ReportingVerbs.shared.contains(word) || SpeechWords.shared.has(word, .framingVerb) {
                let inverted = SpeechWords.shared.has(word, .addresseeVerb) || SpeechWords.shared.has(word, .framingVerb)
                    ? nil : speaker(after: position, limit: open, in: document, map: map)
                let speaker = speaker(before: position, after: sentenceStart - 1, in: document, map: map) ?? inverted
                return (speaker, document.tokens[position].text)
            }
            position -= 1
        }
        return (nil, nil)
    }

    /// Whether "according to" stands at `position`.
    private func isAccordingTo(at position: Int, limit: Int, in document: ArticleDocument) -> Bool {
        position + 1 < limit && document.tokens[position].text.lowercased() == "according"
            && document.tokens[position + 1].text.lowercased() == "to"
    }


    /// The name right before a verb ("Medinsky added"), or the pronoun there resolved ("he
    /// said"). "Zelenskyy's spokesperson said" has no named speaker: the spokesperson is not
    /// Zelenskyy.
    func speaker(before verb: Int, after lowerLimit: Int, in document: ArticleDocument, map: TokenEntityMap) -> String? {
        var position = verb - 1
        // "Trump has said", "Zelensky had previously warned"
        while position > lowerLimit, position >= verb - 3, SpeechWords.shared.has(document.tokens[position].text.lowercased(), .auxiliary) { position -= 1 }
        // "Fidan, who presided over the talks, said"
        if position > lowerLimit, document.tokens[position].text == "," {
            var back = position - 1
            while back > lowerLimit + 1, back >= position - 14 {
                if SpeechWords.shared.has(document.tokens[back].text.lowercased(), .relativePronoun), document.tokens[back - 1].text == "," {
                    position = back - 2
                    break
                }
                back -= 1
            }
        }
        guard position > lowerLimit else { return nil }
        if let entity = map.entityAt[position], resolver.canAct(document.entities[entity]) {
            return resolver.actorName(of: document.entities[entity])
        }
        if let mention = resolver.antecedent(ofToken: position, in: document) { return resolver.actorName(of: mention) }
        return nil
    }

    /// The first person (else organization) after a verb: "said Russia's top negotiator, Vladimir
    /// Medinsky".
    /// `titlesOnly`: between the verb and the name only titles may stand (not after "according to",
    /// where any description may: "according to city engineer Lena Holm").
    func speaker(after verb: Int, limit: Int, in document: ArticleDocument, map: TokenEntityMap, titlesOnly: Bool = true) -> String? {
        var fallback: String?
        var position = verb + 1
        while position < limit, position <= verb + Self.reach {
            let word = document.tokens[position].text
            if word == "." || Self.openers.contains(word) || word == Self.straight { break }
            // Only a speaker's name and titles follow the verb: "said Russia's top negotiator,
            // Vladimir Medinsky"; "said that Ukraine proposed" names what was said, not who.
            if titlesOnly, map.entityAt[position] == nil, word.first?.isLowercase == true, !SpeechWords.shared.has(word, .speakerTitle) { break }
            if let entity = map.entityAt[position] {
                let mention = document.entities[entity]
                if mention.type == .person { return mention.canonicalName }
                if fallback == nil, resolver.canAct(mention) { fallback = resolver.actorName(of: mention) }
            } else if position == verb + 1, let mention = resolver.antecedent(ofToken: position, in: document) {
                return resolver.actorName(of: mention)
            }
            position += 1
        }
        return fallback
    }
}
