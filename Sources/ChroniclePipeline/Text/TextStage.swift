/// Placeholder: turns the input into clean text, metadata and segments. (Being rewritten.)
public struct TextStage: PipelineStage {
    public let name = "text"
    public init() {}

    public func process(_ document: inout ArticleDocument) throws(PipelineError) {
        switch document.input.body {
        case .text(let text): document.text = text
        case .html(let html): document.text = html
        }
        if document.text.allSatisfy(\.isWhitespace) { throw .emptyText }
    }
}
