import ChronicleFoundation
import ChroniclePipeline

/// Chronicle's own TIMEX3s and EVENTs for a TimeML document's text, its gold tags ignored: the
/// temporal tagger over the whole text, and the event tagger over each sentence of it.
package struct TimeMLAnnotator: Sendable {
    let temporal: TemporalTagger
    let parser: ShallowParser
    let events: EventTagger
    let segmenter = PlainTextSegmenter()

    package init(temporal: TemporalTagger, parser: ShallowParser, events: EventTagger) {
        self.temporal = temporal
        self.parser = parser
        self.events = events
    }

    package static func bundled() throws(ResourceError) -> TimeMLAnnotator {
        TimeMLAnnotator(temporal: try TemporalTagger(), parser: try ShallowParser.bundled.get(), events: try EventTagger.bundled.get())
    }

    /// The timexes the writer keeps and every event, with scalar spans into the text.
    package func annotate(_ document: TimeMLDocument) -> (timexes: [TimexMention], events: [TimeMLWriter.Event]) {
        let found = temporal.timexes(in: document.text, documentCreationTime: document.creationTime)
        let timexes = TimeMLWriter.kept(found, textLength: document.text.unicodeScalars.count)
        var parsing = ShallowParser.Workspace(parser: parser)
        var tagging = EventTagger.Workspace(tagger: events)
        var result: [TimeMLWriter.Event] = []
        let (sentences, tokens) = segmenter.segment(document.text)
        for sentence in sentences {
            let sentenceTokens = Array(tokens[sentence.tokens])
            let parsed = parser.parse(sentenceTokens.map(\.text), workspace: &parsing)
            for event in events.events(in: parsed, workspace: &tagging) {
                let head = event.tokens.upperBound - 1
                result.append(
                    TimeMLWriter.Event(
                        span: TextSpan(start: sentenceTokens[event.tokens.lowerBound].span.start, end: sentenceTokens[head].span.end),
                        eventClass: event.eventClass, tense: event.tense, aspect: event.aspect, polarity: event.polarity,
                        modality: event.modality == EventAttributeClassifier.noModality ? nil : event.modality,
                        partOfSpeech: Self.timeMLPartOfSpeech(parsed.partsOfSpeech[head])))
            }
        }
        return (timexes, result)
    }

    /// TimeML's coarse `pos` for a Penn tag.
    static func timeMLPartOfSpeech(_ tag: String) -> String {
        if tag.hasPrefix("VB") || tag == "MD" { return "VERB" }
        if tag.hasPrefix("NN") { return "NOUN" }
        if tag.hasPrefix("JJ") { return "ADJECTIVE" }
        if tag == "IN" || tag == "TO" { return "PREPOSITION" }
        return "OTHER"
    }
}
