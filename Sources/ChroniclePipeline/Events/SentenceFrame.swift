/// One sentence seen the way the event finders need it: lower-cased words, and for each token
/// the entity mention and timex it belongs to.
struct SentenceFrame {
    let index: Int
    /// Document token indices of the sentence.
    let tokens: Range<Int>
    /// Lower-cased words, indexed from 0 (`tokens.lowerBound` is word 0).
    let words: [String]
    /// As written.
    let texts: [String]
    /// For each word, the index of the entity mention covering it in `document.entities`.
    let entityAt: [Int?]
    /// For each word, the index of the timex covering it in `document.timexes`.
    let timexAt: [Int?]

    /// `entitySpans` and `timexSpans`: the document's entity and timex spans in text order,
    /// gathered once for all its sentences.
    init(sentence index: Int, in document: ArticleDocument, entitySpans: [TextSpan], timexSpans: [TextSpan]) {
        self.index = index
        let range = document.sentences[index].tokens
        tokens = range
        texts = range.map { document.tokens[$0].text }
        words = texts.map { $0.lowercased() }
        entityAt = range.map { Self.covering(document.tokens[$0].span, spans: entitySpans) }
        timexAt = range.map { Self.covering(document.tokens[$0].span, spans: timexSpans) }
        entityPositions = Self.positions(of: entityAt)
        timexPositions = Self.positions(of: timexAt)
    }

    /// First and last position of each annotation, found in one pass: looking them up per call
    /// was quadratic in a long sentence.
    private let entityPositions: [Int: ClosedRange<Int>]
    private let timexPositions: [Int: ClosedRange<Int>]

    private static func positions(of annotations: [Int?]) -> [Int: ClosedRange<Int>] {
        var ranges: [Int: ClosedRange<Int>] = [:]
        for (position, annotation) in annotations.enumerated() {
            guard let annotation else { continue }
            ranges[annotation] = ranges[annotation].map { $0.lowerBound...position } ?? position...position
        }
        return ranges
    }

    var count: Int { words.count }

    func word(_ position: Int) -> String? { words.indices.contains(position) ? words[position] : nil }

    /// The positions (0-based in the sentence) an entity mention covers.
    func positions(ofEntity entity: Int) -> ClosedRange<Int>? { entityPositions[entity] }

    func positions(ofTimex timex: Int) -> ClosedRange<Int>? { timexPositions[timex] }

    private static func covering(_ span: TextSpan, spans: [TextSpan]) -> Int? {
        // `spans` is in text order; the covering annotation is the last one starting at or before the token.
        var low = 0
        var high = spans.count
        while low < high {
            let mid = (low + high) / 2
            if spans[mid].start <= span.start { low = mid + 1 } else { high = mid }
        }
        let candidate = low - 1
        guard candidate >= 0, spans[candidate].end >= span.end else { return nil }
        return candidate
    }
}
