import ChronicleKnowledge
import Hummingbird

extension ChronicleAPI {
    /// Stories group the articles about one happening, with their merged events.
    func addStoryRoutes(to router: APIRouter) {
        router.on(.get, "/v1/stories") { request, context in
            let query = try QueryParameters(request)
            try query.allowOnly(["limit", "cursor"])
            let limit = try query.limit(max: configuration.maxPageLimit)
            let cursor = try query.cursor()
            return try await cachedJSON(request, context: context) { $0.stories(limit: limit, cursor: cursor) }
        }

        router.on(.get, "/v1/stories/:id") { request, context in
            let id = try context.parameters.require("id")
            guard let story = try store().read({ $0.story(id: id) }) else {
                throw Problem.notFound("no story with id '\(id)'")
            }
            return try context.json(story, for: request)
        }
    }
}
