import ChronicleKnowledge
import Foundation
import HTTPTypes
import Hummingbird
import ServiceLifecycle

extension ChronicleAPI {
    /// `GET /v1/stream`: the live feed as Server-Sent Events.
    func addStreamRoutes(to router: APIRouter) {
        router.on(.get, "/v1/stream", answersHead: false) { request, _ in
            let query = try QueryParameters(request)
            try query.allowOnly(["entity", "type", "story", "last_event_id"])
            let filter = FeedFilter(entity: query.string("entity"), type: query.string("type"), story: query.string("story"))
            // Browsers resend the last id they saw in the header when they reconnect; a client
            // that cannot set headers may pass it in the query.
            let feed = try store().feed
            let subscription: ChangeFeed.Subscription
            if let lastSeen = request.headers[Self.lastEventID] ?? query.string("last_event_id") {
                guard let resumed = feed.subscribe(lastEventID: lastSeen, filter: filter) else {
                    throw Problem.badRequest("Last-Event-ID must be the id of a message this stream sent (<epoch>-<number>), not '\(lastSeen)'")
                }
                subscription = resumed
            } else {
                subscription = feed.subscribe(filter: filter)
            }
            let headers: HTTPFields = [
                .contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache",
                HTTPField.Name("X-Accel-Buffering")!: "no",
            ]
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                try await writer.write(ServerSentEvents.opening(gap: subscription.gap))
                for message in subscription.missed { try await writer.write(ServerSentEvents.frame(message, id: feed.eventID(of: message))) }
                // Ends when the feed drops this subscriber (it fell too far behind), a write
                // fails (the client left, noticed at the latest by the next heartbeat), or the
                // service shuts down: a stream never holds up a graceful shutdown.
                try await withGracefulShutdownHandler {
                    for await item in subscription.live {
                        switch item {
                        case .message(let message): try await writer.write(ServerSentEvents.frame(message, id: feed.eventID(of: message)))
                        case .heartbeat: try await writer.write(ServerSentEvents.heartbeat)
                        }
                    }
                } onGracefulShutdown: {
                    subscription.end()
                }
                try await writer.finish(nil)
            })
        }
    }

    static let lastEventID = HTTPField.Name("Last-Event-ID")!
}

/// The `text/event-stream` wire format (WHATWG HTML, "Server-sent events").
enum ServerSentEvents {
    /// `event`, `id` and the JSON on one `data` line (JSON has no raw line breaks).
    static func frame(_ message: FeedMessage, id: String) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeString("id: \(id)\nevent: \(message.kind.rawValue)\ndata: ")
        buffer.writeBytes(message.data)
        buffer.writeString("\n\n")
        return buffer
    }

    /// A comment line: ignored by clients, keeps the connection alive.
    static let heartbeat = ByteBuffer(string: ": heartbeat\n\n")

    /// How long a client waits before reconnecting, and, when messages after its last id are no
    /// longer kept, a `reset` event telling it to reload what it shows.
    static func opening(gap: Bool) -> ByteBuffer {
        var text = "retry: 3000\n\n"
        if gap { text += "event: reset\ndata: {\"reason\":\"messages after Last-Event-ID are no longer kept; reload from the API\"}\n\n" }
        return ByteBuffer(string: text)
    }
}
