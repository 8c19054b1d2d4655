import ChronicleKnowledge
import Hummingbird

extension ChronicleAPI {
    func addAdminRoutes(to router: APIRouter) {
        // A full rebuild compared with the live indexes: for crash tests and operators, not for polling.
        router.on(.get, "/v1/admin/verify") { request, context in
            try authorizeWrite(request)
            return try context.json(await store().verify(), for: request)
        }
        router.on(.post, "/v1/admin/snapshot") { request, context in
            try authorizeWrite(request)
            do {
                return try context.json(try await store().writeSnapshot(), for: request)
            } catch let error as KnowledgeStore.Unavailable {
                throw Problem.unavailable(error.description)
            }
        }
    }
}
