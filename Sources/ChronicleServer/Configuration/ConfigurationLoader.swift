import Configuration
import Foundation
import SystemPackage

/// Builds the configuration reader, highest priority first: command-line flags, environment
/// variables (`CHRONICLE_` + key in upper snake case), the YAML or JSON config file, and the
/// embedded defaults of `ServerConfiguration`.
public enum ConfigurationLoader {
    public static let defaultFile = "config/chronicle.yaml"

    /// - Parameters:
    ///   - overrides: values given as flags, by configuration key (`port`, `dataDir`, ...).
    ///   - file: the config file; nil means `CHRONICLE_CONFIG` or `config/chronicle.yaml` if present.
    public static func load(
        overrides: [String: ConfigValue] = [:], file: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws -> ServerConfiguration {
        var providers: [any ConfigProvider] = []
        let keyed = Dictionary(uniqueKeysWithValues: overrides.map { (AbsoluteConfigKey($0.key.split(separator: ".").map(String.init)), $0.value) })
        providers.append(InMemoryProvider(name: "flags", values: keyed))
        providers.append(
            EnvironmentVariablesProvider(environmentVariables: environment, secretsSpecifier: .specific(["CHRONICLE_API_KEY"]))
                .prefixKeys(with: "chronicle"))
        let explicit = file ?? environment["CHRONICLE_CONFIG"]
        let path = explicit ?? defaultFile
        if explicit != nil || FileManager.default.fileExists(atPath: path) {
            if path.hasSuffix(".json") {
                providers.append(try await FileProvider<JSONSnapshot>(filePath: FilePath(path)))
            } else {
                providers.append(try await FileProvider<YAMLSnapshot>(filePath: FilePath(path)))
            }
        }
        return ServerConfiguration(reader: ConfigReader(providers: providers))
    }
}
