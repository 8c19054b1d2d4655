import ArgumentParser
import ChronicleServer
import Configuration
import Foundation
import Hummingbird
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the HTTP service (configuration: flags > CHRONICLE_* > config file > defaults).")

    @Option(help: "Config file (YAML or JSON). Default: $CHRONICLE_CONFIG or config/chronicle.yaml if present.")
    var config: String?
    @Option(help: "Address to listen on.") var host: String?
    @Option(help: "Port to listen on (0 picks a free one).") var port: Int?
    @Option(help: "Directory for snapshots and the journal.") var dataDir: String?
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.") var logLevel: String?

    func run() async throws {
        var overrides: [String: ConfigValue] = [:]
        if let host { overrides["host"] = .init(.string(host), isSecret: false) }
        if let port { overrides["port"] = .init(.int(port), isSecret: false) }
        if let dataDir { overrides["dataDir"] = .init(.string(dataDir), isSecret: false) }
        if let logLevel { overrides["logLevel"] = .init(.string(logLevel), isSecret: false) }
        let settings = try await ConfigurationLoader.load(overrides: overrides, file: config)
        var logger = Logger(label: "chronicle")
        logger.logLevel = Logger.Level(rawValue: settings.logLevel) ?? .info
        let app = try ChronicleApplication.build(configuration: settings, logger: logger) { port in
            // One line on stdout that scripts (and the process tests) wait for.
            FileHandle.standardOutput.write(Data("chronicle listening on http://\(settings.host):\(port)\n".utf8))
        }
        try await app.runService()
    }
}
