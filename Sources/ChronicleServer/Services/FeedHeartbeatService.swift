import ChronicleKnowledge
import ServiceLifecycle

/// Sends every live-feed subscriber a heartbeat at an interval, so proxies keep idle streams
/// open and a subscriber that has gone away is noticed (its next write fails).
struct FeedHeartbeatService: Service {
    let stores: StoreHolder
    let intervalSeconds: Double

    func run() async throws {
        guard intervalSeconds > 0 else { return try await gracefulShutdown() }
        while !Task.isShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(intervalSeconds)) }
            } catch {
                return
            }
            stores.current?.feed.heartbeat()
        }
    }
}
