import Foundation
import ChronicleKnowledge
import ChroniclePipeline
import HTTPTypes
import Hummingbird

/// Registers routes on the Hummingbird router and remembers them in the route table (for 405s).
struct APIRouter {
    let router: Router<ChronicleRequestContext>
    let table: RouteTable

    typealias Handler = @Sendable (Request, ChronicleRequestContext) async throws -> Response

    /// A `GET` route also answers `HEAD` (RFC 9110 9.3.2: the same status and headers, no body),
    /// which uptime monitors and link checkers send: the router generates it
    /// (`autoGenerateHeadEndpoints`). `answersHead: false` for a route whose answer is a stream
    /// that would be opened for nothing: its `HEAD` is a 405 like any method it lacks.
    func on(_ method: HTTPRequest.Method, _ path: String, answersHead: Bool = true, _ handler: @escaping Handler) {
        table.add(path, method)
        router.on(RouterPath(path), method: method) { request, context in try await handler(request, context) }
        guard method == .get else { return }
        if answersHead {
            table.add(path, .head)
        } else {
            // Registered so the router does not generate it; the problem middleware turns the
            // 404 into a 405 with the route's `Allow`.
            router.on(RouterPath(path), method: .head) { _, _ -> Response in throw HTTPError(.notFound) }
        }
    }
}
