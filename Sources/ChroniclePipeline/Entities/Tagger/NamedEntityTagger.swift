import ChronicleFoundation
import Foundation

/// The statistical named-entity tagger: an averaged-perceptron model over hashed features,
/// decoded with Viterbi under BILOU constraints, in two passes. The first pass sees each
/// sentence's own features; the second adds what the first pass found across the whole
/// document (the same word tagged elsewhere, headline words spelled normally in the text).
public struct NamedEntityTagger: EntityRecognizer, Sendable {
    package let model: TaggerModel
    private let table: FeatureTable
    /// Each pass's weights as the decoder reads them.
    private let passes: [WeightBlock]
    private let extractor: FeatureExtractor

    package init(model: TaggerModel, clusters: WordClusters) {
        self.model = model
        table = FeatureTable(keys: model.keys)
        passes = model.passes.map { WeightBlock($0, rows: model.keys.count, tagCount: EntityTagSet.count) }
        extractor = FeatureExtractor(gazetteers: model.gazetteers, clusters: clusters)
    }

    /// The model committed under `Resources/ner/` (trained on CoNLL-2003), loaded once per process.
    public static let bundled = Result { () throws(ResourceError) in try NamedEntityTagger(reader: .pipeline) }

    init(reader: ResourceReader) throws(ResourceError) {
        let path = "ner/ner_model.bin"
        do {
            self.init(model: try TaggerModel(data: try reader.data(path)), clusters: try WordClusters.bundled.get())
        } catch let error as ResourceError {
            throw error
        } catch {
            throw ResourceError(file: path, problem: "\(error); retrain it with `chronicle ner train`")
        }
    }

    /// Whether training text writes this word in lower case more often than capitalised
    /// ("may", "rice"; not "Trump").
    public func isCommonWord(_ token: String) -> Bool {
        model.lowercaseWords.contains(TokenFeatures(token).lower)
    }

    /// IOB2 tags for the sentences of one document (document-level features look across all of
    /// them, so pass a whole article at once).
    package func tag(sentences: [[String]]) -> [[String]] {
        tagBILOU(sentences: sentences).map(EntityTagSet.iob2)
    }

    /// BILOU tag indexes, sentence by sentence.
    package func tagBILOU(sentences: [[String]]) -> [[Int]] {
        let document = extractor.prepare(sentences)
        var decoder = ViterbiDecoder(scheme: EntityTagSet.scheme)
        var hashes = FeatureRows<UInt64>()
        var scratch = WeightBlock.Scratch()
        var local: [FeatureRows<Int32>] = []
        var homeKeys: [UInt64] = []
        var tags: [[Int]] = []
        local.reserveCapacity(sentences.count)
        for index in sentences.indices {
            hashes.removeAll()
            FeatureExtractor.localFeatures(document, sentence: index, into: &hashes)
            var rows = FeatureRows<Int32>()
            table.rows(of: hashes, into: &rows, scratch: &homeKeys)
            local.append(rows)
            tags.append(passes[0].decode(rows, scratch: &scratch, decoder: &decoder))
        }
        guard model.passes.count > 1 else { return tags }

        let firstPass = tags.flatMap { $0 }
        let summary = FirstPassSummary(tokens: document.tokens, sentences: document.sentences, tags: firstPass)
        for index in sentences.indices {
            hashes.removeAll()
            FeatureExtractor.documentFeatures(document, summary: summary, tags: firstPass, sentence: index, into: &hashes)
            var rows = FeatureRows<Int32>()
            table.rows(of: hashes, into: &rows, scratch: &homeKeys)
            tags[index] = passes[1].decode(local[index], plus: rows, scratch: &scratch, decoder: &decoder)
        }
        return tags
    }

    /// The document's entity mentions, one per tagged span, with scalar offsets taken from its
    /// tokens. Types are the CoNLL ones; the entity stage refines nationalities into NORP.
    public func entities(in document: ArticleDocument) -> [EntityMention] {
        let sentences = document.sentences.map { document.tokens[$0.tokens].map(\.text) }
        let tags = tagBILOU(sentences: sentences)
        let scalars = Array(document.text.unicodeScalars)
        let types: [EntityType] = [.person, .organization, .location, .miscellaneous]
        var mentions: [EntityMention] = []
        for (sentence, sentenceTags) in zip(document.sentences, tags) {
            for found in EntityTagSet.spans(sentenceTags) {
                let first = document.tokens[sentence.tokens.lowerBound + found.range.lowerBound]
                let last = document.tokens[sentence.tokens.lowerBound + found.range.upperBound - 1]
                let span = TextSpan(start: first.span.start, end: last.span.end)
                mentions.append(EntityMention(span: span, text: makeString(scalars[span.start..<span.end]), type: types[found.type]))
            }
        }
        return mentions
    }
}
