import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import ChronicleServer

@Suite("The five seeds through the HTTP API", .enabled(if: SharedMaterial.seedsAvailable, "../shared/seeds not found: seed HTTP tests skipped"))
struct SeedIngestionTests {
    @Test("each seed posted as text/plain comes out dated, with its date source, and once only")
    func seedsAreDated() async throws {
        let seeds = try SharedMaterial.seedFiles().map { try String(contentsOf: $0, encoding: .utf8) }
        #expect(seeds.count == 5)
        try await TestService().run { client in
            var ids: [String] = []
            var dates: [String] = []
            for seed in seeds {
                let response = try await client.post("/v1/articles", seed, contentType: "text/plain")
                #expect(response.status == .created)
                let json = try response.json()
                ids.append(try #require(json["id"] as? String))
                let metadata = try #require(json["metadata"] as? [String: Any])
                dates.append("\(metadata["publication_date"] ?? "-") \(metadata["date_source"] ?? "-")")
                #expect(((json["counts"] as? [String: Int])?["sentences"] ?? 0) > 5)
            }
            #expect(dates == [
                "2025-05-17 prefix", "2025-05-16 stamp", "2025-05-16 prefix", "2025-05-16 inferred", "2025-05-16 prefix",
            ])
            #expect(Set(ids).count == 5)
            // Sending them again finds each one.
            for (seed, id) in zip(seeds, ids) {
                let again = try await client.post("/v1/articles", seed, contentType: "text/plain")
                #expect(again.status == .ok)
                #expect(try again.json()["id"] as? String == id)
            }
            let list = try await client.get("/v1/articles?from=2025-05-16&to=2025-05-16").json()
            #expect((list["items"] as? [Any])?.count == 4)
            // Offsets are scalar offsets into the clean text: every token's span gives its text.
            let detail = try await client.get("/v1/articles/\(ids[1])").json()
            let text = Array(try #require(detail["text"] as? String).unicodeScalars)
            let tokens = try #require(detail["tokens"] as? [[String: Any]])
            for token in tokens {
                let span = try #require(token["span"] as? [String: Int])
                let slice = String(String.UnicodeScalarView(text[span["start"]!..<span["end"]!]))
                #expect(slice == token["text"] as? String)
            }
        }
    }
}
