import Foundation
import Testing

@testable import ChronicleServer

@Suite("OpenAPI document")
struct OpenAPITests {
    @Test("GET /openapi.json is OpenAPI 3.1 and documents exactly the routes the router serves")
    func documentsEveryRoute() async throws {
        let service = TestService()
        let table = service.table
        try await service.run { client in
            let response = try await client.get("/openapi.json")
            #expect(response.status == .ok)
            let document = try response.json()
            #expect((document["openapi"] as? String)?.hasPrefix("3.1") == true)
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let methods: Set<String> = ["get", "post", "put", "patch", "delete", "head", "options"]
            let documented = Set(paths.flatMap { path, item in item.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" } })
            // HEAD is every GET without its body, so the document leaves it implicit.
            let served = Set(table.all.flatMap { route in route.methods.subtracting([.head]).map { "\($0.rawValue) \(route.path)" } })
            #expect(documented == served)
            // Every operation documents its responses, and errors use the problem schema.
            for (path, item) in paths {
                for (method, operation) in item where methods.contains(method) {
                    let responses = try #require((operation as? [String: Any])?["responses"] as? [String: Any], "\(method) \(path)")
                    #expect(!responses.isEmpty, "\(method) \(path)")
                }
            }
        }
    }
}
