import ChronicleFoundation

/// The features of the part-of-speech tagger, hashed (see `FeatureHash`): the word and its
/// lowercase form, its neighbours to two words either side, affixes, shape and spelling flags,
/// and the Brown-cluster classes of the word and its neighbours, the usual set for tagging news
/// (Ratnaparkhi 1996; Collins 2002) with word classes for the words training never saw.
package enum PartOfSpeechFeatures {
    /// Bumped whenever templates change: a model records the version it was trained with.
    package static let version: UInt32 = 1

    enum Template: UInt64 {
        case bias = 1, word, lower, lowerPrevious, lowerNext, lowerPrevious2, lowerNext2, bigramPrevious, bigramNext
        case prefix, suffix, shape, flag, first, suffixPrevious, suffixNext, shapePrevious, shapeNext
        case cluster, clusterPrevious, clusterNext
    }

    static let clusterBits = [4, 6, 10, 20]
    /// The cluster value of a position outside the sentence (no prefix has bit 40 set).
    static let outside: UInt64 = 1 << 40

    /// Appends one run of features per token of a sentence to `rows`.
    package static func extract(_ tokens: ArraySlice<TokenFeatures>, clusters: WordClusters, into rows: inout FeatureRows<UInt64>) {
        let range = tokens.indices
        @inline(__always) func lower(_ index: Int) -> UInt64 {
            index < range.lowerBound ? TokenFeatures.boundaryBefore
                : index >= range.upperBound ? TokenFeatures.boundaryAfter : tokens[index].lower
        }
        @inline(__always) func suffix(_ index: Int) -> UInt64 {
            range.contains(index) ? tokens[index].suffixes.2 : 0
        }
        @inline(__always) func shape(_ index: Int) -> UInt64 {
            range.contains(index) ? tokens[index].shortShape : 0
        }
        @inline(__always) func add(_ template: Template, _ value: UInt64) {
            rows.append(FeatureHash.feature(template.rawValue, value))
        }
        @inline(__always) func add(_ template: Template, _ first: UInt64, _ second: UInt64) {
            rows.append(FeatureHash.feature(template.rawValue, first, second))
        }
        var paths: [UInt32] = []
        paths.reserveCapacity(tokens.count)
        for token in tokens { paths.append(clusters.path(of: token)) }
        @inline(__always) func cluster(_ index: Int, bits: Int) -> UInt64 {
            range.contains(index) ? WordClusters.prefix(paths[index - range.lowerBound], bits: bits) : outside
        }

        for i in range {
            let token = tokens[i]
            add(.bias, 0)
            add(.word, token.word)
            add(.lower, token.lower)
            add(.lowerPrevious, lower(i - 1))
            add(.lowerNext, lower(i + 1))
            add(.lowerPrevious2, lower(i - 2))
            add(.lowerNext2, lower(i + 2))
            add(.bigramPrevious, lower(i - 1), token.lower)
            add(.bigramNext, token.lower, lower(i + 1))
            let prefixes = token.prefixes
            let suffixes = token.suffixes
            add(.prefix, 0, prefixes.0)
            add(.prefix, 1, prefixes.1)
            add(.prefix, 2, prefixes.2)
            add(.prefix, 3, prefixes.3)
            add(.suffix, 0, suffixes.0)
            add(.suffix, 1, suffixes.1)
            add(.suffix, 2, suffixes.2)
            add(.suffix, 3, suffixes.3)
            add(.shape, token.shape)
            add(.suffixPrevious, suffix(i - 1))
            add(.suffixNext, suffix(i + 1))
            add(.shapePrevious, shape(i - 1))
            add(.shapeNext, shape(i + 1))
            var flags = token.flags.rawValue
            while flags != 0 {
                add(.flag, UInt64(flags.trailingZeroBitCount))
                flags &= flags - 1
            }
            if i == range.lowerBound { add(.first, token.shortShape) }
            for bits in clusterBits { add(.cluster, cluster(i, bits: bits)) }
            add(.clusterPrevious, cluster(i - 1, bits: 6))
            add(.clusterPrevious, cluster(i - 1, bits: 10))
            add(.clusterNext, cluster(i + 1, bits: 6))
            add(.clusterNext, cluster(i + 1, bits: 10))
            rows.endToken()
        }
    }
}
