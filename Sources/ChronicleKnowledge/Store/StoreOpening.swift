/// How long opening a store took, by phase: reading and decoding the snapshot and the journal,
/// rebuilding the indexes from the snapshot's records, and replaying the journal after it. A
/// restart's time is mostly the rebuild; the decode is what the snapshot format costs.
public struct StoreOpening: Sendable {
    public var readSeconds = 0.0
    public var rebuildSeconds = 0.0
    public var replaySeconds = 0.0

    public init() {}
}
