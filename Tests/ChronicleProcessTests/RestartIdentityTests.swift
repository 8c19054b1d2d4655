import ChronicleFoundation
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

    /// Posts the articles, deleting every seventh one stored so far (by a seeded choice) and
    /// taking a snapshot before article `snapshotAt`, if any.
    func fill(_ service: ServiceProcess, _ articles: [GeneratedArticles.Article], snapshotAt: Int?) async throws -> Int {
        var stored: [String] = []
        var random = SplitMix64(seed: 22)
        var deleted = 0
        for (index, article) in articles.enumerated() {
            if index == snapshotAt {
                #expect(try await service.request("POST", "/v1/admin/snapshot").status == 200)
            }
            let response = try await service.request(
                "POST", "/v1/articles?published_at=\(article.publishedAt)", body: Data(article.text.utf8), contentType: "text/plain")
            #expect(response.status == 201 || response.status == 200, "\(String(decoding: response.body, as: UTF8.self))")
            if response.status == 201, let id = try response.json()["id"] as? String { stored.append(id) }
            if index % 7 == 6, !stored.isEmpty {
                let id = stored.remove(at: random.below(stored.count))
                #expect(try await service.request("DELETE", "/v1/articles/" + id).status == 204)
                deleted += 1
            }
        }
        return deleted
    }

    func expectSame(_ before: [String: Data], _ after: [String: Data], _ when: String) {
        #expect(Set(after.keys) == Set(before.keys), "\(when)")
        for (path, body) in before.sorted(by: { $0.key < $1.key }) {
            #expect(after[path] == body, "\(path) differs \(when)")
        }
    }

    /// What `GET /v1/admin/verify` finds (once the stories owe no regroup after deletes).
    func differingIndexes(_ service: ServiceProcess) async throws -> [String] {
        try await service.request("GET", "/v1/admin/verify").json()["differing_indexes"] as? [String] ?? ["?"]
    }

    @Test(
        "240 generated articles with deletes, kill -9: every story, merged event and entity the same from the journal alone, from snapshot and journal, and from the snapshot alone",
        arguments: [nil, 120] as [Int?])
    func restartKeepsIds(snapshotAt: Int?) async throws {
        let directory = temporaryDirectory()
        let articles = GeneratedArticles.make(count: 240, seed: 21)
        let before: [String: Data]
        do {
            let service = try ServiceProcess(dataDirectory: directory)
            defer { service.kill9() }
            try await service.waitUntilReady()
            #expect(try await fill(service, articles, snapshotAt: snapshotAt) == 34)
            // Verify waits for the stories' regroup after the last delete.
            #expect(try await differingIndexes(service) == [])
            before = try await everything(service)
        }
        #expect(before.keys.filter { $0.hasPrefix("/v1/stories/") }.count >= 5)
        #expect(before.keys.filter { $0.hasPrefix("/v1/merged-events/") }.count >= 40)
        #expect(before.keys.filter { $0.hasPrefix("/v1/entities/") }.count >= 20)

        do {
            let restarted = try ServiceProcess(dataDirectory: directory)
            defer { restarted.kill9() }
            try await restarted.waitUntilReady()
            // The journal's deletes leave the restarted process owing a regroup: verify waits for it.
            #expect(try await differingIndexes(restarted) == [])
            expectSame(before, try await everything(restarted), snapshotAt == nil ? "after a restart from the journal" : "after a restart from snapshot and journal")
            // Everything in the snapshot, the journal gone with it.
            #expect(try await restarted.request("POST", "/v1/admin/snapshot").status == 200)
        }
        let again = try ServiceProcess(dataDirectory: directory)
        defer { again.kill9() }
        try await again.waitUntilReady()
        #expect(try await differingIndexes(again) == [])
        expectSame(before, try await everything(again), "after a restart from the snapshot alone")
    }
}
