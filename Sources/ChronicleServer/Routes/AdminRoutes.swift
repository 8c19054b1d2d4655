import ChronicleKnowledge
import Hummingbird

extension ChronicleAPI {
    func addAdminRoutes(to router: APIRouter) {
        // A full rebuild compared with the live indexes: for crash tests and operators, not for polling.
        router.on(.get, "/v1/admin/verify") { request, _ in
            try authorizeWrite(request)
            return try JSONResponse.make(await store().verify())
        }
        router.on(.post, "/v1/admin/snapshot") { request, _ in
            try authorizeWrite(request)
            do {
                return try JSONResponse.make(try await store().writeSnapshot())
            } catch let error as KnowledgeStore.Unavailable {
                throw Problem.unavailable(error.description)
            }
        }
    }
}
