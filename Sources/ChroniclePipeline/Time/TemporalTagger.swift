/// Finds the temporal expressions of a text and normalizes each to a TIMEX3 value, anchored on
/// the document creation time (the article's publication date).
public struct TemporalTagger: Sendable {
    public init() {}

    /// The timexes of `text`, in order, with Unicode scalar offsets into it. `documentCreationTime`
    /// is a TIMEX3 date or date-time (`2025-05-16`, `2025-05-16T23:35`); without it relative
    /// expressions keep unknown parts (`XXXX-XX-XX`).
    public func timexes(in text: String, documentCreationTime: String?) -> [TimexMention] {
        []
    }
}
