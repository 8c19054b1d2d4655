import ChronicleFoundation

/// WordNet's supersenses of nouns and verbs (`Resources/language/language_word_senses.tsv`,
/// built by `scripts/build_word_senses.py` from WordNet 3.0): the lexicographer file of each of a
/// lemma's first senses, most frequent first ("say" verb: communication, stative; "crisis" noun:
/// state, event). They say what kind of happening a word names beyond the words a tagger has
/// seen, which is much of an event's TimeML class: communication verbs report, perception verbs
/// perceive, cognition verbs are intensional states (the TempEval-3 systems read WordNet too).
/// A verb's sentence frames in those senses say whether it takes an infinitive, a `that` clause
/// or a gerund ("try to", "believe that", "begin doing"): whether it introduces another event.
package struct WordSenses: Sendable {
    package enum PartOfSpeech: UInt64, Sendable {
        case noun = 1, verb

        /// A part of speech as the resource names it.
        static let names: [String: PartOfSpeech] = ["noun": .noun, "verb": .verb]

        /// The WordNet part of speech of a Penn tag, for the tags whose lemmas WordNet lists.
        package init?(pennTag: String) {
            if pennTag == "NN" || pennTag == "NNS" {
                self = .noun
            } else if pennTag.hasPrefix("VB") {
                self = .verb
            } else {
                return nil
            }
        }
    }

    /// The most senses kept per lemma.
    package static let most = 3

    /// The clauses a verb's frames take, as bits.
    package struct Complements: OptionSet, Sendable {
        package let rawValue: UInt32
        package init(rawValue: UInt32) { self.rawValue = rawValue }
        package static let infinitive = Complements(rawValue: 1)
        package static let that = Complements(rawValue: 2)
        package static let gerund = Complements(rawValue: 4)

        static let names: [String: Complements] = ["infinitive": .infinitive, "that": .that, "ing": .gerund]
    }

    /// What WordNet says of one lemma as a noun or verb.
    package struct Entry: Sendable {
        /// Sense numbers plus one, a byte each, the most frequent in the low byte; 0 when none.
        package var senses: UInt32
        package var complements: Complements

        static let none = Entry(senses: 0, complements: [])
    }

    /// (lemma hash, part of speech) -> its entry; read for every noun and verb.
    private let entries: HashedTable<Entry>
    /// The supersense names in the order the file first names them.
    package let names: [String]

    /// Loaded once per process; building a tagger that needs it reports a missing or malformed file.
    package static let bundled = Result { () throws(ResourceError) in try WordSenses(reader: .pipeline) }

    package init(reader: ResourceReader) throws(ResourceError) {
        let path = "language/language_word_senses.tsv"
        var entries: [(String, PartOfSpeech, [String], Complements)] = []
        for line in try reader.lines(path) {
            let columns = line.columns
            guard columns.count == 4, let part = PartOfSpeech.names[columns[1]] else {
                throw ResourceError(file: path, line: line.number, problem: "expected a word, noun or verb, its senses and complements")
            }
            let names = columns[2].split(separator: ",").map(String.init)
            guard (1...Self.most).contains(names.count) else {
                throw ResourceError(file: path, line: line.number, problem: "expected 1 to \(Self.most) comma-separated senses")
            }
            var complements: Complements = []
            for name in columns[3] == "-" ? [] : columns[3].split(separator: ",") {
                guard let kind = Complements.names[String(name)] else {
                    throw ResourceError(file: path, line: line.number, problem: "unknown complement '\(name)' (infinitive, that, ing or -)")
                }
                complements.insert(kind)
            }
            entries.append((columns[0], part, names, complements))
        }
        self.init(entries)
    }

    /// For tests and fixtures: senses given directly, as (lemma, part of speech, supersense
    /// names, complements).
    package init(_ given: [(String, PartOfSpeech, [String], Complements)]) {
        var names: [String] = []
        var numbers: [String: UInt32] = [:]
        var entries: [UInt64: Entry] = [:]
        for (lemma, part, senseNames, complements) in given {
            var packed: UInt32 = 0
            for (position, name) in senseNames.prefix(Self.most).enumerated() {
                let number =
                    numbers[name]
                    ?? {
                        names.append(name)
                        numbers[name] = UInt32(names.count)
                        return UInt32(names.count)
                    }()
                packed |= number << (8 * position)
            }
            entries[Self.key(FeatureHash.string(lemma), part)] = Entry(senses: packed, complements: complements)
        }
        precondition(names.count < 255, "sense numbers are bytes")
        self.names = names
        self.entries = HashedTable(entries)
    }

    @inline(__always)
    private static func key(_ lemma: UInt64, _ part: PartOfSpeech) -> UInt64 { lemma ^ part.rawValue &* 0x9e37_79b9_7f4a_7c15 }

    /// The entry of a lemma (by `FeatureHash.string`) as a noun or verb; no senses when WordNet
    /// does not list it.
    @inline(__always)
    package func entry(lemma: UInt64, as part: PartOfSpeech) -> Entry {
        entries[Self.key(lemma, part)] ?? .none
    }

    /// The supersense names of a lemma as a noun or verb, most frequent first.
    package func names(of lemma: String, as part: PartOfSpeech) -> [String] {
        var packed = entry(lemma: FeatureHash.string(lemma), as: part).senses
        var result: [String] = []
        while packed != 0 {
            result.append(names[Int(packed & 0xFF) - 1])
            packed >>= 8
        }
        return result
    }
}
