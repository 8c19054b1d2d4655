/// How long opening a store took, by phase: reading and decoding the snapshot and the journal,
/// rebuilding the indexes from the snapshot's records, and replaying the journal after it. A
/// restart's time is mostly the rebuild; the decode is what the snapshot format costs.
package struct StoreOpening: Sendable {
    package var readSeconds = 0.0
    package var rebuildSeconds = 0.0
    package var replaySeconds = 0.0

    package init() {}
}
