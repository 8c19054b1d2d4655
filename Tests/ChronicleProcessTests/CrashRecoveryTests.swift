import ChronicleTestSupport
import Foundation
import Testing

/// The real binary, killed with SIGKILL and restarted: nothing that got a 201 may be lost.
@Suite("Crash recovery of the real process", .serialized, .enabled(if: ServiceProcess.binaryAvailable, "chronicle binary not built"))
struct CrashRecoveryTests {
    /// Ingests `articles` as text/plain (as `curl --data-binary @file` does), kills the process,
    /// restarts it, and expects every article and its extraction back, byte for byte.
    func ingestKillRestart(_ articles: [Data]) async throws -> [String] {
        let directory = temporaryDirectory()
        var ids: [String] = []
        var before: [String: Data] = [:]
        do {
            let service = try ServiceProcess(dataDirectory: directory)
            defer { service.kill9() }
            try await service.waitUntilReady()
            for article in articles {
                let response = try await service.request("POST", "/v1/articles", body: article, contentType: "text/plain")
                #expect(response.status == 201, "\(String(decoding: response.body, as: UTF8.self))")
                let id = try #require(try response.json()["id"] as? String)
                ids.append(id)
                before[id] = try await service.request("GET", "/v1/articles/\(id)").body
            }
        }
        let restarted = try ServiceProcess(dataDirectory: directory)
        defer { restarted.kill9() }
        try await restarted.waitUntilReady()
        for id in ids {
            let response = try await restarted.request("GET", "/v1/articles/\(id)")
            #expect(response.status == 200)
            #expect(response.body == before[id], "article \(id) differs after the restart")
        }
        let list = try await restarted.request("GET", "/v1/articles?limit=200").json()
        #expect((list["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String }.sorted() == ids.sorted())
        return ids
    }

    @Test("the five seeds survive kill -9", .enabled(if: SharedData.seedsAvailable, "../shared/seeds not found: seed crash test skipped"))
    func seedsSurviveKill() async throws {
        let articles = try SharedData.seedFiles().map { try Data(contentsOf: $0) }
        #expect(articles.count == 5)
        let ids = try await ingestKillRestart(articles)
        #expect(Set(ids).count == 5)
    }

    @Test("articles written for the test survive kill -9")
    func fixturesSurviveKill() async throws {
        let articles = (1...12).map { index in
            Data("Report \(index): the council met on Tuesday and agreed to build \(index * 10) new homes.\n\nResidents welcomed the plan.".utf8)
        }
        _ = try await ingestKillRestart(articles)
    }

    @Test("kill -9 during concurrent ingestion loses no acknowledged article and duplicates none")
    func killDuringConcurrentIngestion() async throws {
        let directory = temporaryDirectory()
        let service = try ServiceProcess(dataDirectory: directory)
        try await service.waitUntilReady()
        let acknowledged = await withTaskGroup(of: String?.self) { group -> [String] in
            for index in 0..<150 {
                group.addTask {
                    let body = Data("Dispatch \(index): a ferry reached the island with \(index + 3) passengers on board.".utf8)
                    guard let response = try? await service.request("POST", "/v1/articles", body: body, contentType: "text/plain"),
                        response.status == 201
                    else { return nil }
                    return try? response.json()["id"] as? String
                }
            }
            group.addTask {
                try? await Task.sleep(for: .milliseconds(100))
                service.kill9()
                return nil
            }
            var ids: [String] = []
            for await id in group { if let id { ids.append(id) } }
            return ids
        }
        let restarted = try ServiceProcess(dataDirectory: directory)
        defer { restarted.kill9() }
        try await restarted.waitUntilReady()
        let list = try await restarted.request("GET", "/v1/articles?limit=200").json()
        let stored = (list["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(Set(acknowledged).isSubset(of: Set(stored)))
        #expect(Set(stored).count == stored.count)
    }

    @Test("SIGTERM shuts down gracefully and leaves a snapshot")
    func gracefulShutdownSnapshot() async throws {
        let directory = temporaryDirectory()
        let service = try ServiceProcess(dataDirectory: directory)
        try await service.waitUntilReady()
        let body = Data("The museum reopened on Saturday after two years of repairs.".utf8)
        #expect(try await service.request("POST", "/v1/articles", body: body, contentType: "text/plain").status == 201)
        #expect(service.terminate() == 0)
        #expect(FileManager.default.fileExists(atPath: directory + "/snapshot.chs"))
        let restarted = try ServiceProcess(dataDirectory: directory)
        defer { restarted.kill9() }
        try await restarted.waitUntilReady()
        let list = try await restarted.request("GET", "/v1/articles").json()
        #expect((list["items"] as? [Any])?.count == 1)
        // What opening took is in /metrics, and the stored count is right before any ingest.
        let metrics = String(decoding: try await restarted.request("GET", "/metrics").body, as: UTF8.self)
        #expect(metrics.contains("\nchronicle_articles_stored 1.0\n"))
        for phase in ["read", "rebuild", "replay"] {
            #expect(metrics.contains("chronicle_store_open_seconds{phase=\"\(phase)\"} "), "no open time for \(phase)")
        }
    }
}
