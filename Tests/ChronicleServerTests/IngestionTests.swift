import ChronicleKnowledge
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import ChronicleServer

@Suite("POST /v1/articles and /v1/extract")
struct IngestionTests {
    let article = "Officials met in Geneva on Monday. They agreed to meet again next week."

    @Test("JSON: 201 with id, Location, metadata and counts; the same text again is a 200 duplicate")
    func jsonThenDuplicate() async throws {
        try await TestService().run { client in
            let body = jsonString(["text": article, "source": "Test Wire", "title": "Geneva talks"])
            let created = try await client.post("/v1/articles", body)
            #expect(created.status == .created)
            let json = try created.json()
            let id = try #require(json["id"] as? String)
            #expect(id.hasPrefix("art_"))
            #expect(json["duplicate"] as? Bool == false)
            #expect(created.headers[.location] == "/v1/articles/\(id)")
            let metadata = try #require(json["metadata"] as? [String: Any])
            #expect(metadata["source"] as? String == "Test Wire")
            #expect(metadata["title"] as? String == "Geneva talks")
            #expect((json["counts"] as? [String: Int])?.keys.sorted()
                == ["entities", "events", "paragraphs", "quotations", "quoted_terms", "sentences", "timexes", "tokens"])

            let again = try await client.post("/v1/articles", jsonString(["text": "  " + article.uppercased() + "\n"]))
            #expect(again.status == .ok)
            #expect(try again.json()["id"] as? String == id)
            #expect(try again.json()["duplicate"] as? Bool == true)
        }
    }

    @Test("null is the same as leaving a field out; an http(s) url beside the text is recorded, not fetched")
    func nullsAndRecordedURL() async throws {
        try await TestService().run { client in
            let body = #"{"text": "Officials met in Geneva on Monday.", "html": null, "title": null, "source": null, "#
                + #""published_at": null, "external_id": null, "url": "HTTPS://example.org/a?b=1#c"}"#
            let created = try await client.post("/v1/articles", body)
            #expect(created.status == .created)
            let metadata = try #require(try created.json()["metadata"] as? [String: Any])
            #expect(metadata["title"] == nil && metadata["source"] == nil && metadata["external_id"] == nil)
            #expect(metadata["date_source"] as? String != "supplied")
            #expect(metadata["url"] as? String == "HTTPS://example.org/a?b=1#c")
        }
    }

    @Test("text/plain with metadata in the query; text/html as a page")
    func plainAndHTML() async throws {
        try await TestService().run { client in
            let plain = try await client.post(
                "/v1/articles?source=Wire&published_at=2025-05-16&title=Talks", article, contentType: "text/plain; charset=utf-8")
            #expect(plain.status == .created)
            let metadata = try #require(try plain.json()["metadata"] as? [String: Any])
            #expect(metadata["source"] as? String == "Wire")
            #expect(metadata["publication_date"] as? String == "2025-05-16")
            #expect(metadata["date_source"] as? String == "supplied")

            let page = "<html><head><title>Quake</title><script>var x = 1;</script></head><body><p>An earthquake struck the coast on Tuesday.</p></body></html>"
            let html = try await client.post("/v1/articles", page, contentType: "text/html")
            #expect(html.status == .created)
            let id = try #require(try html.json()["id"] as? String)
            let detail = try await client.get("/v1/articles/\(id)").json()
            #expect(detail["text"] as? String == "An earthquake struck the coast on Tuesday.")
        }
    }

    @Test("NDJSON: one result per line; bad lines do not reject good ones")
    func ndjson() async throws {
        try await TestService().run { client in
            let lines = [
                jsonString(["text": "First report of the day."]),
                "{\"text\": broken",
                jsonString(["text": "   "]),
                "",
                jsonString(["text": "First report of the day."]),
                jsonString(["text": "Second report of the day."]),
            ].joined(separator: "\n")
            let response = try await client.post("/v1/articles", lines, contentType: "application/x-ndjson")
            #expect(response.status == .ok)
            let json = try response.json()
            let results = try #require(json["results"] as? [[String: Any]])
            #expect(results.map { $0["line"] as? Int } == [1, 2, 3, 5, 6])
            #expect(results.map { $0["status"] as? Int } == [201, 400, 400, 200, 201])
            #expect((results[1]["error"] as? String)?.hasPrefix("malformed JSON at line 1, column 10") == true)
            #expect(results[2]["error"] as? String == "the article text is empty")
            #expect(results[3]["id"] as? String == results[0]["id"] as? String)
            #expect(json["created"] as? Int == 2)
            #expect(json["duplicates"] as? Int == 1)
            #expect(json["failed"] as? Int == 2)
            #expect(try await client.get("/v1/articles").json()["items"].map { ($0 as? [Any])?.count } == 2)
        }
    }

    @Test("NDJSON: the lines are stored as one batch (one journal write), in line order, and extracted side by side")
    func ndjsonBatch() async throws {
        let store = KnowledgeStore()
        let service = TestService(stores: StoreHolder(store))
        try await service.run { client in
            let texts = (1...8).map { "Report \($0): the harbour of Port Vale reopened after a storm, officials said on Monday." }
            let lines = (texts + [texts[2], "{}"]).map { $0 == "{}" ? $0 : jsonString(["text": $0]) }.joined(separator: "\n")
            let before = store.committedBatches.load(ordering: .relaxed)
            let response = try await client.post("/v1/articles", lines, contentType: "application/x-ndjson")
            #expect(response.status == .ok)
            #expect(store.committedBatches.load(ordering: .relaxed) == before + 1)
            let results = try #require(try response.json()["results"] as? [[String: Any]])
            #expect(results.map { $0["status"] as? Int } == [201, 201, 201, 201, 201, 201, 201, 201, 200, 400])
            #expect(results[8]["id"] as? String == results[2]["id"] as? String)
            // Arrival order is line order: the newest article is the last line stored.
            let listed = try #require(try await client.get("/v1/articles?limit=20").json()["items"] as? [[String: Any]])
            #expect(listed.compactMap { $0["id"] as? String } == results[0..<8].reversed().compactMap { $0["id"] as? String })
        }
    }

    @Test("too many NDJSON lines is a 413 and stores nothing")
    func ndjsonLineLimit() async throws {
        var service = TestService()
        service.configuration.maxNDJSONLines = 2
        let stores = service.stores
        try await service.run { client in
            let lines = (1...3).map { jsonString(["text": "Report \($0)."]) }.joined(separator: "\n")
            let response = try await client.post("/v1/articles", lines, contentType: "application/x-ndjson")
            #expect(response.status == .contentTooLarge)
            #expect(try response.problem().detail == "3 lines; at most 2 per request")
            #expect(stores.read { $0.articleCount } == 0)
        }
    }

    @Test("POST /v1/extract returns the full extraction and stores nothing")
    func extract() async throws {
        let service = TestService()
        try await service.run { client in
            let response = try await client.post("/v1/extract", jsonString(["text": article]))
            #expect(response.status == .ok)
            let json = try response.json()
            #expect(json["text"] as? String == article)
            #expect((json["stages"] as? [String])?.first == "text")
            #expect((json["sentences"] as? [Any])?.count == 2)
            #expect(try await client.get("/v1/articles").json()["items"].map { ($0 as? [Any])?.count } == 0)
        }
    }

    @Test("DELETE removes the article; a second DELETE is a 404")
    func delete() async throws {
        try await TestService().run { client in
            let id = try #require(try await client.post("/v1/articles", jsonString(["text": article])).json()["id"] as? String)
            #expect(try await client.execute(uri: "/v1/articles/\(id)", method: .delete).status == .noContent)
            #expect(try await client.get("/v1/articles/\(id)").status == .notFound)
            let again = try await client.execute(uri: "/v1/articles/\(id)", method: .delete)
            #expect(again.status == .notFound)
            #expect(try again.problem().detail == "no article with id '\(id)'")
        }
    }
}
