import ChronicleFoundation
import Foundation

/// The trained tagger as stored: feature hashes, two passes of weights (local features, then
/// local plus document features), transition weights, and the gazetteers the features were
/// computed with, so the model behaves the same whatever the gazetteer files say later.
///
/// File layout: the 8-byte magic `CHRNNER1`, then little-endian `UInt32` format version,
/// payload size and payload CRC-32, then the zlib-compressed payload. In the payload, feature
/// hashes are sorted and stored as LEB128 deltas, and each pass's weights as `Int16` with one
/// scale per pass: that is within 1/32767 of the largest weight, far below what changes a tag,
/// and keeps the committed file small. Format 2 adds, last, the lowercase-form hashes of the
/// words training text writes in lower case (`lowercaseWords`).
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
        for weights in passes {
            let featureWeights = weights[..<(keys.count * tagCount)]
            let largest = featureWeights.reduce(Float(0)) { max($0, abs($1)) }
            let scale = largest > 0 ? largest / Float(Int16.max) : 1
            payload.float(scale)
            for value in weights[(keys.count * tagCount)...] { payload.float(value) }
            // Tag-major order: runs of zeros for tags a feature never votes for compress well.
            for tag in 0..<tagCount {
                for row in 0..<keys.count {
                    payload.fixed(Int16((weights[row * tagCount + tag] / scale).rounded()))
                }
            }
        }
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
        var file = Self.magic
        var header = ByteWriter()
        header.fixed(Self.formatVersion)
        header.fixed(UInt32(payload.count))
        header.fixed(Zlib.crc32(payload.bytes))
        file.append(contentsOf: header.bytes)
        file.append(try Zlib.compress(Data(payload.bytes), level: 9))
        return file
    }

    package func write(to url: URL) throws {
        try serialized().write(to: url, options: .atomic)
    }

    // MARK: Reading

    package init(contentsOf url: URL) throws {
        try self.init(data: try Data(contentsOf: url))
    }

    package init(data: Data) throws {
        guard data.count >= 20, data.prefix(8) == Self.magic else { throw FormatError(description: "not a Chronicle tagger model") }
        var header = ByteReader([UInt8](data[8..<20]))
        let version = try header.fixed(UInt32.self)
        guard version == Self.formatVersion else {
            throw FormatError(description: "tagger model format \(version), this build reads \(Self.formatVersion)")
        }
        let size = Int(try header.fixed(UInt32.self))
        let checksum = try header.fixed(UInt32.self)
        let payloadData = try Zlib.decompress(data.subdata(in: 20..<data.count), expectedSize: size)
        guard Zlib.crc32(payloadData) == checksum else { throw FormatError(description: "tagger model checksum mismatch") }
        var payload = ByteReader([UInt8](payloadData))

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
            let scale = try payload.float()
            var weights = [Float](repeating: 0, count: featureCount * tagCount + EntityTagSet.scheme.transitionSize)
            for index in (featureCount * tagCount)..<weights.count { weights[index] = try payload.float() }
            // Read as a block: the weights are most of the file.
            let block = try payload.bytes(featureCount * tagCount * 2)
            var offset = block.startIndex
            for index in 0..<(featureCount * tagCount) {
                let value = Int16(bitPattern: UInt16(block[offset]) | UInt16(block[offset + 1]) << 8)
                offset += 2
                let tag = index / featureCount
                let row = index - tag * featureCount
                weights[row * tagCount + tag] = Float(value) * scale
            }
            passes.append(weights)
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
