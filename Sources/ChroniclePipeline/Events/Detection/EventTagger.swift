import ChronicleFoundation

/// An event mention as TimeML marks it: the tokens of its trigger, its class and its
/// instance's attributes.
package struct DetectedEvent: Sendable, Equatable {
    /// Token indexes within the sentence.
    package var tokens: Range<Int>
    /// OCCURRENCE, REPORTING, STATE, I_ACTION, I_STATE, ASPECTUAL or PERCEPTION.
    package var eventClass: String
    /// PAST, PRESENT, FUTURE, INFINITIVE, PRESPART, PASTPART or NONE.
    package var tense: String?
    /// NONE, PROGRESSIVE, PERFECTIVE or PERFECTIVE_PROGRESSIVE.
    package var aspect: String?
    /// POS or NEG.
    package var polarity: String?
    /// The modal word ("would", "could", "may"), or NONE.
    package var modality: String?

    package init(
        tokens: Range<Int>, eventClass: String, tense: String? = nil, aspect: String? = nil, polarity: String? = nil,
        modality: String? = nil
    ) {
        self.tokens = tokens
        self.eventClass = eventClass
        self.tense = tense
        self.aspect = aspect
        self.polarity = polarity
        self.modality = modality
    }
}

/// Finds the event mentions of a sentence, of any kind (verbs, event nouns such as "talks" and
/// "election", some adjectives and states), with their TimeML class: an averaged-perceptron
/// sequence tagger over IOB2 tags (`B-OCCURRENCE`, `I-OCCURRENCE`, ..., `O`), trained by
/// `chronicle timeml train` on the EVENT annotations of TimeBank and AQUAINT
/// (`Resources/events/events_detection_model.bin`); `EventAttributeClassifier` gives each mention
/// its tense, aspect, polarity and modality.
package struct EventTagger: Sendable {
    package static let modelPath = "events/events_detection_model.bin"
    package static let kind = "events"
    package static let classes = ["ASPECTUAL", "I_ACTION", "I_STATE", "OCCURRENCE", "PERCEPTION", "REPORTING", "STATE"]
    /// The tag names, in model order.
    package static let tags = ["O"] + classes.flatMap { ["B-\($0)", "I-\($0)"] }

    package let model: SequenceModel
    package let attributes: EventAttributeClassifier?
    package let clusters: WordClusters
    package let senses: WordSenses

    /// Loaded once per process; building a stage that needs it reports a missing or malformed file.
    package static let bundled = Result { () throws(ResourceError) in try EventTagger(reader: .pipeline) }

    package init(model: SequenceModel, attributes: EventAttributeClassifier?, clusters: WordClusters, senses: WordSenses) {
        self.model = model
        self.attributes = attributes
        self.clusters = clusters
        self.senses = senses
    }

    init(reader: ResourceReader) throws(ResourceError) {
        let model = try SequenceModel(
            reader: reader, path: Self.modelPath, kind: Self.kind, featureVersion: EventFeatures.version, retrain: "chronicle timeml train")
        self.init(
            model: model, attributes: try EventAttributeClassifier(reader: reader), clusters: try WordClusters.bundled.get(),
            senses: try WordSenses.bundled.get())
    }

    /// This tagger without TimeML's modality attribute (`EventAttributeClassifier.withoutModality`).
    package var withoutModality: EventTagger {
        EventTagger(model: model, attributes: attributes?.withoutModality, clusters: clusters, senses: senses)
    }

    /// Tag numbers (into `model.tags`) for one parsed sentence; `offsets`, by tag, are added to
    /// every word's scores before decoding.
    package func tag(
        _ sentence: ParsedSentence, workspace: inout SequenceModel.Workspace, hashes: inout FeatureRows<UInt64>, offsets: [Float]? = nil
    ) -> [Int] {
        hashes.removeAll()
        EventFeatures.extract(sentence, clusters: clusters, senses: senses, into: &hashes)
        return model.decode(hashes, workspace: &workspace, offsets: offsets)
    }

    /// The sentence's event mentions that `keeping` accepts, with their attributes when the
    /// tagger has the classifiers (given to the kept ones only).
    package func events(
        in sentence: ParsedSentence, workspace: inout Workspace, offsets: [Float]? = nil, keeping: (DetectedEvent) -> Bool = { _ in true }
    ) -> [DetectedEvent] {
        let tags = tag(sentence, workspace: &workspace.tagging, hashes: &workspace.hashes, offsets: offsets)
        return Self.events(fromTags: tags.map { model.tags[$0] }).filter(keeping).map { describe($0, in: sentence, workspace: &workspace) }
    }

    /// `event` with the tense, aspect, polarity and modality of its last token, when the tagger
    /// has the classifiers: also for a mention found another way (a trigger of the ontology).
    package func describe(_ event: DetectedEvent, in sentence: ParsedSentence, workspace: inout Workspace) -> DetectedEvent {
        guard let attributes else { return event }
        var event = event
        let values = attributes.attributes(
            of: sentence, index: event.tokens.upperBound - 1, workspace: &workspace.attributes!, hashes: &workspace.hashes)
        event.tense = values["tense"]
        event.aspect = values["aspect"]
        event.polarity = values["polarity"]
        event.modality = values["modality"]
        return event
    }

    /// Buffers reused from sentence to sentence by one caller.
    package struct Workspace {
        var tagging: SequenceModel.Workspace
        /// Nil when the tagger has no attribute classifiers.
        var attributes: EventAttributeClassifier.Workspace?
        var hashes = FeatureRows<UInt64>()

        package init(tagger: EventTagger) {
            tagging = SequenceModel.Workspace(model: tagger.model)
            attributes = tagger.attributes.map(EventAttributeClassifier.Workspace.init)
        }
    }

    /// The mentions an IOB2 tag sequence marks.
    package static func events(fromTags tags: [String]) -> [DetectedEvent] {
        var events: [DetectedEvent] = []
        for (index, tag) in tags.enumerated() {
            if tag.hasPrefix("B-") {
                events.append(DetectedEvent(tokens: index..<(index + 1), eventClass: String(tag.dropFirst(2))))
            } else if tag.hasPrefix("I-"), let last = events.last, last.tokens.upperBound == index, "I-" + last.eventClass == tag {
                events[events.count - 1].tokens = last.tokens.lowerBound..<(index + 1)
            }
        }
        return events
    }
}
