import Configuration
import Foundation
import Testing

@testable import ChronicleServer

@Suite("Configuration: flags > environment > file > embedded defaults")
struct ConfigurationTests {
    func write(_ text: String, as name: String) throws -> String {
        let path = NSTemporaryDirectory() + UUID().uuidString + "-" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("with no file and no environment the embedded defaults apply")
    func defaults() async throws {
        let settings = try await ConfigurationLoader.load(file: nil, environment: [:])
        #expect(settings == ServerConfiguration())
        #expect(settings.port == 8080)
        #expect(settings.dataDir == "./data")
        #expect(settings.maxBodyBytes == 5 * 1024 * 1024)
        #expect(settings.fetch.allowPrivateAddresses == false)
        #expect(settings.fetch.enabled)
    }

    @Test("the YAML file overrides defaults, the environment the file, flags the environment")
    func precedence() async throws {
        let file = try write(
            """
            port: 9000
            dataDir: /var/lib/chronicle
            maxBodyBytes: 1024
            fetch:
              maxRedirects: 2
              enabled: false
            """, as: "chronicle.yaml")
        let environment = [
            "CHRONICLE_PORT": "9100", "CHRONICLE_FETCH_ALLOW_PRIVATE_ADDRESSES": "true", "CHRONICLE_API_KEY": "k",
            "CHRONICLE_CORS_ORIGINS": "https://a.example, https://b.example", "CHRONICLE_STREAM_HEARTBEAT_SECONDS": "5",
        ]
        let fromFile = try await ConfigurationLoader.load(file: file, environment: [:])
        #expect(fromFile.port == 9000)
        #expect(fromFile.dataDir == "/var/lib/chronicle")
        #expect(fromFile.maxBodyBytes == 1024)
        #expect(fromFile.fetch.maxRedirects == 2)
        #expect(fromFile.fetch.enabled == false)
        let enabledAgain = try await ConfigurationLoader.load(file: file, environment: ["CHRONICLE_FETCH_ENABLED": "true"])
        #expect(enabledAgain.fetch.enabled)

        let fromEnvironment = try await ConfigurationLoader.load(file: file, environment: environment)
        #expect(fromEnvironment.port == 9100)
        #expect(fromEnvironment.dataDir == "/var/lib/chronicle")
        #expect(fromEnvironment.fetch.allowPrivateAddresses)
        #expect(fromEnvironment.apiKey == "k")
        #expect(fromEnvironment.corsOrigins == ["https://a.example", "https://b.example"])
        #expect(fromEnvironment.stream.heartbeatSeconds == 5)
        #expect(fromEnvironment.stream.backlog == 10_000)

        let fromFlags = try await ConfigurationLoader.load(
            overrides: ["port": .init(.int(9200), isSecret: false)], file: file, environment: environment)
        #expect(fromFlags.port == 9200)
    }

    @Test("a JSON config file works too, and CHRONICLE_CONFIG names it")
    func jsonFile() async throws {
        let file = try write(#"{"port": 7000, "snapshotIntervalMinutes": 0.5}"#, as: "chronicle.json")
        let settings = try await ConfigurationLoader.load(environment: ["CHRONICLE_CONFIG": file])
        #expect(settings.port == 7000)
        #expect(settings.snapshotIntervalMinutes == 0.5)
    }

    @Test("a named config file that does not exist is an error, not a silent default")
    func missingFile() async {
        await #expect(throws: (any Error).self) {
            try await ConfigurationLoader.load(file: "/nonexistent/chronicle.yaml", environment: [:])
        }
    }

    @Test("the committed config/chronicle.yaml states the embedded defaults")
    func committedFileMatchesDefaults() async throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("config/chronicle.yaml").path
        let settings = try await ConfigurationLoader.load(file: path, environment: [:])
        #expect(settings == ServerConfiguration())
    }
}
