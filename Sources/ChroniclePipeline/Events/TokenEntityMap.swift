/// For every token of a document, the entity mention covering it, and the sentence it is in.
struct TokenEntityMap {
    let entityAt: [Int?]
    let sentenceAt: [Int]

    init(_ document: ArticleDocument) {
        var entityAt = [Int?](repeating: nil, count: document.tokens.count)
        var token = 0
        for (index, entity) in document.entities.enumerated() {
            // Entities and tokens are both in text order: advance to the entity's first token.
            while token < document.tokens.count, document.tokens[token].span.end <= entity.span.start { token += 1 }
            var cursor = token
            while cursor < document.tokens.count, document.tokens[cursor].span.start < entity.span.end {
                if document.tokens[cursor].span.start >= entity.span.start { entityAt[cursor] = index }
                cursor += 1
            }
        }
        var sentenceAt = [Int](repeating: 0, count: document.tokens.count)
        for (index, sentence) in document.sentences.enumerated() {
            for position in sentence.tokens where position < sentenceAt.count { sentenceAt[position] = index }
        }
        self.entityAt = entityAt
        self.sentenceAt = sentenceAt
    }
}
