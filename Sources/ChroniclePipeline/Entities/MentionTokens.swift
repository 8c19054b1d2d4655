/// A mention with the tokens and sentence it covers, so the rules that refine mentions can look
/// at the words around them.
struct MentionTokens {
    var mention: EntityMention
    /// Indexes into `ArticleDocument.tokens`.
    var tokens: Range<Int>
    /// Index into `ArticleDocument.sentences`.
    var sentence: Int

    /// Mentions aligned to tokens; a mention whose span does not start and end on token
    /// boundaries is widened to the tokens it touches.
    static func align(_ mentions: [EntityMention], in document: ArticleDocument) -> [MentionTokens] {
        let starts = document.tokens.map(\.span.start)
        let ends = document.tokens.map(\.span.end)
        let sentenceOfToken: [Int] = {
            var result = [Int](repeating: 0, count: document.tokens.count)
            for (index, sentence) in document.sentences.enumerated() {
                for token in sentence.tokens where token < result.count { result[token] = index }
            }
            return result
        }()
        return mentions.compactMap { mention in
            let first = ends.partitioningIndex { $0 > mention.span.start }
            let end = starts.partitioningIndex { $0 >= mention.span.end }
            guard first < end, first < document.tokens.count else { return nil }
            return MentionTokens(mention: mention, tokens: first..<end, sentence: sentenceOfToken[first])
        }
    }
}
