import ChroniclePipeline

/// Where each ECB+ token lies in the text the pipeline made of the document.
///
/// The text stage does not keep offsets: it drops lines (a URL, a dateline, a repeated title),
/// cuts prefixes off others, joins and splits lines and collapses whitespace. So both texts are
/// compared without whitespace and invisible characters, in two passes:
/// 1. whole sentences found verbatim, the heaviest in-order chain of them kept (a sentence the
///    stage dropped that happens to recur later cannot pull the alignment out of order);
/// 2. the tokens of the other sentences one by one, in order, each within a short reach of the
///    previous one and never past the next sentence placed in pass 1.
/// A token not found (its line dropped) has no span.
package struct ECBPlusTextAlignment: Sendable {
    /// Per ECB+ token, its Unicode scalar span in the pipeline's text; nil where it is not there.
    package let spans: [TextSpan?]

    /// Sentences shorter than this (without spaces) are too likely to recur to anchor pass 1.
    static let shortestAnchor = 6
    /// A sentence found more often than this is ambiguous and left to pass 2.
    static let mostOccurrences = 8
    /// How far past the previous token pass 2 looks for the next one, in compared scalars.
    static let reach = 48

    package init(document: ECBPlusDocument, text: String) {
        self.init(tokens: document.tokens.map(\.text), sentences: document.tokens.map(\.sentence), text: text)
    }

    /// Any tokenized corpus (ECB+, the SemEval TimeLine CAT files): each token's text and its
    /// sentence number, in file order.
    package init(tokens tokenTexts: [String], sentences sentenceNumbers: [Int], text: String) {
        precondition(tokenTexts.count == sentenceNumbers.count, "one sentence number per token")
        let target = CompactText(text.unicodeScalars)
        let tokens = tokenTexts.map { CompactText($0.unicodeScalars).scalars }

        // Sentences: runs of tokens with the same sentence number, with their compared scalars.
        var sentences: [(tokens: Range<Int>, scalars: [UInt32])] = []
        var start = 0
        for index in tokens.indices where index + 1 == tokens.count || sentenceNumbers[index + 1] != sentenceNumbers[index] {
            sentences.append((start..<(index + 1), tokens[start...index].flatMap { $0 }))
            start = index + 1
        }

        var compactSpans = [Range<Int>?](repeating: nil, count: tokens.count)
        func place(sentence: Int, at position: Int) {
            var cursor = position
            for token in sentences[sentence].tokens where !tokens[token].isEmpty {
                compactSpans[token] = cursor..<(cursor + tokens[token].count)
                cursor += tokens[token].count
            }
        }

        // Pass 1: candidate placements of whole sentences, then the heaviest chain in order.
        var candidates: [(sentence: Int, range: Range<Int>)] = []
        for (index, sentence) in sentences.enumerated() where sentence.scalars.count >= Self.shortestAnchor {
            let found = target.occurrences(of: sentence.scalars, in: 0..<target.scalars.count, limit: Self.mostOccurrences + 1)
            guard found.count <= Self.mostOccurrences else { continue }
            candidates += found.map { (index, $0..<($0 + sentence.scalars.count)) }
        }
        var weight = [Int](repeating: 0, count: candidates.count)
        var previous = [Int?](repeating: nil, count: candidates.count)
        for i in candidates.indices {
            weight[i] = candidates[i].range.count
            for j in 0..<i
            where candidates[j].sentence < candidates[i].sentence && candidates[j].range.upperBound <= candidates[i].range.lowerBound
                && weight[j] + candidates[i].range.count > weight[i]
            {
                weight[i] = weight[j] + candidates[i].range.count
                previous[i] = j
            }
        }
        var anchors: [Int: Range<Int>] = [:]  // sentence -> where it was found
        var link = weight.indices.max { weight[$0] < weight[$1] }
        while let current = link {
            anchors[candidates[current].sentence] = candidates[current].range
            place(sentence: candidates[current].sentence, at: candidates[current].range.lowerBound)
            link = previous[current]
        }

        // Pass 2: the tokens of the other sentences, between the anchors around them.
        var cursor = 0
        for (index, sentence) in sentences.enumerated() {
            if let anchor = anchors[index] {
                cursor = anchor.upperBound
                continue
            }
            let limit = sentences.indices[(index + 1)...].lazy.compactMap { anchors[$0]?.lowerBound }.first ?? target.scalars.count
            for token in sentence.tokens where !tokens[token].isEmpty {
                let window = cursor..<max(cursor, min(limit, cursor + Self.reach + tokens[token].count))
                guard let found = target.occurrences(of: tokens[token], in: window, limit: 1).first else { continue }
                compactSpans[token] = found..<(found + tokens[token].count)
                cursor = found + tokens[token].count
            }
        }

        spans = compactSpans.map { range in
            range.map { TextSpan(start: target.offsets[$0.lowerBound], end: target.offsets[$0.upperBound - 1] + 1) }
        }
    }

    /// How many tokens were found in the text.
    package var alignedCount: Int { spans.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

    /// The indices of the ECB+ tokens whose span overlaps `span`, ascending.
    package func tokens(overlapping span: TextSpan) -> [Int] {
        spans.indices.filter { spans[$0]?.overlaps(span) == true }
    }
}

/// A text without the scalars the text stage may remove or reshape (whitespace, controls,
/// zero-width characters, soft hyphens), each kept scalar with its offset in the original.
private struct CompactText {
    var scalars: [UInt32] = []
    var offsets: [Int] = []

    init(_ text: String.UnicodeScalarView) {
        for (offset, scalar) in text.enumerated() where !Self.isIgnored(scalar) {
            scalars.append(scalar.value)
            offsets.append(offset)
        }
    }

    /// What `LineNormalizer` turns into a space or drops.
    static func isIgnored(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x21, 0x7F, 0x85, 0xA0, 0x200B, 0xFEFF, 0x00AD, 0x2060, 0x2028, 0x2029: true
        default: scalar.properties.isWhitespace
        }
    }

    /// The start of every occurrence of `needle` inside `range`, up to `limit` of them.
    func occurrences(of needle: [UInt32], in range: Range<Int>, limit: Int) -> [Int] {
        guard let first = needle.first, range.count >= needle.count else { return [] }
        var found: [Int] = []
        var start = range.lowerBound
        let last = range.upperBound - needle.count
        while start <= last {
            if scalars[start] == first && scalars[start..<(start + needle.count)].elementsEqual(needle) {
                found.append(start)
                if found.count == limit { break }
            }
            start += 1
        }
        return found
    }
}
