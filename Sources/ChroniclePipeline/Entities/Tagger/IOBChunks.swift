/// Entity chunks of a tag sequence, read exactly as conlleval reads them: a chunk starts at
/// `B-X`, and also at `I-X` after `O` or after a tag of another type; it ends before `B`, `O`
/// or a change of type. Tags without a `-TYPE` suffix other than `O` count as a chunk start
/// of the empty type, as conlleval does.
package enum IOBChunks {
    package struct Chunk: Hashable, Sendable {
        package var range: Range<Int>
        package var type: String
    }

    package static func chunks(in tags: [String]) -> [Chunk] {
        var chunks: [Chunk] = []
        var start: Int?
        var previous = (prefix: "O", type: "")
        // One `O` past the end closes a chunk still open.
        for index in 0...tags.count {
            let current = index < tags.count ? split(tags[index]) : (prefix: "O", type: "")
            if let open = start, endsChunk(previous, current) {
                chunks.append(Chunk(range: open..<index, type: previous.type))
                start = nil
            }
            if startsChunk(previous, current) { start = index }
            previous = current
        }
        return chunks
    }

    package static func split(_ tag: String) -> (prefix: String, type: String) {
        guard let dash = tag.firstIndex(of: "-") else { return (tag, "") }
        return (String(tag[..<dash]), String(tag[tag.index(after: dash)...]))
    }

    // conlleval's endOfChunk, with the S (single) and E (end) tags of IOBES as it has them.
    private static func endsChunk(_ previous: (prefix: String, type: String), _ current: (prefix: String, type: String)) -> Bool {
        switch (previous.prefix, current.prefix) {
        case ("B", "B"), ("B", "S"), ("B", "O"), ("I", "B"), ("I", "S"), ("I", "O"),
            ("E", "E"), ("E", "I"), ("E", "O"), ("E", "S"), ("E", "B"),
            ("S", "E"), ("S", "I"), ("S", "O"), ("S", "S"), ("S", "B"):
            return true
        default:
            return previous.prefix != "O" && previous.prefix != "." && previous.type != current.type
        }
    }

    // conlleval's startOfChunk.
    private static func startsChunk(_ previous: (prefix: String, type: String), _ current: (prefix: String, type: String)) -> Bool {
        switch (previous.prefix, current.prefix) {
        case ("B", "B"), ("I", "B"), ("O", "B"), ("S", "B"), ("E", "B"),
            ("E", "E"), ("E", "I"), ("O", "E"), ("O", "I"),
            ("S", "E"), ("S", "I"), ("B", "S"), ("I", "S"), ("O", "S"), ("S", "S"), ("E", "S"):
            return true
        default:
            return current.prefix != "O" && current.prefix != "." && previous.type != current.type
        }
    }
}
