import ChronicleFoundation

/// How the indexes in a snapshot name an article: by its sequence, which the snapshot's records
/// map back to the record's own id (one string for the id wherever the indexes hold it, as in
/// a store built from the records). An article no record holds any more (the original of a copy
/// that was deleted) is named by its id.
struct ArticleReferences: Sendable {
    private let sequences: [String: UInt64]
    private let ids: [UInt64: String]

    /// For writing: each stored article's sequence.
    init(records: [String: ArticleRecord]) {
        sequences = records.mapValues(\.sequence)
        ids = [:]
    }

    /// For reading: the ids of the snapshot's records by sequence.
    init(idsBySequence: [UInt64: String]) {
        sequences = [:]
        ids = idsBySequence
    }

    func write(_ id: String, into writer: inout ByteWriter) {
        if let sequence = sequences[id] {
            writer.varint(sequence)
        } else {
            writer.varint(0)
            writer.string(id)
        }
    }

    func read(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> String {
        let sequence = try reader.varint()
        if sequence == 0 { return try reader.string() }
        guard let id = ids[sequence] else { throw ByteReader.Malformed(description: "no record has sequence \(sequence)") }
        return id
    }
}
