import ChronicleFoundation
import Foundation

/// A trained one-pass sequence tagger as stored: its tag names, the hashes of the features it
/// knows, one weight row per feature and the transition block. The part-of-speech tagger, the
/// chunker and the event tagger are each one of these with their own features.
///
/// File layout: the magic `CHRNSEQ1` in the `ModelFile` container; the payload holds the
/// model's kind (`"pos"`), the feature version its features were computed with, the tag names,
/// the sorted feature hashes as LEB128 deltas and the weights as `ModelFile` stores them.
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
    /// `keys.count` rows of `tags.count` weights, then the transition block, as the decoder reads them.
    package let block: WeightBlock
    private let table: FeatureTable

    /// `keys.count` rows of `tags.count` weights, then the transition block.
    package var weights: [Float] { block.floats }

    package init(kind: String, featureVersion: UInt32, tags: [String], keys: [UInt64], weights: [Float]) {
        let scheme = TagScheme(tags: tags)
        precondition(weights.count == keys.count * tags.count + scheme.transitionSize)
        self.kind = kind
        self.featureVersion = featureVersion
        self.tags = tags
        self.scheme = scheme
        self.keys = keys
        block = WeightBlock(weights, rows: keys.count, tagCount: tags.count)
        table = FeatureTable(keys: keys)
    }

    /// The weight row of a feature hash, if the model knows the feature.
    @inline(__always)
    package func row(_ feature: UInt64) -> Int32? { table.row(feature) }

    /// The best tag sequence for one sentence's feature hashes; `offsets`, one per tag, are
    /// added to every token's scores first (a prior that leans the decoder towards some tags).
    package func decode(_ hashes: FeatureRows<UInt64>, workspace: inout Workspace, offsets: [Float]? = nil) -> [Int] {
        guard hashes.tokenCount > 0 else { return [] }
        table.rows(of: hashes, into: &workspace.rows, scratch: &workspace.homeKeys)
        return decode(rows: workspace.rows, workspace: &workspace, offsets: offsets)
    }

    /// `decode` for feature rows already looked up (by a table shared with other models of the
    /// same features, `SharedFeatureRows`).
    package func decode(rows: FeatureRows<Int32>, workspace: inout Workspace, offsets: [Float]? = nil) -> [Int] {
        guard rows.tokenCount > 0 else { return [] }
        workspace.warmth &+= UInt64(block.warm(rows))
        return block.decode(rows, offsets: offsets, scratch: &workspace.scratch, decoder: &workspace.decoder)
    }

    /// Buffers reused from sentence to sentence by one caller.
    package struct Workspace {
        var rows = FeatureRows<Int32>()
        var scratch = WeightBlock.Scratch()
        var homeKeys: [UInt64] = []
        /// What warming the caches read (`WeightBlock.warm`): kept, so the reads stay.
        var warmth: UInt64 = 0
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
        ModelFile.writeWeights(weights, rows: keys.count, tagCount: tags.count, into: &payload)
        return try ModelFile.seal(payload, magic: Self.magic, version: Self.formatVersion)
    }

    package func write(to url: URL) throws {
        try serialized().write(to: url, options: .atomic)
    }

    // MARK: Reading

    /// Reads a model and checks it is of `kind` and was trained on the features this build
    /// computes (`featureVersion`).
    package init(data: Data, kind: String, featureVersion: UInt32) throws {
        var payload = try ModelFile.open(
            data, magic: Self.magic, version: Self.formatVersion, name: "sequence model", fail: { FormatError(description: $0) })
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
        let weights = try ModelFile.readWeights(
            rows: featureCount, tagCount: tags.count, transitionSize: TagScheme(tags: tags).transitionSize, from: &payload)
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
