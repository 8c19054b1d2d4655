import ChronicleKnowledge
import Hummingbird

extension ChronicleAPI {
    func addTimelineRoutes(to router: APIRouter) {
        router.on(.get, "/v1/timeline") { request, _ in
            let query = QueryParameters(request)
            try query.allowOnly(["entity", "story", "from", "to"])
            let from = try query.date("from")
            let to = try query.date("to")
            if let story = query.string("story") {
                throw Problem.notFound("no story with id '\(story)'")
            }
            guard let entity = query.string("entity") else {
                throw Problem.badRequest("give entity=<id> or story=<id>")
            }
            guard let timeline = try store().read({ $0.timeline(entity: entity, from: from, to: to) }) else {
                throw Problem.notFound("no entity with id '\(entity)'")
            }
            return try JSONResponse.make(timeline)
        }
    }
}
