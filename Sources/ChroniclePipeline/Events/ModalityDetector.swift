import ChronicleFoundation

/// Decides how the text presents an event from the words before its trigger in its clause (the
/// cues of `Resources/events/event_modality_cues.tsv`, the strongest winning): "have not met" is negated,
/// "agreed to exchange" planned, "proposed direct talks" proposed, "request for a meeting"
/// demanded, "a possible ceasefire" hypothetical. An event with no cue is asserted, or planned
/// when its time lies ahead.
struct ModalityDetector: Sendable {
    struct Cue: Sendable {
        let modality: Modality
        /// Applies only with "to"/"for" between it and the trigger ("agreed Friday to exchange",
        /// "called for talks"), or right before it.
        let needsTo: Bool
    }

    private let cues: [String: Cue]
    /// How far back a cue reaches, in words; negation reaches less far.
    static let window = 8
    static let negationWindow = 3

    /// Loaded once per process; building a stage that needs it reports a missing or malformed file.
    static let bundled = Result { () throws(ResourceError) in try ModalityDetector(reader: .pipeline) }
    static var shared: ModalityDetector { bundled.required }

    init(reader: ResourceReader) throws(ResourceError) {
        let path = "events/event_modality_cues.tsv"
        let rows = try reader.rows(path, columns: 3...3)
        if let bad = rows.first(where: { Modality(rawValue: $0[1]) == nil }) {
            throw ResourceError(file: path, problem: "unknown modality '\(bad[1])' of cue '\(bad[0])'")
        }
        self.init(rows: rows)
    }

    init(rows: [[String]]) {
        var cues: [String: Cue] = [:]
        for columns in rows where columns.count >= 3 {
            guard let modality = Modality(rawValue: columns[1]) else { continue }
            cues[columns[0]] = Cue(modality: modality, needsTo: columns[2] == "yes")
        }
        self.cues = cues
    }

    /// Which cue wins when several are in reach: a proposal to resume talks is a proposal.
    static let priority: [Modality] = [.negated, .proposed, .demanded, .hypothetical, .planned]

    func modality(trigger: ClosedRange<Int>, in frame: SentenceFrame) -> Modality {
        var found: Set<Modality> = []
        var position = trigger.lowerBound - 1
        while position >= 0, position >= trigger.lowerBound - Self.window {
            let word = frame.words[position]
            if word == "." || SpeechWords.shared.has(word, .clauseBreak) { break }
            if let cue = cues[word] {
                let distance = trigger.lowerBound - position
                let between = frame.words[(position + 1)..<trigger.lowerBound]
                let linked = !cue.needsTo || between.contains("to") || between.contains("for") || between.isEmpty
                if cue.modality == .negated {
                    if distance <= Self.negationWindow, linked { found.insert(.negated) }
                } else if linked {
                    found.insert(cue.modality)
                }
            }
            position -= 1
        }
        return Self.priority.first { found.contains($0) } ?? .asserted
    }
}
