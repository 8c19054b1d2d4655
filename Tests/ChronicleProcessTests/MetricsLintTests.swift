import Foundation
import Testing

/// Prometheus' linter, where the Debian package `prometheus` is installed (CI installs it).
let promtool: String? = ["/usr/bin/promtool", "/usr/local/bin/promtool"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// `/metrics` of the real binary, read by Prometheus' own linter after the service has answered
/// writes, reads, a duplicate and an error, so every kind of metric it keeps is in the answer.
@Suite(
    "Prometheus metrics pass promtool", .enabled(if: ServiceProcess.binaryAvailable, "chronicle binary not built"),
    .enabled(if: promtool != nil, "promtool not installed (Debian package prometheus): metrics lint skipped"))
struct MetricsLintTests {
    @Test("promtool check metrics reports nothing; every metric has its HELP line")
    func lint() async throws {
        let service = try ServiceProcess(dataDirectory: temporaryDirectory())
        defer { service.kill9() }
        try await service.waitUntilReady()
        let article = Data("The city council of Port Vale met on Tuesday, the mayor said.".utf8)
        #expect(try await service.request("POST", "/v1/articles", body: article, contentType: "text/plain").status == 201)
        #expect(try await service.request("POST", "/v1/articles", body: article, contentType: "text/plain").status == 200)
        #expect(try await service.request("GET", "/v1/events").status == 200)
        #expect(try await service.request("GET", "/v1/events").status == 200)
        #expect(try await service.request("GET", "/v1/events?limit=0").status == 400)
        let metrics = try await service.request("GET", "/metrics").body
        let text = String(decoding: metrics, as: UTF8.self)
        let families = text.split(separator: "\n").filter { $0.hasPrefix("# TYPE ") }.map { $0.split(separator: " ")[2] }
        #expect(Set(families) == [
            "hb_requests_total", "hb_request_errors_total", "http_server_request_duration_seconds", "http_server_active_requests",
            "chronicle_articles_ingested_total", "chronicle_articles_duplicate_total", "chronicle_articles_stored",
            "chronicle_extraction_duration_seconds", "chronicle_store_open_seconds", "chronicle_response_cache_hits_total",
            "chronicle_response_cache_misses_total",
        ])
        for family in families {
            #expect(text.contains("# HELP \(family) "), "no HELP for \(family)")
        }

        let lint = Process()
        lint.executableURL = URL(fileURLWithPath: try #require(promtool))
        lint.arguments = ["check", "metrics"]
        let input = Pipe()
        let output = Pipe()
        lint.standardInput = input
        lint.standardOutput = output
        lint.standardError = output
        try lint.run()
        input.fileHandleForWriting.write(metrics)
        try input.fileHandleForWriting.close()
        let findings = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        lint.waitUntilExit()
        #expect(lint.terminationStatus == 0, "promtool: \(findings)")
        #expect(findings.isEmpty, "promtool: \(findings)")
    }
}
