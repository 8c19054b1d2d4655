import ChronicleFoundation
import ChroniclePipeline

/// Trains the event tagger on TimeML EVENT annotations and measures it by cross-validation over
/// documents: the documents are dealt into folds from one seed, each fold is tagged by a model
/// trained on the others, and the scores of all folds are summed.
package struct EventTrainer {
    package let options: SequenceTrainer.Options
    let clusters: WordClusters
    let log: (String) -> Void

    package init(options: SequenceTrainer.Options, clusters: WordClusters, log: @escaping (String) -> Void) {
        self.options = options
        self.clusters = clusters
        self.log = log
    }

    /// A model trained on every document for `options.epochs` epochs.
    package func train(_ documents: [EventCorpus.Document]) -> SequenceModel {
        SequenceTrainer(options: options, log: log).train(
            kind: EventTagger.kind, featureVersion: EventFeatures.version, tags: EventTagger.tags, training: sentences(documents)
        ).model
    }

    /// The summed scores of `folds` folds; `byEpoch` gives the score after each epoch (from 1 to
    /// `options.epochs`), so one run shows how many epochs to train for.
    package func crossValidate(_ corpus: EventCorpus, folds: Int) -> [EventScore] {
        var random = SplitMix64(seed: options.seed)
        var order = Array(corpus.documents.indices)
        random.shuffle(&order)
        var fold = [Int](repeating: 0, count: corpus.documents.count)
        for (position, document) in order.enumerated() { fold[document] = position % folds }
        var scores = [EventScore](repeating: EventScore(), count: options.epochs)
        for k in 0..<folds {
            let training = corpus.documents.indices.filter { fold[$0] != k }.map { corpus.documents[$0] }
            let test = corpus.documents.indices.filter { fold[$0] == k }.map { corpus.documents[$0] }
            for epochs in 1...options.epochs {
                var epochOptions = options
                epochOptions.epochs = epochs
                let model = EventTrainer(options: epochOptions, clusters: clusters, log: { _ in }).train(training)
                scores[epochs - 1].add(Self.score(EventTagger(model: model, clusters: clusters), test))
            }
            log("fold \(k + 1)/\(folds): relaxed F1 \(String(format: "%.4f", scores[options.epochs - 1].relaxedF1)) so far")
        }
        return scores
    }

    func sentences(_ documents: [EventCorpus.Document]) -> [SequenceTrainer.Sentence] {
        let numbers = Dictionary(uniqueKeysWithValues: EventTagger.tags.enumerated().map { ($1, $0) })
        return documents.flatMap { document in
            zip(document.sentences, document.gold).map { sentence, gold in
                var hashes = FeatureRows<UInt64>()
                EventFeatures.extract(sentence, clusters: clusters, into: &hashes)
                return SequenceTrainer.Sentence(hashes: hashes, gold: gold.map { numbers[$0]! })
            }
        }
    }

    /// The tagger's events in `documents` scored against their gold EVENTs.
    package static func score(_ tagger: EventTagger, _ documents: [EventCorpus.Document]) -> EventScore {
        var score = EventScore()
        var workspace = SequenceModel.Workspace(model: tagger.model)
        var hashes = FeatureRows<UInt64>()
        for document in documents {
            var system: [EventScore.Mention] = []
            for (sentence, spans) in zip(document.sentences, document.spans) {
                for event in tagger.events(in: sentence, workspace: &workspace, hashes: &hashes) {
                    let span = TextSpan(start: spans[event.tokens.lowerBound].start, end: spans[event.tokens.upperBound - 1].end)
                    system.append(EventScore.Mention(span: span, attributes: ["class": event.eventClass]))
                }
            }
            score.add(gold: document.timeML.events.map(\.mention), system: system)
        }
        return score
    }
}

extension TimeMLDocument.Event {
    /// The event as the scorer reads it: span, class and the instance's attributes.
    package var mention: EventScore.Mention {
        var attributes = ["class": eventClass]
        attributes["tense"] = tense
        attributes["aspect"] = aspect
        attributes["polarity"] = polarity
        attributes["modality"] = modality
        return EventScore.Mention(span: span, attributes: attributes)
    }
}
