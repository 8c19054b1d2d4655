import Configuration

/// Every setting of the service. Keys are read through swift-configuration; the README lists
/// them with their environment variable (`dataDir` -> `CHRONICLE_DATA_DIR`).
public struct ServerConfiguration: Sendable, Equatable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var dataDir = "./data"
    /// Minutes between periodic snapshots; 0 turns them off (shutdown and the admin endpoint still take one).
    public var snapshotIntervalMinutes = 5.0
    public var maxBodyBytes = 5 * 1024 * 1024
    public var maxNDJSONLines = 1000
    public var maxPageLimit = 200
    /// When set, writes need `Authorization: Bearer <key>`.
    public var apiKey: String?
    /// Seconds a connection may stay idle (or trickle a request) before it is closed.
    public var idleTimeoutSeconds = 30.0
    public var logLevel = "info"
    public var fetch = FetchConfiguration()

    public init() {}

    public init(reader: ConfigReader) {
        let defaults = ServerConfiguration()
        host = reader.string(forKey: "host", default: defaults.host)
        port = reader.int(forKey: "port", default: defaults.port)
        dataDir = reader.string(forKey: "dataDir", default: defaults.dataDir)
        snapshotIntervalMinutes = reader.double(forKey: "snapshotIntervalMinutes", default: defaults.snapshotIntervalMinutes)
        maxBodyBytes = reader.int(forKey: "maxBodyBytes", default: defaults.maxBodyBytes)
        maxNDJSONLines = reader.int(forKey: "maxNdjsonLines", default: defaults.maxNDJSONLines)
        maxPageLimit = reader.int(forKey: "maxPageLimit", default: defaults.maxPageLimit)
        apiKey = reader.string(forKey: "apiKey", isSecret: true).flatMap { $0.isEmpty ? nil : $0 }
        idleTimeoutSeconds = reader.double(forKey: "idleTimeoutSeconds", default: defaults.idleTimeoutSeconds)
        logLevel = reader.string(forKey: "logLevel", default: defaults.logLevel)
        fetch = FetchConfiguration(reader: reader.scoped(to: "fetch"))
    }
}

/// Limits on fetching `{"url": ...}` articles.
public struct FetchConfiguration: Sendable, Equatable {
    public var timeoutSeconds = 10.0
    public var maxBytes = 5 * 1024 * 1024
    public var maxRedirects = 5
    /// Allow loopback, private (RFC 1918, ULA) and link-local addresses. Off in production:
    /// it would let any client make the service probe its own network.
    public var allowPrivateAddresses = false

    public init() {}

    public init(reader: ConfigReader) {
        let defaults = FetchConfiguration()
        timeoutSeconds = reader.double(forKey: "timeoutSeconds", default: defaults.timeoutSeconds)
        maxBytes = reader.int(forKey: "maxBytes", default: defaults.maxBytes)
        maxRedirects = reader.int(forKey: "maxRedirects", default: defaults.maxRedirects)
        allowPrivateAddresses = reader.bool(forKey: "allowPrivateAddresses", default: defaults.allowPrivateAddresses)
    }
}
