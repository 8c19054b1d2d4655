import ChronicleFoundation
import ChronicleKnowledge
import ChroniclePipeline
import Foundation
import Metrics
import NIOPosix

/// Runs the pipeline on submitted articles and stores them: the one place that turns an
/// `ArticleRequest` into a stored record, for JSON, text, HTML, URL and NDJSON bodies alike.
struct ArticleIngestor: Sendable {
    let pipeline: Pipeline
    let stores: StoreHolder
    let fetcher: any PageFetcher
    /// Where the pipeline runs (`ExtractionThreads`).
    let threads: NIOThreadPool

    struct Outcome: Encodable {
        let id: String
        let duplicate: Bool
        let receivedAt: String
        let metadata: ArticleMetadata
        let counts: ExtractionCounts

        enum CodingKeys: String, CodingKey {
            case id, duplicate, metadata, counts
            case receivedAt = "received_at"
        }
    }

    /// Resolves a request to a pipeline input, fetching the page when only a URL was given.
    func input(for request: ArticleRequest) async throws(Problem) -> ArticleInput {
        switch try request.plan() {
        case .process(let input):
            return input
        case .fetch(let url, var metadata):
            do {
                let page = try await fetcher.fetch(url)
                metadata.body = page.body
                metadata.url = page.finalURL
                return metadata
            } catch let error as FetchError {
                throw .unprocessable("could not fetch \(url): \(error.description)")
            } catch {
                throw .unprocessable("could not fetch \(url): \(error)")
            }
        }
    }

    /// Runs the pipeline on the extraction threads.
    func extract(_ input: ArticleInput) async throws(Problem) -> ArticleDocument {
        let pipeline = self.pipeline
        let result: Result<ArticleDocument, PipelineError>
        do {
            result = try await threads.runIfActive { () -> Result<ArticleDocument, PipelineError> in
                ExtractionThreads.lowerCurrentThreadPriority()
                let start = ContinuousClock.now
                defer {
                    let elapsed = ContinuousClock.now - start
                    Timer(label: "chronicle_extraction_duration_seconds").recordNanoseconds(
                        elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
                }
                return Result { () throws(PipelineError) in try pipeline.run(input) }
            }
        } catch {
            throw .unavailable("the extraction threads are stopped: \(error)")
        }
        switch result {
        case .success(let document): return document
        case .failure(let error): throw .badRequest(error.description)
        }
    }

    /// `extract` as a result, for a task of a group.
    private func extractionResult(_ input: ArticleInput) async -> Result<ArticleDocument, Problem> {
        do {
            return .success(try await extract(input))
        } catch {
            return .failure(error)
        }
    }

    func ingest(_ input: ArticleInput) async throws(Problem) -> Outcome {
        try await ingest([input])[0].get()
    }

    /// Extracts the articles side by side on the extraction threads, then stores those that
    /// extracted as one batch (one journal write and fsync), in order. One result per input.
    func ingest(_ inputs: [ArticleInput]) async throws(Problem) -> [Result<Outcome, Problem>] {
        let store = try stores.store()
        let extracted = await withTaskGroup(of: (Int, Result<ArticleDocument, Problem>).self) { group in
            for (index, input) in inputs.enumerated() {
                group.addTask { (index, await extractionResult(input)) }
            }
            var results: [Int: Result<ArticleDocument, Problem>] = [:]
            for await (index, result) in group { results[index] = result }
            return inputs.indices.map { results[$0] ?? .failure(.unavailable("the article was not extracted")) }
        }
        let documents = extracted.compactMap { try? $0.get() }
        let stored: [KnowledgeStore.AddResult]
        do {
            stored = try await store.add(documents)
        } catch let error as KnowledgeStore.Unavailable {
            throw .unavailable(error.description)
        } catch {
            throw .unavailable("the store rejected the articles: \(error)")
        }
        var outcomes = stored.makeIterator()
        let results = extracted.map { extraction in extraction.map { _ in Self.outcome(outcomes.next()!) } }
        Gauge(label: "chronicle_articles_stored").record(store.read { $0.articleCount })
        return results
    }

    private static func outcome(_ result: KnowledgeStore.AddResult) -> Outcome {
        switch result {
        case .created(let record):
            Counter(label: "chronicle_articles_ingested_total").increment()
            return Outcome(record, duplicate: false)
        case .duplicate(let record):
            Counter(label: "chronicle_articles_duplicate_total").increment()
            return Outcome(record, duplicate: true)
        }
    }
}

extension ArticleIngestor.Outcome {
    init(_ record: ArticleRecord, duplicate: Bool) {
        self.init(
            id: record.id, duplicate: duplicate, receivedAt: record.receivedAt, metadata: record.document.metadata,
            counts: ExtractionCounts(record))
    }
}
