import ChronicleFoundation

/// TimeML's tense, aspect, polarity and modality of an event mention, each from its own
/// multiclass averaged perceptron (a `SequenceModel` over one-token sentences), trained by
/// `chronicle timeml train` on the MAKEINSTANCE attributes of TimeBank and AQUAINT
/// (`Resources/events/events_<attribute>_model.bin`).
package struct EventAttributeClassifier: Sendable {
    /// The attributes in the order of `models`.
    package static let attributes = ["tense", "aspect", "polarity", "modality"]
    /// The value of `modality` for an event with none (the files leave the attribute out).
    package static let noModality = "NONE"

    package static func modelPath(_ attribute: String) -> String { "events/events_\(attribute)_model.bin" }
    package static func kind(_ attribute: String) -> String { "event-\(attribute)" }

    /// One model per attribute, in the order of `attributes`.
    package let models: [SequenceModel]
    /// Whether `attributes(of:)` also gives `modality`.
    private let givesModality: Bool
    /// The models share their features: a mention's are looked up once for all of them.
    private let shared: SharedFeatureRows

    package init(models: [SequenceModel], givesModality: Bool = true) {
        self.init(models: models, givesModality: givesModality, shared: SharedFeatureRows(models: models))
    }

    private init(models: [SequenceModel], givesModality: Bool, shared: SharedFeatureRows) {
        precondition(models.count == Self.attributes.count)
        self.models = models
        self.givesModality = givesModality
        self.shared = shared
    }

    /// This classifier without modality: the event stage reads how an event is presented from
    /// the text itself (`ModalityDetector`), and a model fewer is a model fewer per event.
    package var withoutModality: EventAttributeClassifier {
        EventAttributeClassifier(models: models, givesModality: false, shared: shared)
    }

    init(reader: ResourceReader) throws(ResourceError) {
        var models: [SequenceModel] = []
        for attribute in Self.attributes {
            models.append(
                try SequenceModel(
                    reader: reader, path: Self.modelPath(attribute), kind: Self.kind(attribute),
                    featureVersion: EventAttributeFeatures.version, retrain: "chronicle timeml train"))
        }
        self.init(models: models)
    }

    /// The attribute values of the mention ending at token `index`, by attribute name.
    package func attributes(
        of sentence: ParsedSentence, index: Int, workspace: inout Workspace, hashes: inout FeatureRows<UInt64>
    ) -> [String: String] {
        hashes.removeAll()
        EventAttributeFeatures.extract(sentence, index: index, into: &hashes)
        shared.lookUp(hashes, into: &workspace.shared, scratch: &workspace.homeKeys)
        var result: [String: String] = [:]
        for (number, model) in models.enumerated() where givesModality || Self.attributes[number] != "modality" {
            shared.rows(of: workspace.shared, model: number, into: &workspace.own)
            result[Self.attributes[number]] = model.tags[model.decode(rows: workspace.own, workspace: &workspace.models[number])[0]]
        }
        return result
    }

    /// Buffers reused from mention to mention by one caller.
    package struct Workspace {
        var models: [SequenceModel.Workspace]
        var shared = FeatureRows<Int32>()
        var own = FeatureRows<Int32>()
        var homeKeys: [UInt64] = []

        package init(classifier: EventAttributeClassifier) { models = classifier.models.map(SequenceModel.Workspace.init) }
    }
}
