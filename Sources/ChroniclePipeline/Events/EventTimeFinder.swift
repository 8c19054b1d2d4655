/// When an event happened: the date or time expression of its own sentence nearest its trigger,
/// else the last date of an earlier sentence in its paragraph (news tells a paragraph about one
/// moment), else the article's publication date; and how long it lasted when a duration sits
/// right by its trigger ("two-hour talks", "90 minutes of talks").
struct EventTimeFinder: Sendable {
    struct When {
        var value: String?
        var source: EventTimeSource?
        var duration: String?
    }

    /// A date separated from the trigger by another (nominal) trigger, a quote mark or a verb of saying
    /// belongs to that other part of the sentence: in "The talks follow a proposal by Putin on
    /// Sunday", Sunday is the proposal's; so is a date right before a nominal trigger ("its 2022 invasion").
    func when(
        trigger: ClosedRange<Int>, frame: SentenceFrame, document: ArticleDocument, modality: Modality, otherTriggers: [EventLexicon.Match]
    ) -> When {
        var result = When()
        var best: (distance: Int, value: String)?
        var seen = Set<Int>()
        for position in 0..<frame.count {
            guard let index = frame.timexAt[position], seen.insert(index).inserted else { continue }
            let timex = document.timexes[index]
            guard let range = frame.positions(ofTimex: index) else { continue }
            let distance = range.lowerBound > trigger.upperBound ? range.lowerBound - trigger.upperBound : max(0, trigger.lowerBound - range.upperBound)
            if timex.type == .duration {
                // "two-hour talks", "after 90 minutes of talks"
                if distance <= 2 || (range.upperBound + 2 == trigger.lowerBound && frame.words[range.upperBound + 1] == "of") {
                    result.duration = timex.value
                }
                continue
            }
            guard timex.type == .date || timex.type == .time, !timex.value.hasPrefix("P") else { continue }
            // The words between the two; none when they touch or overlap ("the week following").
            let between: Range<Int>
            if range.lowerBound > trigger.upperBound {
                between = (trigger.upperBound + 1)..<range.lowerBound
            } else if range.upperBound < trigger.lowerBound {
                between = (range.upperBound + 1)..<trigger.lowerBound
            } else {
                between = trigger.lowerBound..<trigger.lowerBound
            }
            if between.contains(where: { ArgumentFinder.stopsArguments(frame.words[$0]) && frame.words[$0] != "." })
                || otherTriggers.contains(where: { $0.isNoun && (between.contains($0.tokens.lowerBound) || $0.tokens.lowerBound == range.upperBound + 1) })
            { continue }
            if best == nil || distance < best!.distance { best = (distance, timex.value) }
        }
        if let best {
            result.value = best.value
            result.source = .sentence
            return result
        }
        if modality == .asserted || modality == .reported, let inherited = paragraphDate(before: frame.index, in: document) {
            result.value = inherited
            result.source = .paragraph
            return result
        }
        if let date = document.metadata.publicationDate {
            result.value = String(date.prefix(10))
            result.source = .publicationDate
        }
        return result
    }

    /// The last calendar date (not "now", not a span) of the earlier sentences of a paragraph.
    private func paragraphDate(before sentence: Int, in document: ArticleDocument) -> String? {
        // Paragraphs and timexes are in text order: binary searches, so that a long article is not
        // scanned once per event.
        let position = document.paragraphs.partitioningIndex { $0.sentences.upperBound > sentence }
        guard position < document.paragraphs.count, document.paragraphs[position].sentences.contains(sentence) else { return nil }
        let paragraph = document.paragraphs[position]
        guard paragraph.sentences.lowerBound < sentence else { return nil }
        let start = document.sentences[paragraph.sentences.lowerBound].span.start
        let end = document.sentences[sentence].span.start
        var index = document.timexes.partitioningIndex { $0.span.start >= end }
        while index > 0 {
            index -= 1
            let timex = document.timexes[index]
            guard timex.span.start >= start else { break }
            if timex.span.end <= end, timex.type == .date || timex.type == .time, timex.value.first?.isNumber == true {
                return timex.value.count >= 7 ? timex.value : nil  // a month or a day: a year is too coarse to carry over
            }
        }
        return nil
    }
}
