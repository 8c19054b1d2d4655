import ChronicleKnowledge
import ChroniclePipeline
import HTTPTypes
import Hummingbird

/// The dependencies every route group shares.
struct ChronicleAPI: Sendable {
    let configuration: ServerConfiguration
    let stores: StoreHolder
    let ingestor: ArticleIngestor

    func store() throws(Problem) -> KnowledgeStore { try stores.store() }

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
