/// How long opening a store took, by phase: reading the snapshot and the journal, decoding the
/// snapshot (its records and the indexes it keeps), rebuilding the indexes from the records (only
/// for a snapshot written before they were kept, version 3 or older), and replaying the journal
/// after it.
package struct StoreOpening: Sendable {
    package var readSeconds = 0.0
    package var decodeSeconds = 0.0
    package var rebuildSeconds = 0.0
    package var replaySeconds = 0.0

    package init() {}
}
