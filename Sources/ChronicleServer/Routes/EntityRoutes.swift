import ChronicleKnowledge
import ChroniclePipeline
import Hummingbird

extension ChronicleAPI {
    func addEntityRoutes(to router: APIRouter) {
        router.on(.get, "/v1/entities") { request, context in
            let query = try QueryParameters(request)
            try query.allowOnly(["q", "type", "limit", "cursor"])
            var type: EntityType?
            if let raw = query.string("type") {
                // ASCII letters in any case, as the OpenAPI pattern says (`uppercased()` alone
                // would also read the dotless `ı` of "mısc" as an I).
                guard raw.utf8.allSatisfy({ $0 < 0x80 }), let parsed = EntityType(rawValue: raw.uppercased()) else {
                    throw Problem.badRequest("type must be one of \(EntityType.allCases.map(\.rawValue).joined(separator: ", ")), not '\(raw)'")
                }
                type = parsed
            }
            var after: String?
            if let raw = query.string("cursor") {
                guard let id = EntityQuery.id(fromCursor: raw) else {
                    throw Problem.badRequest("cursor '\(raw)' is not one this service issued")
                }
                after = id
            }
            let entityQuery = EntityQuery(
                text: query.string("q"), type: type, limit: try query.limit(max: configuration.maxPageLimit), after: after)
            return try await cachedJSON(request, context: context) { $0.entities(entityQuery) }
        }

        router.on(.get, "/v1/entities/:id") { request, context in
            let id = try context.parameters.require("id")
            guard let entity = try store().read({ $0.entity(id: id) }) else {
                throw Problem.notFound("no entity with id '\(id)'")
            }
            return try context.json(entity, for: request)
        }
    }
}
