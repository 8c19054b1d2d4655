import ChronicleKnowledge
import Foundation
import Logging
import Metrics
import ServiceLifecycle

/// Loads the store in the background (the server is already answering `/healthz`), takes a
/// snapshot every interval, and a last one on graceful shutdown, after the HTTP server has
/// finished its in-flight requests.
struct StoreService: Service {
    /// The store being opened: started before the pipeline's resources load, so the two go on
    /// side by side.
    let opening: Task<KnowledgeStore, any Error>
    let intervalMinutes: Double
    let stores: StoreHolder
    let logger: Logger

    /// Starts opening the store in `directory` at once.
    init(directory: String, intervalMinutes: Double, stores: StoreHolder, stream: StreamConfiguration, logger: Logger) {
        let feed = ChangeFeed(backlog: stream.backlog, subscriberBuffer: stream.subscriberBuffer)
        opening = Task.detached { try KnowledgeStore(directory: directory, logger: logger, feed: feed) }
        (self.intervalMinutes, self.stores, self.logger) = (intervalMinutes, stores, logger)
    }

    func run() async throws {
        let store = try await opening.value
        stores.set(store)
        let opening = store.opening
        let phases = [
            ("read", opening.readSeconds), ("decode", opening.decodeSeconds), ("rebuild", opening.rebuildSeconds), ("replay", opening.replaySeconds),
        ]
        for (phase, seconds) in phases {
            Gauge(label: "chronicle_store_open_seconds", dimensions: [("phase", phase)]).record(seconds)
        }
        Gauge(label: "chronicle_articles_stored").record(store.read { $0.articleCount })

        if intervalMinutes > 0 {
            let interval = Duration.seconds(intervalMinutes * 60)
            while !Task.isShuttingDownGracefully {
                do {
                    try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
                } catch {
                    break
                }
                if Task.isShuttingDownGracefully { break }
                _ = try? await store.writeSnapshot()  // failures are logged and retried next time
            }
        } else {
            try? await gracefulShutdown()
        }
        do {
            _ = try await store.writeSnapshot()
        } catch {
            logger.error("final snapshot failed; the journal still holds every article", metadata: ["error": "\(error)"])
        }
    }
}
