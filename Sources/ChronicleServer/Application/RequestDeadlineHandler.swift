import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Closes a connection that does not deliver a whole request (head and body) within `timeout` of
/// connecting or of its previous response. The idle timeout alone cannot stop a client that sends
/// a byte every few seconds (slowloris); this deadline does, and the shared `ConnectionLimiter`
/// keeps such clients from holding every connection meanwhile. Requests being answered, such as
/// a long `GET /v1/stream`, are not timed.
final class RequestDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let timeout: TimeAmount
    private let limiter: ConnectionLimiter
    private var deadline: Scheduled<Void>?
    private var started = false
    /// Requests received whole and not yet answered (HTTP/1.1 pipelining can queue several).
    private var unanswered = 0

    init(timeout: TimeAmount, limiter: ConnectionLimiter) {
        self.timeout = timeout
        self.limiter = limiter
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { start(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        start(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        if started { limiter.closed(context.channel) }
        started = false
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        disarm()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .end = unwrapInboundIn(data) {
            unanswered += 1
            disarm()
            limiter.serving(context.channel)
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            unanswered = max(0, unanswered - 1)
            if unanswered == 0 {
                arm(context)
                limiter.waiting(context.channel)
            }
        }
        context.write(data, promise: promise)
    }

    private func start(_ context: ChannelHandlerContext) {
        guard !started else { return }
        started = true
        if let evicted = limiter.opened(context.channel) { evicted.close(promise: nil) }
        arm(context)
    }

    private func arm(_ context: ChannelHandlerContext) {
        disarm()
        let channel = context.channel
        deadline = context.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
    }

    private func disarm() {
        deadline?.cancel()
        deadline = nil
    }
}
