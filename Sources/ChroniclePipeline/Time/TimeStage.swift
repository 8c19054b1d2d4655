import ChronicleFoundation

/// The third stage: every temporal expression of the article with its TIMEX3 value, anchored
/// on the publication date the text stage found.
public struct TimeStage: PipelineStage {
    public let name = "time"
    let tagger: TemporalTagger

    public init() throws(ResourceError) { tagger = try TemporalTagger() }

    package init(tagger: TemporalTagger) { self.tagger = tagger }

    public func process(_ document: inout ArticleDocument) throws(PipelineError) {
        var creation = document.metadata.publicationDate
        if let date = creation, let time = document.metadata.publicationTime { creation = "\(date)T\(time)" }
        document.timexes = tagger.timexes(in: document.text, documentCreationTime: creation)
    }
}
