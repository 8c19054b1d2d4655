import ChronicleFoundation
import Foundation

/// The trained tagger as stored: feature hashes, two passes of weights (local features, then
/// local plus document features), transition weights, and the gazetteers the features were
/// computed with, so the model behaves the same whatever the gazetteer files say later.
///
/// File layout: the magic `CHRNNER1` in the `ModelFile` container. In the payload, feature
/// hashes are sorted and stored as LEB128 deltas, and each pass's weights as `ModelFile` stores
/// weights (`Int16` steps of one scale per pass), which keeps the committed file small. Format 2
/// adds, last, the lowercase-form hashes of the words training text writes in lower case
/// (`lowercaseWords`).
package struct TaggerModel: Sendable {
    package static let magic = Data("CHRNNER1".utf8)
    package static let formatVersion: UInt32 = 2

    package struct FormatError: Error, CustomStringConvertible {
        package let description: String
    }

    /// Sorted feature hashes; weight row `r` belongs to `keys[r]`.
    package let keys: [UInt64]
    /// Per pass: `keys.count` rows of `EntityTagSet.count` weights, then the transition block.
    package let passes: [[Float]]
    package let gazetteers: [TaggerGazetteer]
    /// `TokenFeatures.lower` of the words training text writes in lower case more often than
    /// capitalised: "May" after "Theresa May" may still be the month.
    package let lowercaseWords: Set<UInt64>
    package let featureVersion: UInt32

    package init(
        keys: [UInt64], passes: [[Float]], gazetteers: [TaggerGazetteer], lowercaseWords: Set<UInt64> = [],
        featureVersion: UInt32 = FeatureExtractor.version
    ) {
        precondition(passes.allSatisfy { $0.count == keys.count * EntityTagSet.count + EntityTagSet.scheme.transitionSize })
        self.keys = keys
        self.passes = passes
        self.gazetteers = gazetteers
        self.lowercaseWords = lowercaseWords
        self.featureVersion = featureVersion
    }

    // MARK: Writing

    package func serialized() throws -> Data {
        var payload = ByteWriter()
        payload.fixed(featureVersion)
        payload.fixed(UInt32(EntityTagSet.count))
        payload.fixed(UInt32(keys.count))
        payload.sortedKeys(keys)
        payload.fixed(UInt32(passes.count))
        let tagCount = EntityTagSet.count
        for weights in passes { ModelFile.writeWeights(weights, rows: keys.count, tagCount: tagCount, into: &payload) }
        payload.fixed(UInt32(gazetteers.count))
        for gazetteer in gazetteers {
            payload.fixed(UInt32(gazetteer.longest))
            let entries = gazetteer.entries.sorted { $0.key < $1.key }
            payload.fixed(UInt32(entries.count))
            payload.sortedKeys(entries.map(\.key))
            for entry in entries { payload.fixed(entry.value) }
            let prefixes = gazetteer.prefixes.sorted()
            payload.fixed(UInt32(prefixes.count))
            payload.sortedKeys(prefixes)
        }
        payload.fixed(UInt32(lowercaseWords.count))
        payload.sortedKeys(lowercaseWords.sorted())
        return try ModelFile.seal(payload, magic: Self.magic, version: Self.formatVersion)
    }

    package func write(to url: URL) throws {
        try serialized().write(to: url, options: .atomic)
    }

    // MARK: Reading

    package init(contentsOf url: URL) throws {
        try self.init(data: try Data(contentsOf: url))
    }

    package init(data: Data) throws {
        var payload = try ModelFile.open(
            data, magic: Self.magic, version: Self.formatVersion, name: "tagger model", fail: { FormatError(description: $0) })

        let featureVersion = try payload.fixed(UInt32.self)
        guard featureVersion == FeatureExtractor.version else {
            throw FormatError(description: "model built for features v\(featureVersion), this build computes v\(FeatureExtractor.version)")
        }
        let tagCount = Int(try payload.fixed(UInt32.self))
        guard tagCount == EntityTagSet.count else { throw FormatError(description: "model has \(tagCount) tags") }
        let featureCount = Int(try payload.fixed(UInt32.self))
        let keys = try payload.sortedKeys(featureCount)
        let passCount = Int(try payload.fixed(UInt32.self))
        var passes: [[Float]] = []
        for _ in 0..<passCount {
            passes.append(
                try ModelFile.readWeights(
                    rows: featureCount, tagCount: tagCount, transitionSize: EntityTagSet.scheme.transitionSize, from: &payload))
        }
        var gazetteers: [TaggerGazetteer] = []
        for _ in 0..<Int(try payload.fixed(UInt32.self)) {
            let longest = Int(try payload.fixed(UInt32.self))
            let entryKeys = try payload.sortedKeys(Int(try payload.fixed(UInt32.self)))
            var entries: [UInt64: UInt32] = [:]
            entries.reserveCapacity(entryKeys.count)
            for key in entryKeys { entries[key] = try payload.fixed(UInt32.self) }
            let prefixes = Set(try payload.sortedKeys(Int(try payload.fixed(UInt32.self))))
            gazetteers.append(TaggerGazetteer(entries: entries, prefixes: prefixes, longest: longest))
        }
        let lowercaseWords = Set(try payload.sortedKeys(Int(try payload.fixed(UInt32.self))))
        self.init(keys: keys, passes: passes, gazetteers: gazetteers, lowercaseWords: lowercaseWords, featureVersion: featureVersion)
    }
}
