import ChroniclePipeline
import ChronicleTestSupport
import Foundation

/// The TempEval-3 training data (TimeBank and AQUAINT) in the shared folder.
let tempEvalDirectory = SharedData.path("data/tempeval3/TBAQ-cleaned")

/// The text stage alone on plain text.
func runText(_ text: String, title: String? = nil, source: String? = nil, publishedAt: String? = nil) throws -> ArticleDocument {
    var document = ArticleDocument(input: ArticleInput(body: .text(text), title: title, source: source, publishedAt: publishedAt))
    try TextStage().process(&document)
    return document
}
