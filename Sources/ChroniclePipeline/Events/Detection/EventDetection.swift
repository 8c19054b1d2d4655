import ChronicleFoundation

/// How the event stage uses the learned detector (`Resources/events/event_detection_words.tsv`):
/// how far it leans towards finding an event (`outsideOffset`, subtracted from the no-event
/// tag's score of every word before decoding), and the lemmas that are no event by themselves.
struct EventDetection: Sendable {
    enum Role: String, WordRole {
        case notAnEvent
        var value: WordRoleValue { .none }
    }

    static let path = "events/event_detection_words.tsv"

    let outsideOffset: Float
    let words: WordRoles<Role>

    /// Loaded once per process; building the event stage reports a missing or malformed file.
    static let bundled = Result { () throws(ResourceError) in try EventDetection(reader: .pipeline) }

    init(reader: ResourceReader) throws(ResourceError) {
        guard let value = try reader.header("outside_offset", in: Self.path), let offset = Float(value), offset >= 0 else {
            throw ResourceError(file: Self.path, problem: "no '# outside_offset: N' line with N a number of 0 or more")
        }
        outsideOffset = offset
        words = try WordRoles<Role>(reader: reader, path: Self.path)
    }

    /// Score offsets by tag for `tags` (the no-event tag first, as `EventTagger.tags` has it).
    func offsets(tags: [String]) -> [Float]? {
        guard outsideOffset != 0 else { return nil }
        return tags.map { $0 == "O" ? -outsideOffset : 0 }
    }

    func isEvent(lemma: String) -> Bool { !words.has(lemma, .notAnEvent) }
}
