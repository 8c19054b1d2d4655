import ChronicleFoundation

/// The features of the event-attribute classifiers (tense, aspect, polarity, modality), for one
/// event mention (its last token): the word and its tag, and the words and tags before it, with
/// their distance and without, so that the auxiliaries, modals and negations of its verb group
/// ("had not been", "would", "will be") are seen wherever they stand.
package enum EventAttributeFeatures {
    /// Bumped whenever templates change: a model records the version it was trained with.
    package static let version: UInt32 = 1

    enum Template: UInt64 {
        case bias = 1, tag, lower, suffix, before, beforeAt, tagBeforeAt, next, tagNext, chunk, tagAndBefore
    }

    /// How many words before the mention are read.
    static let reach = 5

    /// The features of the mention ending at token `index` of a parsed sentence, as one token's run.
    package static func extract(_ sentence: ParsedSentence, index: Int, into rows: inout FeatureRows<UInt64>) {
        let count = sentence.tokens.count
        @inline(__always) func add(_ template: Template, _ value: UInt64) {
            rows.append(FeatureHash.feature(template.rawValue, value))
        }
        @inline(__always) func add(_ template: Template, _ first: UInt64, _ second: UInt64) {
            rows.append(FeatureHash.feature(template.rawValue, first, second))
        }
        let token = sentence.tokens[index]
        let tag = sentence.partOfSpeechHashes[index]
        add(.bias, 0)
        add(.tag, tag)
        add(.lower, token.lower)
        add(.suffix, token.suffixes.1)
        add(.chunk, FeatureHash.string(sentence.chunks[index]))
        add(.next, index + 1 < count ? sentence.tokens[index + 1].lower : TokenFeatures.boundaryAfter)
        add(.tagNext, index + 1 < count ? sentence.partOfSpeechHashes[index + 1] : TokenFeatures.boundaryAfter)
        for distance in 1...reach {
            let i = index - distance
            let word = i >= 0 ? sentence.tokens[i].lower : TokenFeatures.boundaryBefore
            let wordTag = i >= 0 ? sentence.partOfSpeechHashes[i] : TokenFeatures.boundaryBefore
            add(.beforeAt, UInt64(distance), word)
            add(.tagBeforeAt, UInt64(distance), wordTag)
            add(.before, word)
            add(.tagAndBefore, tag, word)
            if i < 0 { break }
        }
        rows.endToken()
    }
}
