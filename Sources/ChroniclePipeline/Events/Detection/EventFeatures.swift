import ChronicleFoundation

/// The features of the event tagger: the word, its lemma and part of speech, its chunk and the
/// words and tags around it, affixes and word classes. What makes a word an event mention is
/// mostly its lemma and how it is used: a verb heading a verb phrase, a noun such as "talks"
/// after a determiner, an adjective after "be" (Bethard & Martin 2006; the TempEval-3 systems).
/// Its class owes much to what kind of happening the lemma names, which WordNet's supersenses
/// say for words training never saw (`WordSenses`).
package enum EventFeatures {
    /// Bumped whenever templates change: a model records the version it was trained with.
    package static let version: UInt32 = 2

    enum Template: UInt64 {
        case bias = 1, lower, lemma, lemmaTag, tag, tagPrevious, tagNext, tagPrevious2, tagNext2, tagBigram
        case chunk, chunkPrevious, chunkNext, lowerPrevious, lowerNext, lowerPrevious2, lowerNext2
        case previousTag, suffix, cluster, shape, lemmaChunk, previousLemmaTag, verbBefore
        case lemmaNext, lemmaNextTag, complement, previousLemma, sense, anySense, takes, takesNext
    }

    /// Appends one run of features per token of a parsed sentence to `rows`.
    package static func extract(
        _ sentence: ParsedSentence, clusters: WordClusters, senses: WordSenses, into rows: inout FeatureRows<UInt64>
    ) {
        let count = sentence.tokens.count
        let tokens = sentence.tokens
        let tags = sentence.partOfSpeechHashes
        let lemmas = sentence.lemmas.map(FeatureHash.string)
        let chunks = sentence.chunks.map(FeatureHash.string)
        @inline(__always) func lower(_ index: Int) -> UInt64 {
            index < 0 ? TokenFeatures.boundaryBefore : index >= count ? TokenFeatures.boundaryAfter : tokens[index].lower
        }
        @inline(__always) func tag(_ index: Int) -> UInt64 {
            index < 0 ? TokenFeatures.boundaryBefore : index >= count ? TokenFeatures.boundaryAfter : tags[index]
        }
        @inline(__always) func chunk(_ index: Int) -> UInt64 {
            index < 0 ? TokenFeatures.boundaryBefore : index >= count ? TokenFeatures.boundaryAfter : chunks[index]
        }
        @inline(__always) func add(_ template: Template, _ value: UInt64) {
            rows.append(FeatureHash.feature(template.rawValue, value))
        }
        @inline(__always) func add(_ template: Template, _ first: UInt64, _ second: UInt64) {
            rows.append(FeatureHash.feature(template.rawValue, first, second))
        }
        // The nearest verb before each token within the sentence ("was" in "was released",
        // "began" in "began talks"): auxiliaries and light verbs shape what follows.
        var lastVerb = TokenFeatures.boundaryBefore
        for i in 0..<count {
            let token = tokens[i]
            let t = tags[i]
            add(.bias, 0)
            add(.lower, token.lower)
            add(.lemma, lemmas[i])
            add(.lemmaTag, lemmas[i], t)
            add(.tag, t)
            add(.tagPrevious, tag(i - 1))
            add(.tagNext, tag(i + 1))
            add(.tagPrevious2, tag(i - 2))
            add(.tagNext2, tag(i + 2))
            add(.tagBigram, tag(i - 1), t)
            add(.chunk, chunks[i])
            add(.chunkPrevious, chunk(i - 1))
            add(.chunkNext, chunk(i + 1))
            add(.lemmaChunk, lemmas[i], chunks[i])
            add(.lowerPrevious, lower(i - 1))
            add(.lowerNext, lower(i + 1))
            add(.lowerPrevious2, lower(i - 2))
            add(.lowerNext2, lower(i + 2))
            add(.previousTag, lower(i - 1), t)
            if i > 0 { add(.previousLemmaTag, lemmas[i - 1], t) }
            add(.verbBefore, lastVerb, t)
            // What follows says much of the class: "agreed to", "said that", "wanted the".
            add(.lemmaNext, lemmas[i], lower(i + 1))
            add(.lemmaNextTag, lemmas[i], tag(i + 1))
            add(.complement, lower(i + 1), tag(i + 2))
            add(.previousLemma, lower(i - 1), lemmas[i])
            add(.suffix, 1, token.suffixes.1)
            add(.suffix, 2, token.suffixes.2)
            add(.suffix, 3, token.suffixes.3)
            add(.shape, token.shortShape)
            let path = clusters.path(of: token)
            if path != 0 {
                add(.cluster, WordClusters.prefix(path, bits: 6))
                add(.cluster, WordClusters.prefix(path, bits: 10))
                add(.cluster, WordClusters.prefix(path, bits: 20))
            }
            if let part = WordSenses.PartOfSpeech(pennTag: sentence.partsOfSpeech[i]) {
                let entry = senses.entry(lemma: lemmas[i], as: part)
                var packed = entry.senses
                if packed != 0 { add(.sense, part.rawValue, UInt64(packed & 0xFF)) }
                while packed != 0 {
                    add(.anySense, part.rawValue, UInt64(packed & 0xFF))
                    packed >>= 8
                }
                // A verb that may take a clause, and whether the next word starts one ("to", "that").
                if !entry.complements.isEmpty {
                    add(.takes, UInt64(entry.complements.rawValue))
                    add(.takesNext, UInt64(entry.complements.rawValue), lower(i + 1))
                }
            }
            rows.endToken()
            if sentence.partsOfSpeech[i].hasPrefix("VB") || sentence.partsOfSpeech[i] == "MD" { lastVerb = lemmas[i] }
        }
    }
}
