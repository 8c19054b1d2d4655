import ChronicleFoundation
import Foundation

/// A trained one-pass sequence tagger as stored: its tag names, the hashes of the features it
/// knows, one weight row per feature and the transition block. The part-of-speech tagger, the
/// chunker and the event tagger are each one of these with their own features.
///
/// File layout: the 8-byte magic `CHRNSEQ1`, then little-endian `UInt32` format version, payload
/// size and payload CRC-32, then the zlib-compressed payload: the model's kind (`"pos"`), the
/// feature version its features were computed with, the tag names, the sorted feature hashes as
/// LEB128 deltas, the transition weights as floats and the feature weights as `Int16` with one
/// scale (within 1/32767 of the largest weight, far below what changes a tag).
package struct SequenceModel: Sendable {
    package static let magic = Data("CHRNSEQ1".utf8)
    package static let formatVersion: UInt32 = 1

    package struct FormatError: Error, CustomStringConvertible {
        package let description: String
    }

    package let kind: String
    package let featureVersion: UInt32
    package let tags: [String]
    package let scheme: TagScheme
    /// Sorted feature hashes; weight row `r` belongs to `keys[r]`.
    package let keys: [UInt64]
    /// `keys.count` rows of `tags.count` weights, then the transition block.
    package let weights: [Float]
    private let table: FeatureTable

    package init(kind: String, featureVersion: UInt32, tags: [String], keys: [UInt64], weights: [Float]) {
        let scheme = TagScheme(tags: tags)
        precondition(weights.count == keys.count * tags.count + scheme.transitionSize)
        self.kind = kind
        self.featureVersion = featureVersion
        self.tags = tags
        self.scheme = scheme
        self.keys = keys
        self.weights = weights
        table = FeatureTable(keys: keys)
    }

    /// The weight row of a feature hash, if the model knows the feature.
    @inline(__always)
    package func row(_ feature: UInt64) -> Int32? { table.row(feature) }

    /// The best tag sequence for one sentence's feature hashes.
    package func decode(_ hashes: FeatureRows<UInt64>, workspace: inout Workspace) -> [Int] {
        let tokenCount = hashes.tokenCount
        guard tokenCount > 0 else { return [] }
        workspace.rows.removeAll()
        for token in 0..<tokenCount {
            for hash in hashes.token(token) {
                if let row = table.row(hash) { workspace.rows.append(row) }
            }
            workspace.rows.endToken()
        }
        let tagCount = tags.count
        let size = tokenCount * tagCount
        if workspace.emissions.count < size { workspace.emissions = [Float](repeating: 0, count: size * 2) }
        let rows = workspace.rows
        return weights.withUnsafeBufferPointer { weights in
            workspace.emissions.withUnsafeMutableBufferPointer { buffer in
                let slice = UnsafeMutableBufferPointer(rebasing: buffer[0..<size])
                slice.update(repeating: 0)
                ViterbiDecoder.score(rows: rows, weights: weights, tagCount: tagCount, into: slice)
                let transitions = UnsafeBufferPointer(rebasing: weights[(keys.count * tagCount)...])
                return workspace.decoder.decode(emissions: UnsafeBufferPointer(slice), count: tokenCount, transitions: transitions)
            }
        }
    }

    /// Buffers reused from sentence to sentence by one caller.
    package struct Workspace {
        var rows = FeatureRows<Int32>()
        var emissions: [Float] = []
        var decoder: ViterbiDecoder

        package init(model: SequenceModel) { decoder = ViterbiDecoder(scheme: model.scheme) }
    }

    // MARK: Writing

    package func serialized() throws -> Data {
        var payload = ByteWriter()
        payload.string(kind)
        payload.fixed(featureVersion)
        payload.strings(tags)
        payload.fixed(UInt32(keys.count))
        payload.sortedKeys(keys)
        let tagCount = tags.count
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

    /// Reads a model and checks it is of `kind` and was trained on the features this build
    /// computes (`featureVersion`).
    package init(data: Data, kind: String, featureVersion: UInt32) throws {
        guard data.count >= 20, data.prefix(8) == Self.magic else { throw FormatError(description: "not a Chronicle sequence model") }
        var header = ByteReader([UInt8](data[8..<20]))
        let version = try header.fixed(UInt32.self)
        guard version == Self.formatVersion else {
            throw FormatError(description: "sequence model format \(version), this build reads \(Self.formatVersion)")
        }
        let size = Int(try header.fixed(UInt32.self))
        let checksum = try header.fixed(UInt32.self)
        let payloadData = try Zlib.decompress(data.subdata(in: 20..<data.count), expectedSize: size)
        guard Zlib.crc32(payloadData) == checksum else { throw FormatError(description: "sequence model checksum mismatch") }
        var payload = ByteReader([UInt8](payloadData))
        let storedKind = try payload.string()
        guard storedKind == kind else { throw FormatError(description: "a \(storedKind) model, not \(kind)") }
        let storedVersion = try payload.fixed(UInt32.self)
        guard storedVersion == featureVersion else {
            throw FormatError(description: "model built for features v\(storedVersion), this build computes v\(featureVersion)")
        }
        let tags = try payload.strings()
        guard (1...256).contains(tags.count) else { throw FormatError(description: "model has \(tags.count) tags") }
        let featureCount = Int(try payload.fixed(UInt32.self))
        let keys = try payload.sortedKeys(featureCount)
        let tagCount = tags.count
        let scale = try payload.float()
        var weights = [Float](repeating: 0, count: featureCount * tagCount + TagScheme(tags: tags).transitionSize)
        for index in (featureCount * tagCount)..<weights.count { weights[index] = try payload.float() }
        let block = try payload.bytes(featureCount * tagCount * 2)
        var offset = block.startIndex
        for index in 0..<(featureCount * tagCount) {
            let value = Int16(bitPattern: UInt16(block[offset]) | UInt16(block[offset + 1]) << 8)
            offset += 2
            let tag = index / featureCount
            let row = index - tag * featureCount
            weights[row * tagCount + tag] = Float(value) * scale
        }
        self.init(kind: kind, featureVersion: featureVersion, tags: tags, keys: keys, weights: weights)
    }

    /// A committed model resource; a missing, stale or damaged file is a `ResourceError` that
    /// says how to rebuild it.
    package init(reader: ResourceReader, path: String, kind: String, featureVersion: UInt32, retrain: String) throws(ResourceError) {
        do {
            try self.init(data: try reader.data(path), kind: kind, featureVersion: featureVersion)
        } catch let error as ResourceError {
            throw error
        } catch {
            throw ResourceError(file: path, problem: "\(error); retrain it with `\(retrain)`")
        }
    }
}

extension TagScheme {
    /// The scheme for a list of tag names: IOB2 constraints (`I-X` only after `B-X` or `I-X`)
    /// when every tag is `O`, `B-X` or `I-X`; every transition otherwise (part-of-speech tags).
    package init(tags: [String]) {
        let isIOB = tags.allSatisfy { $0 == "O" || $0.hasPrefix("B-") || $0.hasPrefix("I-") }
        guard isIOB else {
            self.init(count: tags.count)
            return
        }
        self.init(
            count: tags.count,
            allows: { previous, next in
                guard tags[next].hasPrefix("I-") else { return true }
                return tags[previous] != "O" && tags[previous].dropFirst(2) == tags[next].dropFirst(2)
            },
            canStart: { !tags[$0].hasPrefix("I-") })
    }
}
