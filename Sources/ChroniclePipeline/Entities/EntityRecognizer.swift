/// Finds entity mentions in a tokenized document: the statistical tagger in production, a fixed
/// list in tests of the stages that refine mentions.
public protocol EntityRecognizer: Sendable {
    func entities(in document: ArticleDocument) -> [EntityMention]
}
