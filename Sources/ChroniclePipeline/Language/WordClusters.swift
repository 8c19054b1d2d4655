import ChronicleFoundation

/// Brown word clusters (`Resources/language/language_word_clusters.tsv`, built by
/// `scripts/build_word_classes.py` from spacy-lookups-data): words that occur in the same
/// contexts share a cluster, so a tagger that has seen "Tuesday" or "acquired" knows something
/// about "Thursday" or "purchased" it never saw. A cluster is a path in a binary tree; prefixes
/// of the path are coarser classes, and taggers use several lengths.
package struct WordClusters: Sendable {
    /// Word hash -> path bits, little-endian: the first `k` bits of the path are the low `k`
    /// bits. Looked up for every token by four taggers.
    private let paths: HashedTable<UInt32>

    /// Loaded once per process; building a tagger that needs it reports a missing or malformed file.
    package static let bundled = Result { () throws(ResourceError) in try WordClusters(reader: .pipeline) }

    package init(reader: ResourceReader) throws(ResourceError) {
        let path = "language/language_word_clusters.tsv"
        var paths: [UInt64: UInt32] = [:]
        for line in try reader.lines(path) {
            let text = line.text.utf8
            guard let tab = text.firstIndex(of: UInt8(ascii: "\t")),
                let value = UInt32(Substring(line.text[text.index(after: tab)...]))
            else { throw ResourceError(file: path, line: line.number, problem: "expected a word, a tab and a cluster number") }
            paths[FeatureHash.bytes(text[..<tab])] = value
        }
        self.paths = HashedTable(paths)
    }

    /// For tests and fixtures: clusters given directly.
    package init(_ paths: [String: UInt32]) {
        self.paths = HashedTable(Dictionary(uniqueKeysWithValues: paths.map { (FeatureHash.string($0.key), $0.value) }))
    }

    package var count: Int { paths.count }

    /// The cluster path of a word from its hash (`FeatureHash.string(word)`, which is
    /// `TokenFeatures.word`); 0 when the word has none.
    @inline(__always)
    package func path(hash: UInt64) -> UInt32 { paths[hash] ?? 0 }

    package func path(_ word: String) -> UInt32 { path(hash: FeatureHash.string(word)) }

    /// A token's cluster path, from its spelling or else its lowercase form ("The", "SAID").
    @inline(__always)
    package func path(of token: TokenFeatures) -> UInt32 {
        let written = path(hash: token.word)
        return written != 0 ? written : path(hash: token.lower)
    }

    /// The first `bits` bits of a path, tagged with their length so that prefixes of different
    /// lengths are different feature values.
    @inline(__always)
    package static func prefix(_ path: UInt32, bits: Int) -> UInt64 {
        UInt64(path & UInt32((1 << bits) - 1)) | UInt64(bits) << 32
    }
}
