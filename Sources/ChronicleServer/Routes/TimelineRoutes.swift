import ChronicleKnowledge
import Hummingbird

extension ChronicleAPI {
    /// Merged events of a story or an entity in time order; `format=timelinejs` gives the
    /// TimelineJS JSON a dashboard can draw as it is.
    func addTimelineRoutes(to router: APIRouter) {
        router.on(.get, "/v1/timeline") { request, _ in
            let query = QueryParameters(request)
            try query.allowOnly(["entity", "story", "from", "to", "format"])
            let from = try query.date("from")
            let to = try query.date("to")
            let format = query.string("format") ?? "json"
            guard ["json", "timelinejs"].contains(format) else {
                throw Problem.badRequest("format must be 'json' or 'timelinejs', not '\(format)'")
            }
            let timeline: StoryTimeline
            switch (query.string("story"), query.string("entity")) {
            case (let story?, nil):
                guard let found = try store().read({ $0.storyTimeline(story: story, from: from, to: to) }) else {
                    throw Problem.notFound("no story with id '\(story)'")
                }
                timeline = found
            case (nil, let entity?):
                guard let found = try store().read({ $0.entityTimeline(entity: entity, from: from, to: to) }) else {
                    throw Problem.notFound("no entity with id '\(entity)'")
                }
                timeline = found
            case (.some, .some):
                throw Problem.badRequest("give entity=<id> or story=<id>, not both")
            case (nil, nil):
                throw Problem.badRequest("give entity=<id> or story=<id>")
            }
            if format == "timelinejs" { return try JSONResponse.make(TimelineJSDocument(timeline)) }
            return try JSONResponse.make(timeline)
        }
    }
}
