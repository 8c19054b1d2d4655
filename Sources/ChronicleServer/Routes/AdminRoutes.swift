import ChronicleKnowledge
import Hummingbird

extension ChronicleAPI {
    func addAdminRoutes(to router: APIRouter) {
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
