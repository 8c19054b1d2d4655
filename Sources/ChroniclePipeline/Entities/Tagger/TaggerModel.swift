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
public struct TaggerModel: Sendable {
    static let magic = Data("CHRNNER1".utf8)
    static let formatVersion: UInt32 = 2

    public struct FormatError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Sorted feature hashes; weight row `r` belongs to `keys[r]`.
    let keys: [UInt64]
    /// Per pass: `keys.count` rows of `EntityTagSet.count` weights, then the transition block.
    let passes: [[Float]]
    let gazetteers: [TaggerGazetteer]
    /// `TokenFeatures.lower` of the words training text writes in lower case more often than
    /// capitalised: "May" after "Theresa May" may still be the month.
    let lowercaseWords: Set<UInt64>
    let featureVersion: UInt32

    init(
        keys: [UInt64], passes: [[Float]], gazetteers: [TaggerGazetteer], lowercaseWords: Set<UInt64> = [],
        featureVersion: UInt32 = FeatureExtractor.version
    ) {
        precondition(passes.allSatisfy { $0.count == keys.count * EntityTagSet.count + ViterbiDecoder.transitionSize })
        self.keys = keys
        self.passes = passes
        self.gazetteers = gazetteers
        self.lowercaseWords = lowercaseWords
        self.featureVersion = featureVersion
    }

    // MARK: Writing

    public func serialized() throws -> Data {
        var payload = ByteWriter()
        payload.uint32(featureVersion)
        payload.uint32(UInt32(EntityTagSet.count))
        payload.uint32(UInt32(keys.count))
        payload.sortedKeys(keys)
        payload.uint32(UInt32(passes.count))
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
                    payload.int16(Int16((weights[row * tagCount + tag] / scale).rounded()))
                }
            }
        }
        payload.uint32(UInt32(gazetteers.count))
        for gazetteer in gazetteers {
            payload.uint32(UInt32(gazetteer.longest))
            let entries = gazetteer.entries.sorted { $0.key < $1.key }
            payload.uint32(UInt32(entries.count))
            payload.sortedKeys(entries.map(\.key))
            for entry in entries { payload.uint32(entry.value) }
            let prefixes = gazetteer.prefixes.sorted()
            payload.uint32(UInt32(prefixes.count))
            payload.sortedKeys(prefixes)
        }
        payload.uint32(UInt32(lowercaseWords.count))
        payload.sortedKeys(lowercaseWords.sorted())
        var file = Self.magic
        var header = ByteWriter()
        header.uint32(Self.formatVersion)
        header.uint32(UInt32(payload.data.count))
        header.uint32(Zlib.crc32(payload.data))
        file.append(header.data)
        file.append(try Zlib.compress(payload.data, level: 9))
        return file
    }

    public func write(to url: URL) throws {
        try serialized().write(to: url, options: .atomic)
    }

    // MARK: Reading

    public init(contentsOf url: URL) throws {
        try self.init(data: try Data(contentsOf: url))
    }

    public init(data: Data) throws {
        guard data.count >= 20, data.prefix(8) == Self.magic else { throw FormatError(description: "not a Chronicle tagger model") }
        var header = ByteReader(data.subdata(in: 8..<20))
        let version = try header.uint32()
        guard version == Self.formatVersion else {
            throw FormatError(description: "tagger model format \(version), this build reads \(Self.formatVersion)")
        }
        let size = Int(try header.uint32())
        let checksum = try header.uint32()
        let payloadData = try Zlib.decompress(data.subdata(in: 20..<data.count), expectedSize: size)
        guard Zlib.crc32(payloadData) == checksum else { throw FormatError(description: "tagger model checksum mismatch") }
        var payload = ByteReader(payloadData)

        let featureVersion = try payload.uint32()
        guard featureVersion == FeatureExtractor.version else {
            throw FormatError(description: "model built for features v\(featureVersion), this build computes v\(FeatureExtractor.version)")
        }
        let tagCount = Int(try payload.uint32())
        guard tagCount == EntityTagSet.count else { throw FormatError(description: "model has \(tagCount) tags") }
        let featureCount = Int(try payload.uint32())
        let keys = try payload.sortedKeys(featureCount)
        let passCount = Int(try payload.uint32())
        var passes: [[Float]] = []
        for _ in 0..<passCount {
            let scale = try payload.float()
            var weights = [Float](repeating: 0, count: featureCount * tagCount + ViterbiDecoder.transitionSize)
            for index in (featureCount * tagCount)..<weights.count { weights[index] = try payload.float() }
            try payload.int16s(count: featureCount * tagCount) { index, value in
                let tag = index / featureCount
                let row = index - tag * featureCount
                weights[row * tagCount + tag] = Float(value) * scale
            }
            passes.append(weights)
        }
        var gazetteers: [TaggerGazetteer] = []
        for _ in 0..<Int(try payload.uint32()) {
            let longest = Int(try payload.uint32())
            let entryKeys = try payload.sortedKeys(Int(try payload.uint32()))
            var entries: [UInt64: UInt32] = [:]
            entries.reserveCapacity(entryKeys.count)
            for key in entryKeys { entries[key] = try payload.uint32() }
            let prefixes = Set(try payload.sortedKeys(Int(try payload.uint32())))
            gazetteers.append(TaggerGazetteer(entries: entries, prefixes: prefixes, longest: longest))
        }
        let lowercaseWords = Set(try payload.sortedKeys(Int(try payload.uint32())))
        self.init(keys: keys, passes: passes, gazetteers: gazetteers, lowercaseWords: lowercaseWords, featureVersion: featureVersion)
    }
}

/// Little-endian binary writing for the model payload.
struct ByteWriter {
    var data = Data()

    mutating func uint32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    mutating func int16(_ value: Int16) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    mutating func float(_ value: Float) { uint32(value.bitPattern) }

    mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            data.append(UInt8(value & 0x7f) | 0x80)
            value >>= 7
        }
        data.append(UInt8(value))
    }

    /// Ascending keys as deltas from the previous one.
    mutating func sortedKeys(_ keys: [UInt64]) {
        var previous: UInt64 = 0
        for key in keys {
            precondition(key >= previous, "keys must be sorted")
            varint(key - previous)
            previous = key
        }
    }
}

/// Little-endian binary reading with bounds checks.
struct ByteReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ data: Data) { bytes = [UInt8](data) }

    private mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
        guard offset + count <= bytes.count else { throw TaggerModel.FormatError(description: "tagger model is truncated") }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func uint32() throws -> UInt32 {
        try take(4).reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func float() throws -> Float { Float(bitPattern: try uint32()) }

    mutating func int16s(count: Int, _ body: (Int, Int16) -> Void) throws {
        let slice = try take(count * 2)
        var index = slice.startIndex
        for item in 0..<count {
            body(item, Int16(bitPattern: UInt16(slice[index]) | UInt16(slice[index + 1]) << 8))
            index += 2
        }
    }

    mutating func varint() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try take(1).first!
            guard shift < 64 else { throw TaggerModel.FormatError(description: "bad varint in tagger model") }
            value |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func sortedKeys(_ count: Int) throws -> [UInt64] {
        var keys: [UInt64] = []
        keys.reserveCapacity(count)
        var previous: UInt64 = 0
        for _ in 0..<count {
            previous &+= try varint()
            keys.append(previous)
        }
        return keys
    }
}
