/// Document-level evidence for a token: how the same word is written and tagged elsewhere in
/// the article. A headline in capitals ("BRUSSELS") or a sentence-initial word says little by
/// itself, but the article usually spells the same name again in running text, and a name the
/// first pass tagged as a person three times is likely a person the fourth time too
/// (Krishnan & Manning 2006; Ratinov & Roth 2009).
package struct DocumentContext {
    /// How a lowercase form is written away from sentence starts and headlines.
    package struct Casing {
        var lowercase: Int32 = 0
        var capitalized: Int32 = 0
    }

    /// Tag counts over the first pass: index 0 is O, `1 + type` an entity type.
    package struct TypeCounts {
        var counts: (Int32, Int32, Int32, Int32, Int32) = (0, 0, 0, 0, 0)

        subscript(index: Int) -> Int32 {
            get {
                switch index {
                case 0: counts.0
                case 1: counts.1
                case 2: counts.2
                case 3: counts.3
                default: counts.4
                }
            }
            set {
                switch index {
                case 0: counts.0 = newValue
                case 1: counts.1 = newValue
                case 2: counts.2 = newValue
                case 3: counts.3 = newValue
                default: counts.4 = newValue
                }
            }
        }

        /// The most frequent label (0 = O) once `excluding` is taken out, or nil if none is left.
        func majority(excluding own: Int? = nil) -> Int? {
            var best: Int?
            var bestCount: Int32 = 0
            for index in 0..<5 {
                let count = self[index] - (index == own ? 1 : 0)
                if count > bestCount {
                    best = index
                    bestCount = count
                }
            }
            return best
        }
    }

    package let casing: [UInt64: Casing]

    /// Counts casing over the document's running text (not headlines, not sentence starts).
    package init(tokens: [TokenFeatures], sentences: [Range<Int>], headlines: [Bool]) {
        var casing: [UInt64: Casing] = [:]
        for (sentence, range) in sentences.enumerated() where !headlines[sentence] {
            for index in range.dropFirst() where tokens[index].flags.contains(.hasLetter) {
                let token = tokens[index]
                if token.flags.contains(.initialCapital) {
                    casing[token.lower, default: Casing()].capitalized += 1
                } else if !token.flags.contains(.allCapitals) {
                    casing[token.lower, default: Casing()].lowercase += 1
                }
            }
        }
        self.casing = casing
    }

    /// 0: never seen elsewhere in running text; bit 1: seen lowercase; bit 2: seen capitalised
    /// (its own occurrence left out).
    package func casingEvidence(of token: TokenFeatures, ownCapitalizedInText: Bool) -> UInt64 {
        guard let entry = casing[token.lower] else { return 0 }
        let capitalized = entry.capitalized - (ownCapitalizedInText ? 1 : 0)
        return (entry.lowercase > 0 ? 1 : 0) | (capitalized > 0 ? 2 : 0)
    }
}

/// What the first pass tagged across the document, gathered for the second pass.
package struct FirstPassSummary {
    /// Lowercase form of capitalised tokens -> labels the first pass gave them.
    package var tokenLabels: [UInt64: DocumentContext.TypeCounts] = [:]
    /// Lowercase token sequence of each first-pass entity -> its types.
    package var entityLabels: [UInt64: DocumentContext.TypeCounts] = [:]
    /// Lowercase form -> types of the multi-token entities it is part of.
    package var partOfLonger: [UInt64: DocumentContext.TypeCounts] = [:]
    /// Per token: the sequence hash of the first-pass entity it lies in (0 if none).
    package var entityKey: [UInt64] = []

    package init(tokens: [TokenFeatures], sentences: [Range<Int>], tags: [Int]) {
        entityKey = [UInt64](repeating: 0, count: tokens.count)
        for index in tokens.indices where tokens[index].isCapitalized {
            tokenLabels[tokens[index].lower, default: .init()][(EntityTagSet.type(of: tags[index]) ?? -1) + 1] += 1
        }
        for range in sentences {
            for span in EntityTagSet.spans(Array(tags[range])) {
                var key: UInt64 = 0
                for offset in span.range { key = TaggerGazetteer.extend(key, tokens[range.lowerBound + offset].lower) }
                entityLabels[key, default: .init()][span.type + 1] += 1
                for offset in span.range {
                    entityKey[range.lowerBound + offset] = key
                    if span.range.count > 1 { partOfLonger[tokens[range.lowerBound + offset].lower, default: .init()][span.type + 1] += 1 }
                }
            }
        }
    }
}
