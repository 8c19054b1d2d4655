import ChronicleKnowledge
import ChroniclePipeline
import Hummingbird

extension ChronicleAPI {
    func addEventRoutes(to router: APIRouter) {
        router.on(.get, "/v1/event-types") { _, _ in
            try JSONResponse.make(EventOntology.shared)
        }

        router.on(.get, "/v1/events") { request, _ in
            let query = QueryParameters(request)
            try query.allowOnly(["entity", "type", "from", "to", "place", "story", "q", "limit", "cursor"])
            let eventQuery = EventQuery(
                entity: query.string("entity"), type: query.string("type"), from: try query.date("from"),
                to: try query.date("to"), place: query.string("place"), story: query.string("story"),
                text: query.string("q"), limit: try query.limit(max: configuration.maxPageLimit),
                cursor: try query.cursor())
            return try JSONResponse.make(try store().read { $0.events(eventQuery) })
        }

        router.on(.get, "/v1/events/:id") { _, context in
            let id = try context.parameters.require("id")
            guard let event = try store().read({ $0.event(id: id) }) else {
                throw Problem.notFound("no event with id '\(id)'")
            }
            return try JSONResponse.make(event)
        }
    }
}
