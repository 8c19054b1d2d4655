/// Finds entity mentions in a tokenized document: the statistical tagger in production, a fixed
/// list in tests of the stages that refine mentions.
public protocol EntityRecognizer: Sendable {
    func entities(in document: ArticleDocument) -> [EntityMention]
    /// Whether the recognizer's training text writes this word in lower case more often than
    /// capitalised ("may", not "Trump"): the entity stage does not take such a word for a name
    /// on its own.
    func isCommonWord(_ token: String) -> Bool
}

extension EntityRecognizer {
    public func isCommonWord(_ token: String) -> Bool { false }
}
