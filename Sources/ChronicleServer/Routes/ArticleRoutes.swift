import ChronicleKnowledge
import ChroniclePipeline
import Hummingbird

extension ChronicleAPI {
    func addArticleRoutes(to router: APIRouter) {
        router.on(.post, "/v1/articles") { request, context in
            try authorizeWrite(request)
            _ = try store()  // 503 while loading, before reading, parsing or fetching anything
            let kind = try RequestBody.kind(of: request)
            let body = try await RequestBody.text(of: request, limit: configuration.maxBodyBytes)
            if kind == .ndjson { return try await ingestLines(body, request: request, context: context) }
            let outcome = try await ingestor.ingest(try await input(kind: kind, body: body, request: request))
            let status: HTTPResponse.Status = outcome.duplicate ? .ok : .created
            return try context.json(outcome, for: request, status: status, headers: [.location: "/v1/articles/\(outcome.id)"])
        }

        router.on(.post, "/v1/extract") { request, context in
            let kind = try RequestBody.kind(of: request)
            guard kind != .ndjson else { throw Problem.badRequest("/v1/extract takes one article; POST NDJSON to /v1/articles") }
            let body = try await RequestBody.text(of: request, limit: configuration.maxBodyBytes)
            let document = try await ingestor.extract(try await input(kind: kind, body: body, request: request))
            return try context.json(ExtractionView(document), for: request)
        }

        router.on(.get, "/v1/articles") { request, context in
            let query = try QueryParameters(request)
            try query.allowOnly(["source", "from", "to", "limit", "cursor"])
            let articleQuery = ArticleQuery(
                source: query.string("source"), from: try query.date("from"), to: try query.date("to"),
                limit: try query.limit(max: configuration.maxPageLimit), cursor: try query.cursor())
            return try context.json(try store().read { $0.articles(articleQuery) }, for: request)
        }

        router.on(.get, "/v1/articles/:id") { request, context in
            let id = try context.parameters.require("id")
            guard let detail = try store().read({ $0.records[id].map(ArticleDetail.init) }) else {
                throw Problem.notFound("no article with id '\(id)'")
            }
            return try context.json(detail, for: request)
        }

        router.on(.delete, "/v1/articles/:id") { request, context in
            try authorizeWrite(request)
            let id = try context.parameters.require("id")
            let deleted: Bool
            do {
                deleted = try await store().delete(id: id)
            } catch let error as KnowledgeStore.Unavailable {
                throw Problem.unavailable(error.description)
            }
            guard deleted else { throw Problem.notFound("no article with id '\(id)'") }
            return Response(status: .noContent)
        }

        router.on(.get, "/v1/articles/:id/entities") { request, context in
            let id = try context.parameters.require("id")
            guard let entities = try store().read({ $0.entities(ofArticle: id) }) else {
                throw Problem.notFound("no article with id '\(id)'")
            }
            return try context.json(["items": entities], for: request)
        }

        router.on(.get, "/v1/articles/:id/timeline") { request, context in
            let id = try context.parameters.require("id")
            guard let timeline = try store().read({ $0.timeline(article: id) }) else {
                throw Problem.notFound("no article with id '\(id)'")
            }
            return try context.json(timeline, for: request)
        }
    }

    /// The pipeline input of a single-article body of the given kind.
    private func input(kind: RequestBody.Kind, body: String, request: Request) async throws(Problem) -> ArticleInput {
        switch kind {
        case .json:
            try QueryParameters(request).allowOnly([])
            return try await ingestor.input(for: try RequestBody.decodeJSON(ArticleRequest.self, from: body))
        case .text, .html:
            guard !ArticleRequest.isBlank(body) else { throw .badRequest("the article text is empty") }
            let query = try QueryParameters(request)
            try query.allowOnly(["source", "published_at", "title", "url", "external_id"])
            if let url = query.string("url"), let problem = ArticleRequest.urlProblem(url) { throw .badRequest(problem) }
            return ArticleInput(
                body: kind == .html ? .html(body) : .text(body), title: query.string("title"), url: query.string("url"),
                source: query.string("source"), publishedAt: query.string("published_at"),
                externalID: query.string("external_id"))
        case .ndjson:
            throw .badRequest("NDJSON holds many articles")
        }
    }

    /// NDJSON: one result per non-empty line; a bad line is reported and does not stop the others.
    private func ingestLines(_ body: String, request: Request, context: ChronicleRequestContext) async throws(Problem) -> Response {
        struct LineResult: Encodable {
            let line: Int
            let status: Int
            var id: String?
            var duplicate: Bool?
            var error: String?
        }
        struct Results: Encodable {
            let results: [LineResult]
            let created: Int
            let duplicates: Int
            let failed: Int
        }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { !$0.element.allSatisfy(\.isWhitespace) }
        guard !lines.isEmpty else { throw .badRequest("the NDJSON body has no lines") }
        guard lines.count <= configuration.maxNDJSONLines else {
            throw Problem(.contentTooLarge, "\(lines.count) lines; at most \(configuration.maxNDJSONLines) per request", type: "too-many-lines")
        }
        // Each line read (and its page fetched) in turn; then every good line extracted side by side
        // and stored as one batch, in line order.
        var lineResults = [LineResult?](repeating: nil, count: lines.count)
        var articles: [(position: Int, line: Int, input: ArticleInput)] = []
        for (position, (offset, line)) in lines.enumerated() {
            do {
                let article = try RequestBody.decodeJSON(ArticleRequest.self, from: String(line))
                articles.append((position, offset + 1, try await ingestor.input(for: article)))
            } catch {
                lineResults[position] = LineResult(line: offset + 1, status: error.status, error: error.detail)
            }
        }
        let outcomes: [Result<ArticleIngestor.Outcome, Problem>]
        do {
            outcomes = try await ingestor.ingest(articles.map(\.input))
        } catch {
            outcomes = articles.map { _ in .failure(error) }
        }
        for (article, outcome) in zip(articles, outcomes) {
            lineResults[article.position] =
                switch outcome {
                case .success(let stored):
                    LineResult(line: article.line, status: stored.duplicate ? 200 : 201, id: stored.id, duplicate: stored.duplicate)
                case .failure(let error): LineResult(line: article.line, status: error.status, error: error.detail)
                }
        }
        let results = lineResults.map { $0! }
        let created = results.filter { $0.status == 201 }.count
        let duplicates = results.filter { $0.status == 200 }.count
        let response = Results(results: results, created: created, duplicates: duplicates, failed: results.count - created - duplicates)
        do { return try context.json(response, for: request) } catch { throw Problem(.internalServerError, "\(error)") }
    }
}
