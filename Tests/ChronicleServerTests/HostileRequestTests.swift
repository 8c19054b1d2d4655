import ChronicleFoundation
import ChronicleKnowledge
import ChroniclePipeline
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOPosix
import Testing

@testable import ChronicleServer

/// Hostile bodies through the real router: every answer is a success or a problem+json with a
/// 4xx status, never a 500 or a crash, and the store stays consistent with a rebuild.
@Suite("Hostile requests through the router")
struct HostileRequestTests {
    static let cases = ProcessInfo.processInfo.environment["CHRONICLE_FUZZ_CASES"].flatMap { Int($0) } ?? 200
    static let seed = ProcessInfo.processInfo.environment["CHRONICLE_FUZZ_SEED"].flatMap { UInt64($0) } ?? 8
    /// A thread of the suite's own: its bodies take seconds each in a debug build, and on the shared
    /// pool every other suite's posts would wait behind them (and time out).
    static let threads: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        return pool
    }()

    @Test("random bodies as JSON, text, HTML and NDJSON: 2xx or a 4xx problem, and the store agrees with a rebuild")
    func randomBodies() async throws {
        let service = TestService(threads: Self.threads)
        let cases = Self.cases
        let seed = Self.seed
        try await service.run { client in
            var random = SplitMix64(seed: seed)
            var statuses: [Int: Int] = [:]
            var ndjsonBatches = 0
            for index in 0..<cases {
                let (body, contentType) = Self.body(index, &random)
                // Each kind of body (index % 8) goes to both endpoints in turn: by `index % 2`, the
                // odd kinds (HTML, NDJSON, ...) only ever reached /v1/extract, which refuses NDJSON.
                let response = try await client.post(["/v1/articles", "/v1/extract"][(index / 8) % 2], body, contentType: contentType)
                statuses[Int(response.status.code), default: 0] += 1
                if response.status.code >= 400 {
                    #expect(response.status.code < 500, "case \(index): \(response.status) \(response.text.prefix(300))")
                    #expect(response.headers[.contentType] == "application/problem+json", "case \(index)")
                } else {
                    #expect([200, 201, 207].contains(Int(response.status.code)), "case \(index): \(response.status)")
                }
                if contentType == "application/x-ndjson", response.status == .ok {
                    // One result per non-empty line, each a success or a 4xx, and the totals add up.
                    let json = try response.json()
                    let results = try #require(json["results"] as? [[String: Any]], "case \(index)")
                    #expect(results.count == body.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.count, "case \(index)")
                    for result in results {
                        let status = try #require(result["status"] as? Int)
                        #expect([200, 201].contains(status) || (400..<500).contains(status), "case \(index): \(result)")
                    }
                    let totals = ["created", "duplicates", "failed"].compactMap { json[$0] as? Int }
                    #expect(totals.count == 3 && totals.reduce(0, +) == results.count, "case \(index)")
                    ndjsonBatches += 1
                }
            }
            #expect(try await client.get("/v1/events?limit=200").status == .ok)
            #expect(try await client.get("/v1/stories").status == .ok)
            #expect(statuses.keys.contains { $0 < 300 } && statuses.keys.contains { $0 >= 400 }, "\(statuses)")
            // NDJSON, which Schemathesis does not generate, is covered here: batches were ingested.
            #expect(cases < 16 || ndjsonBatches > 0, "no NDJSON batch reached /v1/articles")
        }
        #expect(service.stores.read { $0.indexesDifferingFromRebuild() } == [])
    }

    @Test("a single-line text/plain article of CHRONICLE_FUZZ_BYTES (64 KiB in CI) is stored and read back whole")
    func megabyteLine() async throws {
        let service = TestService(threads: Self.threads)
        var generator = SplitMix64(seed: 3)
        let words = ["talks", "in", "Istanbul", "ended", "on", "Friday", "said", "the", "minister"]
        var line = ""
        let bytes = ProcessInfo.processInfo.environment["CHRONICLE_FUZZ_BYTES"].flatMap { Int($0) } ?? 64 << 10
        while line.utf8.count < bytes { line += words[Int(generator.next() % UInt64(words.count))] + " " }
        let text = line
        try await service.run { client in
            let created = try await client.post("/v1/articles", text, contentType: "text/plain")
            #expect(created.status == .created)
            let id = try #require(try created.json()["id"] as? String)
            let stored = try await client.get("/v1/articles/\(id)")
            #expect(stored.status == .ok)
            #expect((try stored.json()["text"] as? String)?.unicodeScalars.count == text.trimmingCharacters(in: .whitespaces).unicodeScalars.count)
        }
    }

    /// A body and its content type: random hostile text, or JSON/NDJSON broken in random ways.
    static func body(_ index: Int, _ random: inout SplitMix64) -> (String, String) {
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        var scalars = String.UnicodeScalarView()
        for _ in 0..<(Int(random.next() % 3000) + 1) {
            let value = random.next() % 4 == 0 ? UInt32(random.next() % 0x110000) : UInt32(random.next() % 0x800)
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
            if random.next() % 7 == 0 { scalars.append(contentsOf: pick([" said ", " 2025-05-16 ", "\u{202E}", "\u{200B}", "\n\n", "\"", "<p>"]).unicodeScalars) }
        }
        let text = String(scalars)
        let escaped = String(decoding: try! JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed]), as: UTF8.self).dropFirst().dropLast()
        switch index % 8 {
        case 0: return (text, "text/plain")
        case 1: return ("<html><body><article>" + text + "</article></body></html>", "text/html")
        case 2: return ("{\"text\": \(escaped)}", "application/json")
        case 3: return ("{\"text\": \(escaped), \"published_at\": \(pick(["\"2025-05-16\"", "\"yesterday\"", "12", "null", "\"\u{0}\""]))}", "application/json")
        case 4: return (String(repeating: pick(["[", "{\"a\":", "[{\"text\":"]), count: Int(random.next() % 500)) + text, "application/json")
        case 5:
            let lines = [
                "{\"text\": \(escaped)}", "not json", "{}", "", "{\"text\": 5}", "{\"html\": \(escaped), \"title\": null}",
                "{\"text\": \"\", \"html\": \"<p>x</p>\"}", "{\"text\": \"x\", \"url\": \"javascript:alert(1)\"}", "[\(escaped)]",
            ]
            return ((0..<Int(random.next() % 20)).map { _ in pick(lines) }.joined(separator: "\n"), "application/x-ndjson")
        case 6: return (String(text.unicodeScalars.filter { $0.value < 0x20 || $0.value == 0x7F }.map(Character.init)) + "x", "text/plain")
        default:
            let url = pick(["javascript:alert(1)", "https://example.org/a?q=<script>"])
            return ("{\"text\": \(escaped), \"title\": \(escaped), \"source\": \(escaped), \"url\": \"\(url)\"}", "application/json")
        }
    }
}
