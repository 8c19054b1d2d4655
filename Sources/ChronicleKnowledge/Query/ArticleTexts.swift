import ChroniclePipeline

/// What building views of many events of one article needs once per article rather than once per
/// event: a `TextSlicer` of its text and the canonical names of its entities. A view of an
/// article with thousands of events was quadratic without it. One per batch of views, not kept.
final class ArticleTexts {
    private var slicers: [String: TextSlicer] = [:]
    private var names: [String: ArticleEntityNames] = [:]

    init() {}

    func slicer(of articleID: String, _ document: ArticleDocument) -> TextSlicer {
        if let slicer = slicers[articleID] { return slicer }
        let slicer = TextSlicer(document.text)
        slicers[articleID] = slicer
        return slicer
    }

    func entityNames(of record: ArticleRecord) -> ArticleEntityNames {
        if let found = names[record.id] { return found }
        let found = ArticleEntityNames(record)
        names[record.id] = found
        return found
    }
}
