import ChronicleKnowledge
import Foundation
import Logging
import Metrics
import ServiceLifecycle

/// Loads the store in the background (the server is already answering `/healthz`), takes a
/// snapshot every interval, and a last one on graceful shutdown, after the HTTP server has
/// finished its in-flight requests.
struct StoreService: Service {
    let directory: String
    let intervalMinutes: Double
    let stores: StoreHolder
    let stream: StreamConfiguration
    let logger: Logger

    func run() async throws {
        let directory = self.directory
        let logger = self.logger
        let feed = ChangeFeed(backlog: stream.backlog, subscriberBuffer: stream.subscriberBuffer)
        let store = try await Task.detached { try KnowledgeStore(directory: directory, logger: logger, feed: feed) }.value
        stores.set(store)
        for (phase, seconds) in [("read", store.opening.readSeconds), ("rebuild", store.opening.rebuildSeconds), ("replay", store.opening.replaySeconds)] {
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
