import ChronicleKnowledge
import ChroniclePipeline
import HTTPTypes
import Hummingbird

/// The dependencies every route group shares.
struct ChronicleAPI: Sendable {
    let configuration: ServerConfiguration
    let stores: StoreHolder
    let ingestor: ArticleIngestor
    let responses: ResponseCache

    func store() throws(Problem) -> KnowledgeStore { try stores.store() }

    /// The JSON of what `read` finds in the store, from the response cache while the store has not
    /// changed since it was last read for the same request target; 304 for a client that already
    /// has it (Hummingbird's `If-None-Match` handling). `read` must depend on nothing but the state
    /// and the request.
    func cachedJSON(
        _ request: Request, context: ChronicleRequestContext, _ read: (StoreState) throws -> some Encodable
    ) async throws -> Response {
        let store = try store()
        let key = request.uri.description
        let identity = ObjectIdentifier(store)
        let answer: ResponseCache.Answer
        if let kept = responses.answer(for: key, store: identity, version: store.version) {
            answer = kept
        } else {
            let (value, version) = try store.read { state in (try read(state), state.revision) }
            answer = responses.keep(ByteBuffer(bytes: try context.responseEncoder.encode(value)), for: key, store: identity, version: version)
        }
        return try await request.ifNoneMatch(eTag: answer.etag, context: context) {
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: answer.body))
        }
    }

    /// Writes need `Authorization: Bearer <apiKey>` when a key is configured.
    func authorizeWrite(_ request: Request) throws(Problem) {
        guard let key = configuration.apiKey else { return }
        guard let header = request.headers[.authorization] else {
            throw Problem(.unauthorized, "this endpoint needs 'Authorization: Bearer <api key>'", type: "unauthorized")
        }
        guard header == "Bearer \(key)" else {
            throw Problem(.unauthorized, "the API key is not valid", type: "unauthorized")
        }
    }

    func register(on router: APIRouter) {
        addHealthRoutes(to: router)
        addArticleRoutes(to: router)
        addEntityRoutes(to: router)
        addEventRoutes(to: router)
        addTimelineRoutes(to: router)
        addStoryRoutes(to: router)
        addStreamRoutes(to: router)
        addAdminRoutes(to: router)
        addDashboardRoutes(to: router)
    }
}
