import ChronicleKnowledge
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import ChronicleServer

@Suite("Bad input: problem+json with the right status, store untouched")
struct ProblemTests {
    /// Runs `body` against a fresh service and checks afterwards that nothing was stored.
    func expectUntouched(_ service: TestService = TestService(), _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void)
        async throws
    {
        let stores = service.stores
        try await service.run(body)
        #expect(stores.read { $0.articleCount } == 0)
    }

    @Test("malformed JSON names the line and column")
    func malformedJSON() async throws {
        try await expectUntouched { client in
            let response = try await client.post("/v1/articles", "{\n  \"text\": \"a\",\n  \"title\" 3\n}")
            #expect(response.status == .badRequest)
            #expect(try response.problem().detail == "malformed JSON at line 3, column 11 (byte 27): expected ':' after the key, found '3'")
        }
    }

    @Test("deeply nested JSON is refused before decoding")
    func deepJSON() async throws {
        try await expectUntouched { client in
            let body = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
            let response = try await client.post("/v1/articles", body)
            #expect(response.status == .badRequest)
            #expect(try response.problem().detail.hasSuffix("nested deeper than 64 levels"))
        }
    }

    @Test("missing, empty and conflicting article fields", arguments: [
        ("{\"title\": \"No body\"}", "missing article: give \"text\", \"html\" or \"url\""),
        ("{\"text\": \"  \\n \"}", "the article text is empty"),
        ("{\"text\": \"a\", \"html\": \"<p>b</p>\"}", "give either \"text\" or \"html\", not both"),
        // Both given, one of them empty: still both (the OpenAPI document's `not: {required: [text, html]}`).
        ("{\"text\": \"\", \"html\": \"<p>b</p>\"}", "give either \"text\" or \"html\", not both"),
        ("{\"text\": \"a\", \"html\": \"\"}", "give either \"text\" or \"html\", not both"),
        ("{\"html\": \"\\u3000\\u0085 \"}", "the article text is empty"),
        ("{\"text\": null, \"html\": null}", "missing article: give \"text\", \"html\" or \"url\""),
        // A url, fetched or only recorded, is an http(s) address.
        ("{\"text\": \"a\", \"url\": \"javascript:alert(1)\"}", "url must be an http or https address (http://host/path), not 'javascript:alert(1)'"),
        ("{\"url\": \"ftp://example.org/a\"}", "url must be an http or https address (http://host/path), not 'ftp://example.org/a'"),
        ("{\"url\": \"file:///etc/passwd\"}", "url must be an http or https address (http://host/path), not 'file:///etc/passwd'"),
        ("{\"url\": \"https:///x\"}", "url must be an http or https address (http://host/path), not 'https:///x'"),
        ("{\"url\": \"https://a b\"}", "url must be an http or https address (http://host/path), not 'https://a b'"),
        ("{\"text\": 42}", "wrong type at \"text\": expected String"),
        ("[1, 2]", "wrong type at the top level: expected Dictionary<String, Any>"),
    ])
    func missingText(body: String, detail: String) async throws {
        try await expectUntouched { client in
            let response = try await client.post("/v1/articles", body)
            #expect(response.status == .badRequest)
            #expect(try response.problem().detail == detail)
        }
    }

    @Test("an empty text/plain body is a 400")
    func emptyPlain() async throws {
        try await expectUntouched { client in
            let response = try await client.post("/v1/articles", "\n\n", contentType: "text/plain")
            #expect(response.status == .badRequest)
            #expect(try response.problem().detail == "the article text is empty")
        }
    }

    @Test("a text/plain body's url parameter is an http(s) address too")
    func plainURL() async throws {
        try await expectUntouched { client in
            let response = try await client.post("/v1/articles?url=example.org%2Fa", "Officials met in Geneva.", contentType: "text/plain")
            #expect(response.status == .badRequest)
            #expect(try response.problem().detail == "url must be an http or https address (http://host/path), not 'example.org/a'")
        }
    }

    @Test("wrong or missing content type is a 415")
    func unsupportedMediaType() async throws {
        try await expectUntouched { client in
            let response = try await client.post("/v1/articles", "x", contentType: "application/pdf")
            #expect(response.status == .unsupportedMediaType)
            #expect(try response.problem().detail
                == "Content-Type application/pdf is not supported; send one of: application/json, text/plain, text/html, application/x-ndjson")
            let none = try await client.execute(uri: "/v1/articles", method: .post, body: ByteBuffer(string: "x"))
            #expect(none.status == .unsupportedMediaType)
        }
    }

    @Test("a body over the limit is a 413")
    func tooLarge() async throws {
        var service = TestService()
        service.configuration.maxBodyBytes = 1000
        try await expectUntouched(service) { client in
            let response = try await client.post("/v1/articles", String(repeating: "word ", count: 400), contentType: "text/plain")
            #expect(response.status == .contentTooLarge)
            #expect(try response.problem().detail == "the request body is larger than the limit of 1000 bytes")
        }
    }

    @Test("invalid UTF-8 is a 400 with the offset")
    func invalidUTF8() async throws {
        try await expectUntouched { client in
            var buffer = ByteBuffer(string: "Valid start ")
            buffer.writeBytes([0xC3, 0x28])
            let response = try await client.execute(
                uri: "/v1/articles", method: .post, headers: [.contentType: "text/plain"], body: buffer)
            #expect(response.status == .badRequest)
            #expect(try response.problem().detail == "the body is not valid UTF-8 (first invalid byte at offset 12)")
        }
    }

    @Test("unknown ids are 404s", arguments: [
        "/v1/articles/art_missing", "/v1/articles/art_missing/entities", "/v1/articles/art_missing/timeline",
        "/v1/entities/ent_missing", "/v1/events/art_missing.e0", "/v1/stories/sto_missing", "/v1/nothing-here",
    ])
    func notFound(path: String) async throws {
        try await expectUntouched { client in
            let response = try await client.get(path)
            #expect(response.status == .notFound)
            #expect(try response.problem().status == 404)
        }
    }

    @Test("bad query parameters are 400s that name the parameter", arguments: [
        ("/v1/articles?limit=0", "limit must be an integer from 1 to 200, not '0'"),
        ("/v1/articles?limit=ten", "limit must be an integer from 1 to 200, not 'ten'"),
        ("/v1/events?from=yesterday", "from must be a date like 2025-05-16 (or 2025-05, 2025), not 'yesterday'"),
        ("/v1/events?cursor=%%%", "query parameter 'cursor' has a bad percent escape: '%%%'"),
        ("/v1/events?cursor=ab%25c", "cursor 'ab%c' is not one this service issued"),
        ("/v1/articles?colour=red", "unknown query parameter 'colour'; this endpoint takes: cursor, from, limit, source, to"),
        ("/v1/entities?type=ANIMAL", "type must be one of PERSON, ORG, LOC, NORP, MISC, not 'ANIMAL'"),
        ("/v1/timeline", "give entity=<id> or story=<id>"),
        ("/v1/events?to=2025-13", "to must be a date like 2025-05-16 (or 2025-05, 2025), not '2025-13'"),
        ("/v1/entities?cursor=bm9wZQ", "cursor 'bm9wZQ' is not one this service issued"),
        ("/v1/stories?cursor=zz", "cursor 'zz' is not one this service issued"),
    ])
    func badQuery(uri: String, detail: String) async throws {
        try await expectUntouched { client in
            let response = try await client.get(uri)
            #expect(response.status == .badRequest)
            #expect(try response.problem().detail == detail)
        }
    }

    @Test("a wrong method is a 405 with Allow")
    func methodNotAllowed() async throws {
        try await expectUntouched { client in
            let response = try await client.execute(uri: "/v1/articles/art_1", method: .put)
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == "DELETE, GET, HEAD")
            #expect(try response.problem().detail == "PUT is not allowed on /v1/articles/art_1; allowed: DELETE, GET, HEAD")
        }
    }

    @Test("with an API key, writes need it and reads do not")
    func apiKey() async throws {
        var service = TestService()
        service.configuration.apiKey = "s3cret"
        try await expectUntouched(service) { client in
            let missing = try await client.post("/v1/articles", jsonString(["text": "A report."]))
            #expect(missing.status == .unauthorized)
            #expect(try missing.problem().detail == "this endpoint needs 'Authorization: Bearer <api key>'")
            let wrong = try await client.post("/v1/articles", jsonString(["text": "A report."]), headers: [.authorization: "Bearer nope"])
            #expect(wrong.status == .unauthorized)
            #expect(try await client.execute(uri: "/v1/articles/x", method: .delete).status == .unauthorized)
            #expect(try await client.execute(uri: "/v1/admin/snapshot", method: .post).status == .unauthorized)
            #expect(try await client.get("/v1/articles").status == .ok)
        }
        try await service.run { client in
            let good = try await client.post("/v1/articles", jsonString(["text": "A report."]), headers: [.authorization: "Bearer s3cret"])
            #expect(good.status == .created)
        }
    }

    @Test("while the store loads: healthz is up, readyz and store endpoints are 503")
    func loading() async throws {
        let service = TestService(stores: StoreHolder())
        try await service.run { client in
            #expect(try await client.get("/healthz").text == "ok\n")
            let ready = try await client.get("/readyz")
            #expect(ready.status == .serviceUnavailable)
            #expect(ready.headers[.retryAfter] == "5")
            #expect(try await client.post("/v1/articles", jsonString(["text": "A report."])).status == .serviceUnavailable)
            #expect(try await client.get("/v1/events").status == .serviceUnavailable)
        }
    }

    @Test("a JSON body takes no query parameters")
    func jsonWithQuery() async throws {
        try await expectUntouched { client in
            let response = try await client.post("/v1/articles?source=x", jsonString(["text": "A report."]))
            #expect(response.status == .badRequest)
            #expect(try response.problem().detail == "unknown query parameter 'source'; this endpoint takes: none with this content type")
        }
    }

    @Test("an invalid published_at is a 400")
    func invalidDate() async throws {
        try await expectUntouched { client in
            let response = try await client.post("/v1/articles", jsonString(["text": "A report.", "published_at": "16/05/2025"]))
            #expect(response.status == .badRequest)
            #expect(try response.problem().detail
                == "published_at '16/05/2025' is not an ISO 8601 date (2025-05-16) or date-time (2025-05-16T23:35:00Z)")
        }
    }
}
