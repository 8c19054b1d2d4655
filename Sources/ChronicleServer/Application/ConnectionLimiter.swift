import NIOCore
import Synchronization

/// Caps the open connections of the whole server (every event loop shares one limiter). A
/// connection is either serving a request or waiting for its next one to arrive complete; when the
/// cap is reached, the connection that has waited longest makes room. A slow client trickling a
/// request is always the one waiting longest, so a flood of them evicts each other and never the
/// clients that send whole requests.
final class ConnectionLimiter: Sendable {
    let maxConnections: Int

    private struct Waiting {
        let channel: any Channel
        let since: NIODeadline
    }

    private struct State {
        var open = 0
        var waiting: [ObjectIdentifier: Waiting] = [:]
    }

    private let state = Mutex(State())

    init(maxConnections: Int) {
        self.maxConnections = max(1, maxConnections)
    }

    var openConnections: Int { state.withLock { $0.open } }

    /// Counts a new connection (which starts out waiting for its request) and returns the
    /// connection to close to stay under the cap: the longest-waiting one, possibly `channel` itself.
    func opened(_ channel: any Channel) -> (any Channel)? {
        state.withLock { state in
            state.open += 1
            state.waiting[ObjectIdentifier(channel)] = Waiting(channel: channel, since: .now())
            guard state.open > maxConnections else { return nil }
            let oldest = state.waiting.min { $0.value.since < $1.value.since }
            return oldest?.value.channel ?? channel
        }
    }

    func closed(_ channel: any Channel) {
        state.withLock { state in
            state.open -= 1
            state.waiting[ObjectIdentifier(channel)] = nil
        }
    }

    /// The connection has answered its requests and waits for the next one.
    func waiting(_ channel: any Channel) {
        state.withLock { $0.waiting[ObjectIdentifier(channel)] = Waiting(channel: channel, since: .now()) }
    }

    /// A whole request has arrived on the connection.
    func serving(_ channel: any Channel) {
        _ = state.withLock { $0.waiting.removeValue(forKey: ObjectIdentifier(channel)) }
    }
}
