import HTTPTypes
import Hummingbird

/// Cross-origin access for dashboards on other origins (`corsOrigins`): Hummingbird's
/// `CORSMiddleware` answering with the request's origin, for the configured origins only (its
/// own `oneOf` takes them only as a literal list). A request from any other origin gets no CORS
/// headers, so the browser keeps it from the page.
struct CORSPolicy<Context: RequestContext>: RouterMiddleware {
    let origins: Set<String>
    let allowsAll: Bool
    private let cors: CORSMiddleware<Context>

    init(origins: [String]) {
        self.origins = Set(origins)
        allowsAll = origins.contains("*")
        cors = CORSMiddleware(
            allowOrigin: allowsAll ? .all : .originBased,
            allowHeaders: [.accept, .contentType, .authorization, HTTPField.Name("Last-Event-ID")!],
            allowMethods: [.get, .post, .delete, .options], exposedHeaders: ["Location"], maxAge: .seconds(600))
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let origin = request.headers[.origin], allowsAll || origins.contains(origin) else {
            return try await next(request, context)
        }
        return try await cors.handle(request, context: context, next: next)
    }
}
