import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import ChronicleServer

/// `corsOrigins`: a dashboard on another origin may call the API; other origins get no CORS
/// headers, and with none configured nothing changes.
@Suite("CORS for dashboards on other origins")
struct CORSTests {
    func request(_ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, origin: String, preflight: Bool = false)
        async throws -> TestResponse
    {
        var headers = HTTPFields()
        headers[.origin] = origin
        if preflight {
            headers[.accessControlRequestMethod] = "POST"
            headers[.accessControlRequestHeaders] = "content-type, authorization"
        }
        return try await client.execute(uri: uri, method: method, headers: headers)
    }

    @Test("a configured origin is allowed, in preflights and answers, errors included; another is not")
    func configuredOrigins() async throws {
        var service = TestService()
        service.configuration.corsOrigins = ["https://dash.example"]
        try await service.run { client in
            let preflight = try await request(client, .options, "/v1/articles", origin: "https://dash.example", preflight: true)
            #expect(preflight.status == .noContent || preflight.status == .ok)
            #expect(preflight.headers[.accessControlAllowOrigin] == "https://dash.example")
            #expect(preflight.headers[.accessControlAllowMethods]?.contains("POST") == true)
            #expect(preflight.headers[.accessControlAllowHeaders]?.lowercased().contains("authorization") == true)
            let read = try await request(client, .get, "/v1/stories", origin: "https://dash.example")
            #expect(read.status == .ok)
            #expect(read.headers[.accessControlAllowOrigin] == "https://dash.example")
            let missing = try await request(client, .get, "/v1/stories/sto_none", origin: "https://dash.example")
            #expect(missing.status == .notFound)
            #expect(missing.headers[.accessControlAllowOrigin] == "https://dash.example")
            let other = try await request(client, .get, "/v1/stories", origin: "https://elsewhere.example")
            #expect(other.status == .ok)
            #expect(other.headers[.accessControlAllowOrigin] == nil)
        }
    }

    @Test("with no origins configured, no CORS headers")
    func noneConfigured() async throws {
        try await TestService().run { client in
            let read = try await request(client, .get, "/v1/stories", origin: "https://dash.example")
            #expect(read.headers[.accessControlAllowOrigin] == nil)
        }
    }
}
