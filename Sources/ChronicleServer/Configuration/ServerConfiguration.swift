import Configuration
import Foundation

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
    /// Seconds a connection may stay idle (no bytes either way) before it is closed.
    public var idleTimeoutSeconds = 30.0
    /// Seconds a client has to send a whole request (head and body) after connecting or after its
    /// previous response; a client trickling a request (slowloris) is cut off after this.
    public var requestTimeoutSeconds = 30.0
    /// Open connections at most; at the limit, the one that has waited longest for its request is closed.
    public var maxConnections = 1000
    /// Threads that run the pipeline; 0 means one fewer than the cores (at least one), so reads
    /// always find a free core.
    public var extractionThreads = 0
    public var logLevel = "info"
    public var fetch = FetchConfiguration()
    public var stream = StreamConfiguration()
    /// Origins allowed to call the API from a browser (CORS): none by default, `*` for any.
    public var corsOrigins: [String] = []

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
        requestTimeoutSeconds = reader.double(forKey: "requestTimeoutSeconds", default: defaults.requestTimeoutSeconds)
        maxConnections = reader.int(forKey: "maxConnections", default: defaults.maxConnections)
        extractionThreads = reader.int(forKey: "extractionThreads", default: defaults.extractionThreads)
        logLevel = reader.string(forKey: "logLevel", default: defaults.logLevel)
        fetch = FetchConfiguration(reader: reader.scoped(to: "fetch"))
        stream = StreamConfiguration(reader: reader.scoped(to: "stream"))
        corsOrigins = (reader.string(forKey: "corsOrigins") ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// The live feed, `GET /v1/stream`.
public struct StreamConfiguration: Sendable, Equatable {
    /// Messages kept for a subscriber that reconnects with `Last-Event-ID`.
    public var backlog = 10_000
    /// Messages a subscriber may fall behind before it is dropped (ingestion never waits for it).
    public var subscriberBuffer = 1_000
    /// Seconds between heartbeat comments on an idle stream.
    public var heartbeatSeconds = 15.0

    public init() {}

    public init(reader: ConfigReader) {
        let defaults = StreamConfiguration()
        backlog = reader.int(forKey: "backlog", default: defaults.backlog)
        subscriberBuffer = reader.int(forKey: "subscriberBuffer", default: defaults.subscriberBuffer)
        heartbeatSeconds = reader.double(forKey: "heartbeatSeconds", default: defaults.heartbeatSeconds)
    }
}

/// Limits on fetching `{"url": ...}` articles.
public struct FetchConfiguration: Sendable, Equatable {
    /// Fetch `{"url": ...}` articles at all. Off, every such article is a 422 before the URL is
    /// parsed or its host resolved: for test runs that must never leave the machine.
    public var enabled = true
    public var timeoutSeconds = 10.0
    public var maxBytes = 5 * 1024 * 1024
    public var maxRedirects = 5
    /// Allow loopback, private (RFC 1918, ULA) and link-local addresses. Off in production:
    /// it would let any client make the service probe its own network.
    public var allowPrivateAddresses = false

    public init() {}

    public init(reader: ConfigReader) {
        let defaults = FetchConfiguration()
        enabled = reader.bool(forKey: "enabled", default: defaults.enabled)
        timeoutSeconds = reader.double(forKey: "timeoutSeconds", default: defaults.timeoutSeconds)
        maxBytes = reader.int(forKey: "maxBytes", default: defaults.maxBytes)
        maxRedirects = reader.int(forKey: "maxRedirects", default: defaults.maxRedirects)
        allowPrivateAddresses = reader.bool(forKey: "allowPrivateAddresses", default: defaults.allowPrivateAddresses)
    }
}
