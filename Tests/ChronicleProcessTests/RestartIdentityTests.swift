import ChronicleTestSupport
import Foundation
import Testing

/// Ids that never move: what a client read before a crash it reads again after the restart, byte
/// for byte, whether the state came back from the snapshot, the journal, or both.
@Suite("Ids and contents survive kill -9", .serialized, .enabled(if: ServiceProcess.binaryAvailable, "chronicle binary not built"))
struct RestartIdentityTests {
    /// Every story, merged event and entity the service shows, by path, with its JSON.
    func everything(_ service: ServiceProcess) async throws -> [String: Data] {
        var pages: [String: Data] = [:]
        for list in ["/v1/stories", "/v1/entities"] {
            var cursor: String?
            repeat {
                let page = try await service.request("GET", list + "?limit=200" + (cursor.map { "&cursor=\($0)" } ?? "")).json()
                for item in page["items"] as? [[String: Any]] ?? [] {
                    let path = list + "/" + (try #require(item["id"] as? String))
                    pages[path] = try await service.request("GET", path).body
                }
                cursor = page["next_cursor"] as? String
            } while cursor != nil
        }
        for (path, body) in pages where path.hasPrefix("/v1/stories/") {
            let story = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
            for event in story["events"] as? [[String: Any]] ?? [] {
                let path = "/v1/merged-events/" + (try #require(event["id"] as? String))
                pages[path] = try await service.request("GET", path).body
            }
        }
        return pages
    }

    @Test("240 generated articles, a snapshot after 120, kill -9: every story, merged event and entity the same")
    func restartKeepsIds() async throws {
        let directory = temporaryDirectory()
        let articles = GeneratedArticles.make(count: 240, seed: 21)
        let before: [String: Data]
        do {
            let service = try ServiceProcess(dataDirectory: directory)
            defer { service.kill9() }
            try await service.waitUntilReady()
            for (index, article) in articles.enumerated() {
                if index == articles.count / 2 {
                    #expect(try await service.request("POST", "/v1/admin/snapshot").status == 200)
                }
                let response = try await service.request(
                    "POST", "/v1/articles?published_at=\(article.publishedAt)", body: Data(article.text.utf8), contentType: "text/plain")
                #expect(response.status == 201 || response.status == 200, "\(String(decoding: response.body, as: UTF8.self))")
            }
            before = try await everything(service)
        }
        #expect(before.keys.filter { $0.hasPrefix("/v1/stories/") }.count >= 8)
        #expect(before.keys.filter { $0.hasPrefix("/v1/merged-events/") }.count >= 40)
        #expect(before.keys.filter { $0.hasPrefix("/v1/entities/") }.count >= 20)

        let restarted = try ServiceProcess(dataDirectory: directory)
        defer { restarted.kill9() }
        try await restarted.waitUntilReady()
        let after = try await everything(restarted)
        #expect(Set(after.keys) == Set(before.keys))
        for (path, body) in before.sorted(by: { $0.key < $1.key }) {
            #expect(after[path] == body, "\(path) differs after the restart")
        }
        #expect(try await restarted.request("GET", "/v1/admin/verify").json()["differing_indexes"] as? [String] == [])
    }
}
