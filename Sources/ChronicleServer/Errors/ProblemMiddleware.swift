import Hummingbird
import Logging

/// Turns every error into a problem+json response, so no handler formats errors itself and
/// nothing escapes as an unexplained 500.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Paths and their methods, to tell "no such path" (404) from "wrong method" (405).
    let routes: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let instance = request.uri.path
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            return problem.response(instance: instance)
        } catch let error as HTTPError where error.status == .notFound {
            if let allowed = routes.methods(forPath: request.uri.path), !allowed.contains(request.method) {
                var response = Problem(
                    .methodNotAllowed,
                    "\(request.method.rawValue) is not allowed on \(request.uri.path); allowed: \(allowed.map(\.rawValue).sorted().joined(separator: ", "))",
                    type: "method-not-allowed"
                ).response(instance: instance)
                response.headers[.allow] = allowed.map(\.rawValue).sorted().joined(separator: ", ")
                return response
            }
            return Problem.notFound(error.body ?? "no resource at \(request.uri.path)").response(instance: instance)
        } catch let error as any HTTPResponseError {
            let status = error.status
            let detail: String
            switch status {
            case .contentTooLarge: detail = "the request body is larger than the configured limit"
            default: detail = (error as? HTTPError)?.body ?? status.reasonPhrase
            }
            return Problem(status, detail).response(instance: instance)
        } catch {
            context.logger.error("unhandled error", metadata: ["error": "\(error)", "path": "\(instance)"])
            return Problem(.internalServerError, "internal error: \(error)").response(instance: instance)
        }
    }
}
