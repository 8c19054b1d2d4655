import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ChronicleServer

/// Query strings are read as browsers and HTTP clients write them (HTML form encoding), and a
/// parameter is either given a value or left out.
@Suite("Query strings")
struct QueryStringTests {
    @Test("'+' is a space and percent escapes are decoded once, in what is stored and in what is searched")
    func formEncoding() async throws {
        try await TestService().run { client in
            let posted = try await client.post(
                "/v1/articles?source=Shanghai+Daily&title=100%25+sure%2B", "The council met on Tuesday.", contentType: "text/plain")
            #expect(posted.status == .created)
            let metadata = try #require(try posted.json()["metadata"] as? [String: Any])
            #expect(metadata["source"] as? String == "Shanghai Daily")
            #expect(metadata["title"] as? String == "100% sure+")
            for query in ["source=Shanghai+Daily", "source=Shanghai%20Daily", "source=shanghai+daily"] {
                let items = try await client.get("/v1/articles?\(query)").json()["items"] as? [[String: Any]]
                #expect(items?.count == 1, "\(query)")
            }
            let other = try await client.get("/v1/articles?source=Shanghai%2BDaily").json()["items"] as? [[String: Any]]
            #expect(other?.count == 0)
        }
    }

    @Test("a parameter with no value is a 400 that names it", arguments: [
        ("/v1/events?limit=", "limit"), ("/v1/events?to=", "to"), ("/v1/articles?source=&limit=2", "source"),
        ("/v1/stories?limit", "limit"), ("/v1/entities?q=", "q"),
    ])
    func emptyValues(uri: String, name: String) async throws {
        try await TestService().run { client in
            let response = try await client.get(uri)
            #expect(response.status == .badRequest)
            #expect(try response.problem().detail == "query parameter '\(name)' has no value; leave it out or give one")
        }
    }

    @Test("a date the calendar does not have is a 400; a leap day is a date", arguments: [
        ("2025-02-30", HTTPResponse.Status.badRequest), ("2025-02-29", .badRequest), ("2024-02-29", .ok), ("2025-04-31", .badRequest),
        ("2025-04-30", .ok), ("2025-13", .badRequest), ("2025-12", .ok), ("2025", .ok), ("25-01-01", .badRequest),
    ])
    func dates(value: String, status: HTTPResponse.Status) async throws {
        try await TestService().run { client in
            let events = try await client.get("/v1/events?from=\(value)")
            let articles = try await client.get("/v1/articles?to=\(value)")
            #expect(events.status == status)
            #expect(articles.status == status)
        }
    }

    @Test("an entity type is one of the five in any case of ASCII letters", arguments: [
        ("misc", HTTPResponse.Status.ok), ("Person", .ok), ("ORG", .ok), ("nOrP", .ok), ("GPE", .badRequest),
        ("m%C4%B1sc", .badRequest),  // "mısc": a dotless ı that uppercases to I
        ("PER%C5%BFON", .badRequest),  // "PERſON": a long s that uppercases to S
    ])
    func entityType(value: String, status: HTTPResponse.Status) async throws {
        try await TestService().run { client in
            let response = try await client.get("/v1/entities?type=\(value)")
            #expect(response.status == status)
            if status == .badRequest {
                let raw = try #require(value.removingPercentEncoding)
                #expect(try response.problem().detail == "type must be one of PERSON, ORG, LOC, NORP, MISC, not '\(raw)'")
            }
        }
    }
}
