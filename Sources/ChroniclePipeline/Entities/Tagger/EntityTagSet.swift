/// The tagger's tags: BILOU over the four CoNLL types. BILOU rather than IOB2 inside the model
/// because separate last/unit tags let the weights learn how names end (Ratinov & Roth 2009 found
/// it worth about a point of F1); input and output stay IOB2.
///
/// Tag 0 is `O`; type `t` (0 ..< 4) has `B = 1 + 4t`, `I = 2 + 4t`, `L = 3 + 4t`, `U = 4 + 4t`.
package enum EntityTagSet {
    package static let types = ["PER", "ORG", "LOC", "MISC"]
    package static let count = 1 + 4 * types.count
    /// The tags with BILOU's transitions, for the decoder.
    package static let scheme = TagScheme(count: count, allows: allows, canStart: canStart, canEnd: canEnd)
    package static let outside = 0

    package enum Position: Int {
        case begin = 0, inside, last, unit
    }

    package static func tag(type: Int, position: Position) -> Int { 1 + 4 * type + position.rawValue }
    /// The entity type of a tag, `nil` for `O`.
    package static func type(of tag: Int) -> Int? { tag == 0 ? nil : (tag - 1) / 4 }
    package static func position(of tag: Int) -> Position? { tag == 0 ? nil : Position(rawValue: (tag - 1) % 4) }

    package static func typeIndex(_ name: some StringProtocol) -> Int? { types.firstIndex { $0 == name } }

    /// Whether `next` may follow `previous`: an open entity (B, I) must continue with I or L of
    /// its own type; after O, L or U a new entity starts with B or U.
    package static func allows(_ previous: Int, _ next: Int) -> Bool {
        switch position(of: previous) {
        case .begin?, .inside?:
            guard let nextPosition = position(of: next), type(of: next) == type(of: previous) else { return false }
            return nextPosition == .inside || nextPosition == .last
        case nil, .last?, .unit?:
            guard let nextPosition = position(of: next) else { return true }
            return nextPosition == .begin || nextPosition == .unit
        }
    }

    /// Tags a sentence may start with (no entity is open before it).
    package static func canStart(_ tag: Int) -> Bool { allows(outside, tag) }
    /// Tags a sentence may end with (no entity left open).
    package static func canEnd(_ tag: Int) -> Bool { allows(tag, outside) }

    /// IOB2 names of a BILOU sequence: U becomes B, L becomes I.
    package static func iob2(_ tags: [Int]) -> [String] {
        tags.map { tag in
            guard let type = type(of: tag), let position = position(of: tag) else { return "O" }
            let prefix = position == .begin || position == .unit ? "B-" : "I-"
            return prefix + types[type]
        }
    }

    /// BILOU tags of an IOB2 sequence (chunks as conlleval reads them; unknown types become O).
    package static func bilou(fromIOB2 tags: [String]) -> [Int] {
        var result = [Int](repeating: outside, count: tags.count)
        for chunk in IOBChunks.chunks(in: tags) {
            guard let type = typeIndex(chunk.type) else { continue }
            if chunk.range.count == 1 {
                result[chunk.range.lowerBound] = tag(type: type, position: .unit)
                continue
            }
            for index in chunk.range { result[index] = tag(type: type, position: .inside) }
            result[chunk.range.lowerBound] = tag(type: type, position: .begin)
            result[chunk.range.upperBound - 1] = tag(type: type, position: .last)
        }
        return result
    }

    /// Entity spans (token ranges and type index) of a BILOU sequence.
    package static func spans(_ tags: [Int]) -> [(range: Range<Int>, type: Int)] {
        var spans: [(range: Range<Int>, type: Int)] = []
        var start: Int?
        for (index, tag) in tags.enumerated() {
            guard let type = type(of: tag), let position = position(of: tag) else {
                start = nil
                continue
            }
            switch position {
            case .unit: spans.append((index..<(index + 1), type)); start = nil
            case .begin: start = index
            case .inside: if start == nil { start = index }
            case .last:
                spans.append(((start ?? index)..<(index + 1), type))
                start = nil
            }
        }
        return spans
    }
}
