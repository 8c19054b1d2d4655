import Hummingbird

extension ChronicleAPI {
    /// The built-in dashboard: `GET /` is its page, `GET /dashboard/{file}` its scripts and
    /// styles. Everything it shows it reads from the public JSON API.
    func addDashboardRoutes(to router: APIRouter) {
        let assets = DashboardAssets.bundled
        router.on(.get, "/") { request, context in
            guard let response = try await assets.response(for: DashboardAssets.page, request: request, context: context) else {
                throw Problem(.internalServerError, "the dashboard is missing from the build")
            }
            return response
        }
        router.on(.get, "/dashboard/:file") { request, context in
            let file = try context.parameters.require("file")
            guard file != DashboardAssets.page, let response = try await assets.response(for: file, request: request, context: context) else {
                throw Problem.notFound("the dashboard has no file '\(file)'")
            }
            return response
        }
    }
}
