import ChronicleFoundation
import ChroniclePipeline

/// What kind of happening an event mention tells of, for merging: its type in the ontology, or
/// for an OTHER event its lemma, a group of synonyms standing as one
/// (`Resources/stories/stories_event_synonyms.tsv`: "buy", "purchase" and "acquire" are one).
enum EventKind {
    /// Lemma -> the first lemma of its synonym group.
    static let bundled = Result { () throws(ResourceError) in
        var groups: [String: String] = [:]
        for row in try ResourceReader.knowledge.rows("stories/stories_event_synonyms.tsv", columns: 2...64) {
            for lemma in row where groups[lemma] == nil { groups[lemma] = row[0] }
        }
        return groups
    }

    /// Read when merging, after opening the store has loaded it.
    static var synonyms: [String: String] { bundled.required }

    static func of(type: String, lemma: String?) -> String {
        guard type == EventOntology.other, let lemma else { return type }
        return "\(type):" + (synonyms[lemma] ?? lemma)
    }
}
