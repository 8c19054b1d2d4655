import ChronicleFoundation
import ChroniclePipeline
import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real process under faults: killed at random moments, out of disk space, on a read-only
/// directory, stopped under load. `CHRONICLE_FAULT_ROUNDS` sets the kill rounds (5 by default,
/// as CI runs them; `scripts/fault-test.sh` runs 20), `CHRONICLE_FAULT_SEED` the seed.
@Suite("Faults: kill -9, disk full, read-only, shutdown under load", .serialized, .enabled(if: ServiceProcess.binaryAvailable, "chronicle binary not built"))
struct FaultTests {
    static let rounds = ProcessInfo.processInfo.environment["CHRONICLE_FAULT_ROUNDS"].flatMap { Int($0) } ?? 5
    static let seed = ProcessInfo.processInfo.environment["CHRONICLE_FAULT_SEED"].flatMap { UInt64($0) } ?? 20_261_202

    @Test("kill -9 at random moments during concurrent ingestion: every 201 is there exactly once, indexes agree with a rebuild")
    func randomKills() async throws {
        let directory = temporaryDirectory()
        var random = SplitMix64(seed: Self.seed)  // delays that vary by round yet repeat with the seed
        var acknowledged: [String: String] = [:]  // text -> id
        var unanswered: Set<String> = []  // sent, no answer before the kill
        var serial = 0
        for round in 1...Self.rounds {
            let service = try ServiceProcess(dataDirectory: directory, logPath: directory + "-round\(round).log")
            try await service.waitUntilReady()
            try await expectIntact(service, acknowledged: acknowledged, round: round)
            // A client retries what got no answer: it must come back once, stored or as the duplicate.
            for text in unanswered.sorted() {
                let response = try await service.request("POST", "/v1/articles", body: Data(text.utf8), contentType: "text/plain")
                #expect(response.status == 201 || response.status == 200, "round \(round): retry answered \(response.status)")
                if let id = try? response.json()["id"] as? String { acknowledged[text] = id }
            }
            unanswered = []
            let stored = try await articleIDs(service)
            #expect(stored.count == acknowledged.count, "round \(round): \(stored.count) stored, \(acknowledged.count) acknowledged texts")

            // Six writers and an occasional snapshot, killed after a random delay.
            let texts = (0..<240).map { _ in serial += 1; return FaultArticles.text(serial) }
            let delay = Duration.milliseconds(Int(200 + random.next() % 1800))
            let snapshotAt = random.next() % 2 == 0 ? Duration.milliseconds(Int(random.next() % 1500)) : nil
            let outcomes = await withTaskGroup(of: [(String, String?)].self) { group in
                for writer in 0..<6 {
                    group.addTask {
                        var results: [(String, String?)] = []
                        for text in texts[(writer * 40)..<(writer * 40 + 40)] {
                            guard let response = try? await service.request("POST", "/v1/articles", body: Data(text.utf8), contentType: "text/plain")
                            else { results.append((text, nil)); continue }
                            results.append((text, response.status == 201 || response.status == 200 ? (try? response.json()["id"] as? String) ?? nil : nil))
                        }
                        return results
                    }
                }
                if let snapshotAt {
                    group.addTask {
                        try? await Task.sleep(for: snapshotAt)
                        _ = try? await service.request("POST", "/v1/admin/snapshot")
                        return []
                    }
                }
                group.addTask {
                    try? await Task.sleep(for: delay)
                    service.kill9()
                    return []
                }
                var all: [(String, String?)] = []
                for await results in group { all += results }
                return all
            }
            for (text, id) in outcomes {
                if let id { acknowledged[text] = id } else { unanswered.insert(text) }
            }
        }
        let last = try ServiceProcess(dataDirectory: directory)
        defer { last.kill9() }
        try await last.waitUntilReady()
        try await expectIntact(last, acknowledged: acknowledged, round: Self.rounds + 1)
        #expect(acknowledged.count > Self.rounds * 5, "too few articles were acknowledged for the kills to mean anything")
    }

    /// Every acknowledged article is stored under its id, none twice, and the indexes agree with a rebuild.
    func expectIntact(_ service: ServiceProcess, acknowledged: [String: String], round: Int) async throws {
        let stored = try await articleIDs(service)
        #expect(Set(stored).count == stored.count, "round \(round): an article is listed twice")
        let missing = Set(acknowledged.values).subtracting(stored)
        #expect(missing.isEmpty, "round \(round): \(missing.count) acknowledged articles are missing")
        let verify = try await service.request("GET", "/v1/admin/verify").json()
        #expect(verify["differing_indexes"] as? [String] == [], "round \(round): \(verify)")
        #expect(verify["articles"] as? Int == stored.count)
    }

    @Test("disk full: 503 with a problem, reads go on, nothing accepted is lost; the snapshot is retried once there is room",
          .enabled(if: ScratchMount.available, "needs root to mount a small tmpfs: disk-full test skipped"))
    func diskFull() async throws {
        let mount = try ScratchMount(sizeKiB: 768)
        defer { mount.unmount() }
        let directory = mount.path + "/data"
        let log = temporaryDirectory() + "/service.log"
        let service = try ServiceProcess(
            dataDirectory: directory, environment: ["CHRONICLE_SNAPSHOT_INTERVAL_MINUTES": "0.02"], logPath: log, logLevel: "info")
        try await service.waitUntilReady()
        var accepted: [String] = []
        var refusal: ServiceProcess.HTTPResult?
        for index in 1...200 {
            let response = try await service.request("POST", "/v1/articles", body: Data(FaultArticles.long(index).utf8), contentType: "text/plain")
            if response.status == 503 { refusal = response; break }
            #expect(response.status == 201)
            accepted.append(try #require(try response.json()["id"] as? String))
        }
        let problem = try #require(refusal, "the disk never filled").json()
        #expect(problem["status"] as? Int == 503)
        #expect((problem["detail"] as? String)?.contains("cannot write to its data directory") == true, "\(problem)")
        #expect(accepted.count > 3)
        // Reads keep working, and every accepted article is there.
        for id in accepted { #expect(try await service.request("GET", "/v1/articles/\(id)").status == 200) }
        #expect(try await service.request("GET", "/v1/events?limit=5").status == 200)
        #expect(try await service.request("POST", "/v1/admin/snapshot").status == 503)
        try await Task.sleep(for: .seconds(2))
        #expect(try String(contentsOfFile: log, encoding: .utf8).contains("snapshot failed"), "the failed snapshot is not in the log")

        // Room again: ingestion resumes and the periodic snapshot, retried, succeeds.
        try mount.remount("size=64m")
        let logBefore = try String(contentsOfFile: log, encoding: .utf8).utf8.count
        let after = try await service.request("POST", "/v1/articles", body: Data(FaultArticles.long(999).utf8), contentType: "text/plain")
        #expect(after.status == 201)
        accepted.append(try #require(try after.json()["id"] as? String))
        var snapshotWritten = false
        for _ in 0..<50 where !snapshotWritten {
            try await Task.sleep(for: .milliseconds(200))
            let text = try String(contentsOfFile: log, encoding: .utf8)
            snapshotWritten = String(decoding: text.utf8.dropFirst(logBefore), as: UTF8.self).contains("snapshot written")
        }
        #expect(snapshotWritten, "the periodic snapshot was not retried")
        service.kill9()
        let restarted = try ServiceProcess(dataDirectory: directory)
        defer { restarted.kill9() }
        try await restarted.waitUntilReady()
        #expect(Set(try await articleIDs(restarted)) == Set(accepted))
        #expect(try await restarted.request("GET", "/v1/admin/verify").json()["differing_indexes"] as? [String] == [])
    }

    @Test("read-only data directory: reads work, writes are a 503 problem, and writes resume once it is writable",
          .enabled(if: ScratchMount.available, "needs root to mount a tmpfs: read-only test skipped"))
    func readOnlyDirectory() async throws {
        let mount = try ScratchMount(sizeKiB: 64 * 1024)
        defer { mount.unmount() }
        let directory = mount.path + "/data"
        var ids: [String] = []
        do {
            let service = try ServiceProcess(dataDirectory: directory)
            try await service.waitUntilReady()
            for index in 1...4 {
                let response = try await service.request("POST", "/v1/articles", body: Data(FaultArticles.text(index).utf8), contentType: "text/plain")
                ids.append(try #require(try response.json()["id"] as? String))
            }
            #expect(service.terminate() == 0)
        }
        try mount.remount("ro")
        let service = try ServiceProcess(dataDirectory: directory)
        defer { service.kill9() }
        try await service.waitUntilReady()
        #expect(Set(try await articleIDs(service)) == Set(ids))
        #expect(try await service.request("GET", "/v1/entities?limit=5").status == 200)
        let refused = try await service.request("POST", "/v1/articles", body: Data(FaultArticles.text(50).utf8), contentType: "text/plain")
        #expect(refused.status == 503)
        #expect((try refused.json()["detail"] as? String)?.contains("cannot write") == true)
        #expect(try await service.request("POST", "/v1/admin/snapshot").status == 503)
        try mount.remount("rw")
        let accepted = try await service.request("POST", "/v1/articles", body: Data(FaultArticles.text(51).utf8), contentType: "text/plain")
        #expect(accepted.status == 201)
        #expect(try await service.request("POST", "/v1/admin/snapshot").status == 200)
    }

    @Test("SIGTERM under load: requests in flight are answered, then a final snapshot holds them all")
    func gracefulShutdownUnderLoad() async throws {
        let directory = temporaryDirectory()
        let service = try ServiceProcess(dataDirectory: directory)
        try await service.waitUntilReady()
        // Whole requests on eight connections, then SIGTERM while the service is still extracting them.
        let connections = try (1...8).map { _ in try RawConnection(port: service.port) }
        for (index, connection) in connections.enumerated() {
            #expect(connection.send(RawConnection.request("POST", "/v1/articles", body: Array(FaultArticles.long(index).utf8))))
        }
        try await Task.sleep(for: .milliseconds(150))
        kill(service.process.processIdentifier, SIGTERM)
        let responses = await withTaskGroup(of: (Int, String)?.self) { group in
            for connection in connections { group.addTask { connection.readResponse() } }
            var all: [(Int, String)] = []
            for await response in group { if let response { all.append(response) } }
            return all
        }
        service.process.waitUntilExit()
        #expect(service.process.terminationStatus == 0)
        #expect(responses.map(\.0) == Array(repeating: 201, count: 8), "\(responses.map(\.0))")
        let ids = responses.compactMap { response in
            (try? JSONSerialization.jsonObject(with: Data(response.1.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(ids.count == 8)
        // The final snapshot alone holds them: without the journal, all eight are back.
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) where name.hasPrefix("journal-") {
            try FileManager.default.removeItem(atPath: directory + "/" + name)
        }
        let restarted = try ServiceProcess(dataDirectory: directory)
        defer { restarted.kill9() }
        try await restarted.waitUntilReady()
        #expect(Set(try await articleIDs(restarted)) == Set(ids))
    }

    @Test("slowloris: clients trickling requests are cut off at the deadline and cannot take every connection")
    func slowClients() async throws {
        let directory = temporaryDirectory()
        let service = try ServiceProcess(
            dataDirectory: directory, environment: ["CHRONICLE_REQUEST_TIMEOUT_SECONDS": "2", "CHRONICLE_MAX_CONNECTIONS": "16"])
        defer { service.kill9() }
        try await service.waitUntilReady()
        // Forty connections, each sending the start of a request and a header byte now and then.
        let slow = try (0..<40).map { _ in try RawConnection(port: service.port, receiveTimeoutSeconds: 10) }
        for connection in slow { connection.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ") }
        let trickle = Task.detached {
            for _ in 0..<30 {
                for connection in slow { connection.send("a") }
                try? await Task.sleep(for: .milliseconds(200))
            }
        }
        // Whole requests keep being answered meanwhile, each promptly.
        for _ in 0..<10 {
            let started = ContinuousClock.now
            let response = try await service.request("GET", "/healthz")
            #expect(response.status == 200)
            #expect(ContinuousClock.now - started < .seconds(1))
            try await Task.sleep(for: .milliseconds(100))
        }
        // Every slow connection is closed by the service, none answered.
        let ends = await withTaskGroup(of: (Bool, Int).self) { group in
            for connection in slow { group.addTask { let end = connection.readToEnd(); return (end.closed, end.bytes.count) } }
            var all: [(Bool, Int)] = []
            for await end in group { all.append(end) }
            return all
        }
        trickle.cancel()
        #expect(ends.allSatisfy { $0.0 }, "\(ends.filter { !$0.0 }.count) slow connections were left open")
        #expect(ends.allSatisfy { $0.1 == 0 }, "a slow connection got a response")
        #expect(try await service.request("GET", "/healthz").status == 200)
    }

    /// Every stored article id, paging through `GET /v1/articles`.
    func articleIDs(_ service: ServiceProcess) async throws -> [String] {
        var ids: [String] = []
        var cursor: String?
        repeat {
            let page = try await service.request("GET", "/v1/articles?limit=200" + (cursor.map { "&cursor=\($0)" } ?? "")).json()
            ids += (page["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            cursor = page["next_cursor"] as? String
        } while cursor != nil
        return ids
    }
}

/// Distinct articles for the fault tests, varied enough to make entities, events and stories.
enum FaultArticles {
    static let towns = ["Westford", "Carrow", "Lindale", "Marsh Hill", "Bellport", "Ashby", "Dunmore", "Kessel"]
    static let people = ["Mayor Ana Ruiz", "Councillor Tom Berg", "Judge Mira Okafor", "Chief Paul Lennox", "Minister Rosa Vidal"]
    static let acts = [
        "approved %d new homes", "announced %d new jobs at the port", "ordered %d buses for the city",
        "signed a deal worth %d million euros", "said %d families were moved after the flood",
    ]
    static let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

    static func text(_ index: Int) -> String {
        let town = towns[index % towns.count], person = people[(index / 3) % people.count]
        let act = String(format: acts[(index / 7) % acts.count], 10 + index % 90)
        return "\(town), 2026-03-\(String(format: "%02d", 1 + index % 28)) (Dispatch \(index))\n\n"
            + "\(person) \(act) on \(days[index % days.count]), officials in \(town) said.\n\n"
            + "\"We acted quickly,\" \(person.split(separator: " ").last!) told reporters after the meeting in \(town)."
    }

    /// About 30 KB: slow enough to extract that requests are still in flight when it matters.
    static func long(_ index: Int) -> String {
        (0..<40).map { text(index * 100 + $0) }.joined(separator: "\n\n")
    }
}
