import Foundation
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A minimal Server-Sent Events reader over URLSession, for tests: parses the stream as it
/// arrives into events.
final class SSEClient: NSObject, URLSessionDataDelegate, Sendable {
    struct Event: Sendable, Equatable {
        var id: String?
        var event: String
        var data: String
    }

    let events: AsyncStream<Event>
    /// Comment lines (heartbeats) seen so far.
    var comments: Int { state.withLock { $0.comments } }
    var status: Int? { state.withLock { $0.status } }

    private let continuation: AsyncStream<Event>.Continuation
    private struct State {
        var pending = ""
        var current = Event(event: "message", data: "")
        var hasData = false
        var comments = 0
        var status: Int?
        var task: URLSessionDataTask?
        var session: URLSession?
    }
    private let state = Mutex(State())

    init(url: String, headers: [String: String] = [:]) {
        (events, continuation) = AsyncStream<Event>.makeStream()
        super.init()
        var request = URLRequest(url: URL(string: url)!)
        request.setValue("text/event-stream", forHTTPHeaderField: "Accept")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.timeoutInterval = 60
        let session = URLSession(configuration: .ephemeral, delegate: self, delegateQueue: nil)
        let task = session.dataTask(with: request)
        state.withLock {
            $0.task = task
            $0.session = session
        }
        task.resume()
    }

    func close() {
        state.withLock {
            $0.task?.cancel()
            $0.session?.invalidateAndCancel()
        }
        continuation.finish()
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        state.withLock { $0.status = (response as? HTTPURLResponse)?.statusCode }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let ready = state.withLock { state -> [Event] in
            state.pending += String(decoding: data, as: UTF8.self)
            var events: [Event] = []
            while let newline = state.pending.firstIndex(of: "\n") {
                let line = String(state.pending[..<newline])
                state.pending = String(state.pending[state.pending.index(after: newline)...])
                if line.isEmpty {
                    if state.hasData { events.append(state.current) }
                    state.current = Event(id: state.current.id, event: "message", data: "")
                    state.hasData = false
                } else if line.hasPrefix(":") {
                    state.comments += 1
                } else if line.hasPrefix("id: ") {
                    state.current.id = String(line.dropFirst(4))
                } else if line.hasPrefix("event: ") {
                    state.current.event = String(line.dropFirst(7))
                } else if line.hasPrefix("data: ") {
                    state.current.data += (state.hasData ? "\n" : "") + line.dropFirst(6)
                    state.hasData = true
                }
            }
            return events
        }
        for event in ready { continuation.yield(event) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        continuation.finish()
    }
}

extension AsyncStream where Element == SSEClient.Event {
    /// Collects events until `done` says so, or fails after `timeout`.
    func collect(timeout: Duration = .seconds(20), until done: @escaping @Sendable ([Element]) -> Bool) async throws -> [Element] {
        try await withThrowingTaskGroup(of: [Element].self) { group in
            group.addTask {
                var seen: [Element] = []
                for await event in self {
                    seen.append(event)
                    if done(seen) { return seen }
                }
                return seen
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw CancellationError()
            }
            let result = try await group.next()!
            group.cancelAll()
            return result
        }
    }
}
