import ChronicleFoundation
import ChroniclePipeline

/// Trains the event tagger on TimeML EVENT annotations and measures it by cross-validation over
/// documents: the documents are dealt into folds from one seed, each fold is tagged by a model
/// trained on the others, and the scores of all folds are summed.
package struct EventTrainer {
    package let options: SequenceTrainer.Options
    let clusters: WordClusters
    let senses: WordSenses
    let log: (String) -> Void

    package init(options: SequenceTrainer.Options, clusters: WordClusters, senses: WordSenses, log: @escaping (String) -> Void) {
        self.options = options
        self.clusters = clusters
        self.senses = senses
        self.log = log
    }

    /// The tagger trained on every document for `options.epochs` epochs: the mention tagger, and
    /// an attribute classifier per attribute trained on the gold mentions.
    package func train(_ documents: [EventCorpus.Document]) -> EventTagger {
        let model = SequenceTrainer(options: options, log: log).train(
            kind: EventTagger.kind, featureVersion: EventFeatures.version, tags: EventTagger.tags, training: sentences(documents)
        ).model
        return EventTagger(model: model, attributes: trainAttributes(documents), clusters: clusters, senses: senses)
    }

    /// One classifier per attribute, on the gold mentions that have a value for it; the values
    /// are those training has, modality's rare ones (seen under five times) read as none.
    func trainAttributes(_ documents: [EventCorpus.Document]) -> EventAttributeClassifier {
        var examples: [(hashes: FeatureRows<UInt64>, values: [String: String])] = []
        for document in documents {
            for (sentence, spans) in zip(document.sentences, document.spans) {
                guard let first = spans.first, let last = spans.last else { continue }
                for event in document.timeML.events where event.span.start >= first.start && event.span.end <= last.end {
                    guard let index = spans.lastIndex(where: { $0.start < event.span.end && $0.end > event.span.start }) else { continue }
                    var hashes = FeatureRows<UInt64>()
                    EventAttributeFeatures.extract(sentence, index: index, into: &hashes)
                    var values: [String: String] = [:]
                    values["tense"] = event.tense
                    values["aspect"] = event.aspect
                    if document.timeML.polarityIsReliable { values["polarity"] = event.polarity }
                    if event.tense != nil { values["modality"] = event.modality?.lowercased() ?? EventAttributeClassifier.noModality }
                    examples.append((hashes, values))
                }
            }
        }
        var models: [SequenceModel] = []
        for attribute in EventAttributeClassifier.attributes {
            var counts: [String: Int] = [:]
            for example in examples { if let value = example.values[attribute] { counts[value, default: 0] += 1 } }
            let kept = Set(counts.filter { $0.value >= 5 }.keys).union([EventAttributeClassifier.noModality].filter { _ in attribute == "modality" })
            let tags = kept.sorted()
            let numbers = Dictionary(uniqueKeysWithValues: tags.enumerated().map { ($1, $0) })
            let training = examples.compactMap { example -> SequenceTrainer.Sentence? in
                guard let value = example.values[attribute] else { return nil }
                guard let number = numbers[value] ?? numbers[EventAttributeClassifier.noModality] else { return nil }
                return SequenceTrainer.Sentence(hashes: example.hashes, gold: [number])
            }
            models.append(
                SequenceTrainer(options: options, log: log).train(
                    kind: EventAttributeClassifier.kind(attribute), featureVersion: EventAttributeFeatures.version, tags: tags,
                    training: training
                ).model)
        }
        return EventAttributeClassifier(models: models)
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
                let tagger = EventTrainer(options: epochOptions, clusters: clusters, senses: senses, log: { _ in }).train(training)
                scores[epochs - 1].add(Self.score(tagger, test))
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
                EventFeatures.extract(sentence, clusters: clusters, senses: senses, into: &hashes)
                return SequenceTrainer.Sentence(hashes: hashes, gold: gold.map { numbers[$0]! })
            }
        }
    }

    /// The tagger's events in `documents` scored against their gold EVENTs.
    package static func score(_ tagger: EventTagger, _ documents: [EventCorpus.Document]) -> EventScore {
        var score = EventScore()
        var workspace = EventTagger.Workspace(tagger: tagger)
        for document in documents {
            var system: [EventScore.Mention] = []
            for (sentence, spans) in zip(document.sentences, document.spans) {
                for event in tagger.events(in: sentence, workspace: &workspace) {
                    let span = TextSpan(start: spans[event.tokens.lowerBound].start, end: spans[event.tokens.upperBound - 1].end)
                    system.append(EventScore.Mention(span: span, attributes: event.attributes))
                }
            }
            score.add(document: document.timeML, system: system)
        }
        return score
    }
}
