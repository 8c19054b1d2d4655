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
            // Links (which Schemathesis follows from lists to the items in them) name an operation
            // and parameters it has.
            var parametersByOperation: [String: Set<String>] = [:]
            var links: [(from: String, operation: String, parameters: [String])] = []
            for (path, item) in paths {
                let shared = (item["parameters"] as? [[String: Any]]) ?? []
                for (method, value) in item where methods.contains(method) {
                    let operation = try #require(value as? [String: Any])
                    let id = try #require(operation["operationId"] as? String, "\(method) \(path)")
                    let own = shared + ((operation["parameters"] as? [[String: Any]]) ?? [])
                    parametersByOperation[id] = Set(try own.map { parameter in
                        if let name = parameter["name"] as? String { return name }
                        let reference = try #require(parameter["$ref"] as? String)
                        let components = try #require(document["components"] as? [String: Any])
                        let named = (components["parameters"] as? [String: [String: Any]])?[String(reference.split(separator: "/").last!)]
                        return try #require(named?["name"] as? String, "\(reference)")
                    })
                    for case let response as [String: Any] in (operation["responses"] as? [String: Any] ?? [:]).values {
                        for case let link as [String: Any] in (response["links"] as? [String: Any] ?? [:]).values {
                            let target = try #require(link["operationId"] as? String)
                            links.append((id, target, Array((link["parameters"] as? [String: Any] ?? [:]).keys)))
                        }
                    }
                }
            }
            #expect(links.count >= 10)
            for link in links {
                let parameters = try #require(parametersByOperation[link.operation], "\(link.from) -> \(link.operation)")
                #expect(Set(link.parameters).isSubset(of: parameters), "\(link.from) -> \(link.operation): \(link.parameters)")
            }
        }
    }

    /// A JSON Schema `pattern` (ECMA-262, unanchored search, `$` only at the very end) as ICU reads it.
    static func regex(_ pattern: String) throws -> NSRegularExpression {
        let icu = pattern.hasSuffix("$") ? String(pattern.dropLast()) + "\\z" : pattern
        return try NSRegularExpression(pattern: icu)
    }

    static func matches(_ regex: NSRegularExpression, _ value: String) -> Bool {
        regex.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil
    }

    static func query(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }

    @Test("the document's patterns accept exactly the values the service accepts")
    func patternsAreTheService() async throws {
        let service = TestService()
        try await service.run { client in
            let document = try await client.get("/openapi.json").json()
            let components = try #require(document["components"] as? [String: Any])
            let parameters = try #require(components["parameters"] as? [String: [String: Any]])
            let schemas = try #require(components["schemas"] as? [String: [String: Any]])
            let article = try #require((schemas["ArticleRequest"]?["properties"]) as? [String: [String: Any]])
            func pattern(_ schema: [String: Any]?) throws -> NSRegularExpression {
                try Self.regex(try #require(schema?["pattern"] as? String))
            }
            let text = "Officials met in Geneva on Monday."

            let date = try pattern(parameters["From"]?["schema"] as? [String: Any])
            #expect(try pattern(parameters["To"]?["schema"] as? [String: Any]).pattern == date.pattern)
            for value in [
                "2025", "0000", "2025-05", "2025-00", "2025-13", "2025-05-16", "2024-02-29", "2025-02-29", "2000-02-29", "1900-02-29",
                "0400-02-29", "0100-02-29", "2025-04-30", "2025-04-31", "2025-12-31", "2025-5-16", "25", "2025-05-16T10", "2025-05-16\n",
            ] {
                let status = try await client.get("/v1/articles?from=\(Self.query(value))").status
                #expect((status == .ok) == Self.matches(date, value), "from=\(value): \(status)")
            }

            let published = try pattern(article["published_at"])
            let url = try pattern(article["url"])
            let nonBlank = try pattern(article["text"])
            #expect(try pattern(article["html"]).pattern == nonBlank.pattern)
            #expect(try pattern(parameters["TextPublishedAt"]?["schema"] as? [String: Any]).pattern == published.pattern)
            #expect(try pattern(parameters["TextUrl"]?["schema"] as? [String: Any]).pattern == url.pattern)
            for value in [
                "2025-05-16", "2025/05/16", "2025-05/16", " 2025-05-16\n", "2024-02-29", "2023-02-29", "0999-01-01", "3000-01-01",
                "2025-05-16T23:35", "2025-05-16 23:35", "2025-05-16t23:35:60.5", "2025-05-16T24:00", "2025-05-16T23:35:61",
                "2025-05-16T23:35:00.", "2025-05-16T23:35Z", "2025-05-16T23:35+08:00", "2025-05-16T23:35+0800", "2025-05-16T23:35\u{2212}5",
                "2025-05-16T23:35+15", "2025-05-16T23:35+14:60", "2025-05-16T23:35+:05", "2025-05-16T23:35+1:45", "2025-05-16T23:35+::1",
                "2025-05-16T23:35+12345", "2025-05-16T23:3", "yesterday",
            ] {
                let status = try await client.post("/v1/extract", jsonString(["text": text, "published_at": value])).status
                #expect((status == .ok) == Self.matches(published, value), "published_at \(value): \(status)")
            }
            for value in [
                "http://a", "HTTPS://example.org/a?b#c", "https://[::1]:8080/x", "http://", "http:///x", "http://?x", "http://a b",
                "http://a\u{7F}", "http://\u{e9}t\u{e9}.example/", "ftp://a", "javascript:alert(1)", "//example.org", "",
            ] {
                let status = try await client.post("/v1/extract", jsonString(["text": text, "url": value])).status
                #expect((status == .ok) == Self.matches(url, value), "url \(value): \(status)")
            }
            for value in ["", " ", "\n\t\u{0B}\u{0C}\r", "\u{85}\u{A0}\u{1680}\u{2000}\u{200A}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}", "\u{200B}", "x"] {
                let response = try await client.post("/v1/extract", jsonString(["text": value]))
                let empty = try response.status == .badRequest && response.problem().detail == "the article text is empty"
                #expect(empty != Self.matches(nonBlank, value), "text \(value.unicodeScalars.map { $0.value }): \(response.status)")
                let plain = try await client.post("/v1/extract", value, contentType: "text/plain")
                let plainEmpty = try plain.status == .badRequest && plain.problem().detail == "the article text is empty"
                #expect(plainEmpty == empty)
            }

            let entityParameters = try #require(
                ((document["paths"] as? [String: Any])?["/v1/entities"] as? [String: Any])?["get"] as? [String: Any])["parameters"] as? [[String: Any]]
            let type = try pattern(entityParameters?.first { $0["name"] as? String == "type" }?["schema"] as? [String: Any])
            for value in ["PERSON", "person", "Org", "loc", "NORP", "misc", "GPE", "PERSONS", "m\u{131}sc", "per\u{17F}on", "ORG "] {
                let status = try await client.get("/v1/entities?type=\(Self.query(value))").status
                #expect((status == .ok) == Self.matches(type, value), "type=\(value): \(status)")
            }

            // Every cursor the service issues has the documented shape.
            let cursor = try pattern(parameters["Cursor"]?["schema"] as? [String: Any])
            let entityCursor = try pattern(entityParameters?.first { $0["name"] as? String == "cursor" }?["schema"] as? [String: Any])
            for article in [
                "Officials of Ruritania met envoys of Freedonia in Geneva on Monday.",
                "An earthquake struck the coast of Chile on Tuesday, killing three people.",
                "Workers at the Norwegian port of Bergen went on strike on Thursday.",
            ] {
                #expect(try await client.post("/v1/articles", jsonString(["text": article])).status == .created)
            }
            for (list, regex) in [("articles", cursor), ("events", cursor), ("stories", cursor), ("entities", entityCursor)] {
                let page = try await client.get("/v1/\(list)?limit=1").json()
                let token = try #require(page["next_cursor"] as? String, "\(list): \(page)")
                #expect(Self.matches(regex, token), "\(list): \(token)")
                #expect(try await client.get("/v1/\(list)?limit=1&cursor=\(token)").status == .ok)
            }
        }
    }
}
