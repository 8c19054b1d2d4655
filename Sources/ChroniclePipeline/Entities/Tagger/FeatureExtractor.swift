/// A document ready for feature extraction: per-token features, sentence bounds, headline flags,
/// gazetteer matches and casing evidence, all computed once.
package struct PreparedDocument {
    package let tokens: [TokenFeatures]
    package let sentences: [Range<Int>]
    /// Sentences written in capitals (headlines, datelines), where capitalisation says nothing.
    package let headlines: [Bool]
    /// One match list per gazetteer, indexed like `tokens`.
    package let matches: [[TaggerGazetteer.Match]]
    package let context: DocumentContext
    /// Each token's Brown-cluster path (0: none), indexed like `tokens`.
    package let paths: [UInt32]
}

/// Turns tokens into hashed features (template number + values, see `FeatureHash`). The
/// templates follow the known-good CoNLL feature sets (Ratinov & Roth 2009; Collobert et al.'s
/// feature baselines): words and lowercase forms in a ±2 window, shapes, affixes, spelling
/// flags, capitalisation in context, gazetteer matches, and document-level evidence.
package struct FeatureExtractor: Sendable {
    /// Bumped whenever templates change: a model records the version it was trained with.
    package static let version: UInt32 = 2

    package enum Template: UInt64 {
        case bias = 1, word, lower, lowerPrevious, lowerNext, lowerPrevious2, lowerNext2, wordPrevious, wordNext
        case bigramPrevious, bigramNext, shape, shapePrevious, shapeNext, shortShapeWindow
        case prefix, suffix, flag, capitalAtStart, headline, headlineLower, headlineShape, length, position
        case gazetteer, gazetteerPrevious, gazetteerNext, gazetteerCapital
        case casing
        case previousWordShape, shapeNextWord, contextPrevious, contextNext, gazetteerPreviousWord, gazetteerNextWord
        case cluster, clusterPrevious, clusterNext
        // Second pass only.
        case firstPass = 100, firstPassPrevious, firstPassNext, documentMajority, documentAny, entityMajority, partOfLonger
    }

    package let gazetteers: [TaggerGazetteer]
    package let clusters: WordClusters

    package init(gazetteers: [TaggerGazetteer], clusters: WordClusters) {
        self.gazetteers = gazetteers
        self.clusters = clusters
    }

    package func prepare(_ sentences: [[String]]) -> PreparedDocument {
        var tokens: [TokenFeatures] = []
        tokens.reserveCapacity(sentences.reduce(0) { $0 + $1.count })
        var ranges: [Range<Int>] = []
        var headlines: [Bool] = []
        for sentence in sentences {
            let start = tokens.count
            var letters = 0
            var lowercase = false
            for token in sentence {
                let features = TokenFeatures(token)
                if features.flags.contains(.hasLetter) { letters += features.length }
                if features.flags.contains(.hasLowercase) { lowercase = true }
                tokens.append(features)
            }
            ranges.append(start..<tokens.count)
            headlines.append(!lowercase && letters >= 4)
        }
        var matches: [[TaggerGazetteer.Match]] = []
        for gazetteer in gazetteers {
            var list: [TaggerGazetteer.Match] = []
            list.reserveCapacity(tokens.count)
            for range in ranges { list += gazetteer.matches(in: tokens[range]) }
            matches.append(list)
        }
        let context = DocumentContext(tokens: tokens, sentences: ranges, headlines: headlines)
        return PreparedDocument(
            tokens: tokens, sentences: ranges, headlines: headlines, matches: matches, context: context,
            paths: tokens.map(clusters.path(of:)))
    }

    /// First-pass features of every token of one sentence, appended to `rows` (everything they
    /// need, gazetteer matches included, is in the prepared document).
    package static func localFeatures(_ document: PreparedDocument, sentence: Int, into rows: inout FeatureRows<UInt64>) {
        let range = document.sentences[sentence]
        let tokens = document.tokens
        let headline = document.headlines[sentence]
        @inline(__always) func lower(_ index: Int) -> UInt64 {
            index < range.lowerBound ? TokenFeatures.boundaryBefore
                : index >= range.upperBound ? TokenFeatures.boundaryAfter : tokens[index].lower
        }
        @inline(__always) func word(_ index: Int) -> UInt64 {
            index < range.lowerBound ? TokenFeatures.boundaryBefore
                : index >= range.upperBound ? TokenFeatures.boundaryAfter : tokens[index].word
        }
        @inline(__always) func shape(_ index: Int) -> UInt64 {
            index < range.lowerBound ? TokenFeatures.boundaryBefore
                : index >= range.upperBound ? TokenFeatures.boundaryAfter : tokens[index].shape
        }
        @inline(__always) func shortShape(_ index: Int) -> UInt64 {
            index < range.lowerBound ? TokenFeatures.boundaryBefore
                : index >= range.upperBound ? TokenFeatures.boundaryAfter : tokens[index].shortShape
        }
        @inline(__always) func add(_ template: Template, _ value: UInt64) {
            rows.append(FeatureHash.feature(template.rawValue, value))
        }
        @inline(__always) func add(_ template: Template, _ first: UInt64, _ second: UInt64) {
            rows.append(FeatureHash.feature(template.rawValue, first, second))
        }

        for i in range {
            let token = tokens[i]
            let first = i == range.lowerBound
            add(.bias, 0)
            add(.word, token.word)
            add(.lower, token.lower)
            add(.lowerPrevious, lower(i - 1))
            add(.lowerNext, lower(i + 1))
            add(.lowerPrevious2, lower(i - 2))
            add(.lowerNext2, lower(i + 2))
            add(.wordPrevious, word(i - 1))
            add(.wordNext, word(i + 1))
            add(.bigramPrevious, lower(i - 1), token.lower)
            add(.bigramNext, token.lower, lower(i + 1))
            add(.shape, token.shape)
            // "to Xxxxx", "Xxxxx said": what surrounds a capitalised word, whatever the word.
            add(.previousWordShape, lower(i - 1), token.shortShape)
            add(.shapeNextWord, token.shortShape, lower(i + 1))
            add(.contextPrevious, lower(i - 2), lower(i - 1))
            add(.contextNext, lower(i + 1), lower(i + 2))
            add(.shapePrevious, shape(i - 1))
            add(.shapeNext, shape(i + 1))
            rows.append(FeatureHash.feature(Template.shortShapeWindow.rawValue, shortShape(i - 1), token.shortShape, shortShape(i + 1)))
            // Affixes of words shorter than four bytes are 0 past their length.
            let prefixes = token.prefixes
            let suffixes = token.suffixes
            add(.prefix, 0, prefixes.0)
            if prefixes.1 != 0 { add(.prefix, 1, prefixes.1) }
            if prefixes.2 != 0 { add(.prefix, 2, prefixes.2) }
            if prefixes.3 != 0 { add(.prefix, 3, prefixes.3) }
            add(.suffix, 0, suffixes.0)
            if suffixes.1 != 0 { add(.suffix, 1, suffixes.1) }
            if suffixes.2 != 0 { add(.suffix, 2, suffixes.2) }
            if suffixes.3 != 0 { add(.suffix, 3, suffixes.3) }
            var bits = token.flags.rawValue
            while bits != 0 {
                add(.flag, UInt64(bits.trailingZeroBitCount))
                bits &= bits - 1
            }
            let capitalized = token.flags.contains(.initialCapital)
            add(.capitalAtStart, (capitalized ? 1 : 0) | (first ? 2 : 0) | (headline ? 4 : 0))
            if headline {
                add(.headline, 0)
                add(.headlineLower, token.lower)
                add(.headlineShape, token.shortShape)
            }
            add(.length, token.lengthBucket)
            if first || i == range.upperBound - 1 { add(.position, first ? 0 : 1) }
            // Word classes (Ratinov & Roth 2009): prefixes of the cluster paths of the word and
            // its neighbours, for words that have one (most words without one are rare names,
            // which the spelling features cover), each joined with whether this word is
            // capitalised. Clusters mix cases ("Frank" and "al" share one), and a first name's
            // class before a word says "surname next" only if that word is capitalised: without
            // the join, "Erin met Frank" was one person.
            let cased: UInt64 = token.isCapitalized ? 1 << 40 : 0
            for offset in -1...1 where range.contains(i + offset) {
                let path = document.paths[i + offset]
                guard path != 0 else { continue }
                let template: Template = offset < 0 ? .clusterPrevious : offset > 0 ? .clusterNext : .cluster
                if offset == 0 {
                    add(template, WordClusters.prefix(path, bits: 4) ^ cased)
                    add(template, WordClusters.prefix(path, bits: 20) ^ cased)
                }
                add(template, WordClusters.prefix(path, bits: 6) ^ cased)
                add(template, WordClusters.prefix(path, bits: 10) ^ cased)
            }

            for (g, matches) in document.matches.enumerated() {
                let gazetteer = UInt64(g) << 8
                let match = matches[i]
                var categories = match.categories
                while categories != 0 {
                    let category = UInt64(categories.trailingZeroBitCount)
                    add(.gazetteer, gazetteer | category << 2 | UInt64(match.position.rawValue))
                    add(.gazetteerCapital, gazetteer | category, capitalized ? 1 : 0)
                    if match.position == .unit || match.position == .begin {
                        add(.gazetteerPreviousWord, gazetteer | category, lower(i - 1))
                    }
                    if match.position == .unit || match.position == .last {
                        add(.gazetteerNextWord, gazetteer | category, lower(i + 1))
                    }
                    categories &= categories - 1
                }
                if i > range.lowerBound, matches[i - 1].categories != 0 {
                    add(.gazetteerPrevious, gazetteer | UInt64(matches[i - 1].categories))
                }
                if i + 1 < range.upperBound, matches[i + 1].categories != 0 {
                    add(.gazetteerNext, gazetteer | UInt64(matches[i + 1].categories))
                }
            }

            if token.isCapitalized {
                let ownInText = capitalized && !first && !headline
                let evidence = document.context.casingEvidence(of: token, ownCapitalizedInText: ownInText)
                add(.casing, evidence | (first ? 4 : 0) | (headline ? 8 : 0))
            }
            rows.endToken()
        }
    }

    /// Second-pass features of one sentence: the first pass's own tags around the token, and
    /// how the document's other occurrences of the word and of its entity were tagged.
    package static func documentFeatures(
        _ document: PreparedDocument, summary: FirstPassSummary, tags: [Int], sentence: Int,
        into rows: inout FeatureRows<UInt64>
    ) {
        let range = document.sentences[sentence]
        let headline: UInt64 = document.headlines[sentence] ? 1 << 8 : 0
        @inline(__always) func add(_ template: Template, _ value: UInt64) {
            rows.append(FeatureHash.feature(template.rawValue, value))
        }
        for i in range {
            let token = document.tokens[i]
            let tag = tags[i]
            let own = (EntityTagSet.type(of: tag) ?? -1) + 1
            add(.firstPass, UInt64(tag))
            add(.firstPassPrevious, i > range.lowerBound ? UInt64(tags[i - 1]) : 99)
            add(.firstPassNext, i + 1 < range.upperBound ? UInt64(tags[i + 1]) : 99)
            if token.isCapitalized {
                if let counts = summary.tokenLabels[token.lower] {
                    if let majority = counts.majority(excluding: own) {
                        add(.documentMajority, UInt64(majority) | headline)
                    }
                    for label in 0..<5 where counts[label] - (label == own ? 1 : 0) > 0 {
                        add(.documentAny, UInt64(label))
                    }
                }
                let key = summary.entityKey[i]
                if key != 0, let counts = summary.entityLabels[key], let majority = counts.majority(excluding: own) {
                    add(.entityMajority, UInt64(majority))
                }
                if let counts = summary.partOfLonger[token.lower] {
                    let inLonger = key != 0 && !(EntityTagSet.position(of: tag) == .unit)
                    if let majority = counts.majority(excluding: inLonger ? own : nil) {
                        add(.partOfLonger, UInt64(majority) | (inLonger ? 1 << 4 : 0))
                    }
                }
            }
            rows.endToken()
        }
    }
}
