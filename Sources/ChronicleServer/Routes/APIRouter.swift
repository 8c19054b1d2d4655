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

/// Typed, validated query parameters: a bad value is a 400 that names the parameter.
struct QueryParameters {
    let request: Request

    init(_ request: Request) { self.request = request }

    func string(_ name: String) -> String? {
        guard let value = request.uri.queryParameters[Substring(name)], !value.isEmpty else { return nil }
        return String(value).removingPercentEncoding ?? String(value)
    }

    func limit(default value: Int = 20, max: Int) throws(Problem) -> Int {
        guard let raw = string("limit") else { return value }
        guard let limit = Int(raw), (1...max).contains(limit) else {
            throw .badRequest("limit must be an integer from 1 to \(max), not '\(raw)'")
        }
        return limit
    }

    /// A `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) bound; `to` bounds are completed to the period's end.
    func date(_ name: String) throws(Problem) -> String? {
        guard let raw = string(name) else { return nil }
        guard Self.isCalendarDate(raw), let range = TimexRange(value: raw) else {
            throw .badRequest("\(name) must be a date like 2025-05-16 (or 2025-05, 2025), not '\(raw)'")
        }
        return name == "to" ? range.last : range.first
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` in ASCII digits with a real month and day.
    static func isCalendarDate(_ raw: String) -> Bool {
        let parts = raw.split(separator: "-", omittingEmptySubsequences: false)
        let widths = [4, 2, 2]
        guard (1...3).contains(parts.count),
            zip(parts, widths).allSatisfy({ part, width in part.count == width && part.utf8.allSatisfy { (48...57).contains($0) } })
        else { return false }
        if parts.count >= 2, !(1...12).contains(Int(parts[1])!) { return false }
        if parts.count == 3, !(1...31).contains(Int(parts[2])!) { return false }
        return true
    }

    func cursor() throws(Problem) -> Cursor? {
        guard let raw = string("cursor") else { return nil }
        guard let cursor = Cursor(token: raw) else { throw .badRequest("cursor '\(raw)' is not one this service issued") }
        return cursor
    }

    /// Rejects parameters the endpoint does not know, so a typo is not silently ignored.
    func allowOnly(_ names: Set<String>) throws(Problem) {
        for (key, _) in request.uri.queryParameters where !names.contains(String(key)) {
            let accepted = names.isEmpty ? "none with this content type" : names.sorted().joined(separator: ", ")
            throw .badRequest("unknown query parameter '\(key)'; this endpoint takes: \(accepted)")
        }
    }
}
