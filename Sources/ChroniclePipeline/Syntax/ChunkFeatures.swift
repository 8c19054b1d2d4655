import ChronicleFoundation

/// The features of the phrase chunker: part-of-speech tags in a window of two either side with
/// their bigrams and trigrams, words and their tags together, and word classes, after the
/// feature sets of the CoNLL-2000 chunking systems (Sha & Pereira 2003).
package enum ChunkFeatures {
    /// Bumped whenever templates change: a model records the version it was trained with.
    package static let version: UInt32 = 1

    enum Template: UInt64 {
        case bias = 1, tag, tagPrevious, tagNext, tagPrevious2, tagNext2, tagBigramPrevious, tagBigramNext
        case tagTrigram, tagTrigramPrevious, tagTrigramNext, lower, lowerPrevious, lowerNext, lowerPrevious2, lowerNext2
        case lowerTag, lowerTagPrevious, lowerTagNext, suffix, cluster, shape
    }

    /// Appends one run of features per token of a sentence to `rows`; `tags` are the hashes
    /// (`FeatureHash.string`) of the sentence's part-of-speech tags, so that a chunk model does
    /// not depend on how a tagger model numbers its tags.
    package static func extract(
        _ tokens: ArraySlice<TokenFeatures>, tags: [UInt64], clusters: WordClusters, into rows: inout FeatureRows<UInt64>
    ) {
        let range = tokens.indices
        let start = range.lowerBound
        @inline(__always) func lower(_ index: Int) -> UInt64 {
            index < range.lowerBound ? TokenFeatures.boundaryBefore
                : index >= range.upperBound ? TokenFeatures.boundaryAfter : tokens[index].lower
        }
        @inline(__always) func tag(_ index: Int) -> UInt64 {
            index < range.lowerBound ? TokenFeatures.boundaryBefore
                : index >= range.upperBound ? TokenFeatures.boundaryAfter : tags[index - start]
        }
        @inline(__always) func add(_ template: Template, _ value: UInt64) {
            rows.append(FeatureHash.feature(template.rawValue, value))
        }
        @inline(__always) func add(_ template: Template, _ first: UInt64, _ second: UInt64) {
            rows.append(FeatureHash.feature(template.rawValue, first, second))
        }
        @inline(__always) func add(_ template: Template, _ first: UInt64, _ second: UInt64, _ third: UInt64) {
            rows.append(FeatureHash.feature(template.rawValue, first, second, third))
        }

        for i in range {
            let token = tokens[i]
            let t = tag(i)
            add(.bias, 0)
            add(.tag, t)
            add(.tagPrevious, tag(i - 1))
            add(.tagNext, tag(i + 1))
            add(.tagPrevious2, tag(i - 2))
            add(.tagNext2, tag(i + 2))
            add(.tagBigramPrevious, tag(i - 1), t)
            add(.tagBigramNext, t, tag(i + 1))
            add(.tagTrigram, tag(i - 1), t, tag(i + 1))
            add(.tagTrigramPrevious, tag(i - 2), tag(i - 1), t)
            add(.tagTrigramNext, t, tag(i + 1), tag(i + 2))
            add(.lower, token.lower)
            add(.lowerPrevious, lower(i - 1))
            add(.lowerNext, lower(i + 1))
            add(.lowerPrevious2, lower(i - 2))
            add(.lowerNext2, lower(i + 2))
            add(.lowerTag, token.lower, t)
            add(.lowerTagPrevious, lower(i - 1), t)
            add(.lowerTagNext, t, lower(i + 1))
            add(.suffix, token.suffixes.2)
            add(.shape, token.shortShape)
            let path = clusters.path(of: token)
            add(.cluster, WordClusters.prefix(path, bits: 6))
            add(.cluster, WordClusters.prefix(path, bits: 10))
            rows.endToken()
        }
    }
}
