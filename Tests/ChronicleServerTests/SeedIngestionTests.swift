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

    @Test("across the five seeds one entity per real thing, under every spelling, with its aliases")
    func seedsShareEntities() async throws {
        let seeds = try SharedMaterial.seedFiles().map { try String(contentsOf: $0, encoding: .utf8) }
        try await TestService().run { client in
            for seed in seeds {
                #expect(try await client.post("/v1/articles", seed, contentType: "text/plain").status == .created)
            }
            func entities(_ query: String) async throws -> [[String: Any]] {
                try #require(try await client.get("/v1/entities?\(query)").json()["items"] as? [[String: Any]])
            }
            func aliases(_ entity: [String: Any]) -> Set<String> {
                Set((entity["aliases"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? String })
            }
            // Zelensky / Zelenskyy, with and without his first name, in all five articles.
            for spelling in ["zelensky", "Zelenskyy", "zelenskiy"] {
                let found = try await entities("q=\(spelling)&type=PERSON")
                #expect(found.count == 1, "\(spelling): \(found.map { $0["name"] ?? "" })")
                let zelensky = try #require(found.first)
                #expect(aliases(zelensky).isSuperset(of: ["Zelensky", "Zelenskyy", "Volodymyr Zelensky", "Volodymyr Zelenskyy"]))
                #expect(zelensky["article_count"] as? Int == 5)
            }
            // Turkey / Türkiye: one place, in the four articles that name it.
            let turkey = try await entities("q=turkey&type=LOC")
            #expect(turkey.map { $0["name"] as? String } == ["Türkiye"])
            #expect(aliases(try #require(turkey.first)).isSuperset(of: ["Turkey", "Türkiye"]))
            #expect(turkey.first?["article_count"] as? Int == 4)
            // Medinsky: one person in all five, named in full and by surname.
            let medinsky = try await entities("q=medinsky")
            #expect(medinsky.map { $0["name"] as? String } == ["Vladimir Medinsky"])
            #expect(medinsky.first?["article_count"] as? Int == 5)
            #expect(aliases(try #require(medinsky.first)).isSuperset(of: ["Medinsky", "Vladimir Medinsky"]))
        }
    }

    @Test("an article's timexes come normalized, with its own timeline in calendar order")
    func seedTimeline() async throws {
        let seeds = try SharedMaterial.seedFiles().map { try String(contentsOf: $0, encoding: .utf8) }
        try await TestService().run { client in
            let created = try await client.post("/v1/articles", seeds[2], contentType: "text/plain").json()
            let id = try #require(created["id"] as? String)
            let detail = try await client.get("/v1/articles/\(id)").json()
            let timexes = try #require(detail["timexes"] as? [[String: Any]])
            #expect(timexes.contains { $0["text"] as? String == "Feb. 24, 2022" && $0["value"] as? String == "2022-02-24" && $0["granularity"] as? String == "day" })
            #expect(timexes.contains { $0["text"] as? String == "more than three years" && $0["value"] as? String == "P3Y" && $0["mod"] as? String == "MORE_THAN" })
            let timeline = try #require(detail["timeline"] as? [[String: Any]])
            #expect(timeline.compactMap { $0["value"] as? String } == ["2014", "2022", "2022-02-24", "2024", "2025-05-16", "2025-05-16"])
            #expect(timeline.first?["last"] as? String == "2014-12-31")
            // The article's timeline endpoint lists the same dates beside its events.
            let dates = try await client.get("/v1/articles/\(id)/timeline").json()["dates"] as? [[String: Any]]
            #expect(dates?.compactMap { $0["value"] as? String } == ["2014", "2022", "2022-02-24", "2024", "2025-05-16", "2025-05-16"])
        }
    }
}
