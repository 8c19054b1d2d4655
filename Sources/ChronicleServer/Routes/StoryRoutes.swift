import ChronicleKnowledge
import Hummingbird

extension ChronicleAPI {
    /// Stories group articles about one happening. Until the story layer groups them, the list
    /// is empty and every id is unknown.
    func addStoryRoutes(to router: APIRouter) {
        router.on(.get, "/v1/stories") { request, _ in
            let query = QueryParameters(request)
            try query.allowOnly(["limit", "cursor"])
            _ = try query.limit(max: configuration.maxPageLimit)
            _ = try query.cursor()
            _ = try store()
            return try JSONResponse.make(Page<String>(items: [], nextCursor: nil))
        }

        router.on(.get, "/v1/stories/:id") { _, context in
            let id = try context.parameters.require("id")
            throw Problem.notFound("no story with id '\(id)'")
        }
    }
}
