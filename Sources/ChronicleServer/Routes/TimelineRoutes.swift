import ChronicleKnowledge
import Hummingbird

extension ChronicleAPI {
    /// Merged events of a story or an entity in time order; `format=timelinejs` gives the
    /// TimelineJS JSON a dashboard can draw as it is.
    func addTimelineRoutes(to router: APIRouter) {
        router.on(.get, "/v1/timeline") { request, context in
            let query = try QueryParameters(request)
            try query.allowOnly(["entity", "story", "from", "to", "format"])
            let from = try query.date("from")
            let to = try query.date("to")
            let format = query.string("format") ?? "json"
            guard ["json", "timelinejs"].contains(format) else {
                throw Problem.badRequest("format must be 'json' or 'timelinejs', not '\(format)'")
            }
            let story = query.string("story")
            let entity = query.string("entity")
            switch (story, entity) {
            case (.some, .some): throw Problem.badRequest("give entity=<id> or story=<id>, not both")
            case (nil, nil): throw Problem.badRequest("give entity=<id> or story=<id>")
            default: break
            }
            return try await cachedJSON(request, context: context) { state throws(Problem) -> TimelineAnswer in
                let timeline: StoryTimeline
                if let story {
                    guard let found = state.storyTimeline(story: story, from: from, to: to) else {
                        throw Problem.notFound("no story with id '\(story)'")
                    }
                    timeline = found
                } else {
                    guard let entity, let found = state.entityTimeline(entity: entity, from: from, to: to) else {
                        throw Problem.notFound("no entity with id '\(entity ?? "")'")
                    }
                    timeline = found
                }
                return format == "timelinejs" ? .timelineJS(TimelineJSDocument(timeline)) : .timeline(timeline)
            }
        }
    }
}

/// A timeline in the format asked for.
private enum TimelineAnswer: Encodable {
    case timeline(StoryTimeline)
    case timelineJS(TimelineJSDocument)

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .timeline(let timeline): try timeline.encode(to: encoder)
        case .timelineJS(let document): try document.encode(to: encoder)
        }
    }
}
