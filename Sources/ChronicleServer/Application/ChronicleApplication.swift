import ChronicleFoundation
import ChronicleKnowledge
import ChroniclePipeline
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix

/// Assembles the HTTP service: router, middleware and the background services.
public enum ChronicleApplication {
    /// The router with every endpoint. Tests drive it in memory.
    package static func buildRouter(
        configuration: ServerConfiguration, stores: StoreHolder, pipeline: Pipeline,
        fetcher: (any PageFetcher)? = nil
    ) -> Router<ChronicleRequestContext> {
        buildRouter(configuration: configuration, stores: stores, pipeline: pipeline, fetcher: fetcher, table: RouteTable())
    }

    /// `threads` replaces the shared extraction pool of `configuration.extractionThreads`: tests
    /// that post heavy bodies use their own, so other suites' posts do not queue behind them.
    static func buildRouter(
        configuration: ServerConfiguration, stores: StoreHolder, pipeline: Pipeline,
        fetcher: (any PageFetcher)? = nil, table: RouteTable, threads: NIOThreadPool? = nil
    ) -> Router<ChronicleRequestContext> {
        let router = Router(context: ChronicleRequestContext.self, options: .autoGenerateHeadEndpoints)
        if !configuration.corsOrigins.isEmpty {
            // Before the problem middleware, so errors carry the CORS headers too.
            router.add(middleware: CORSPolicy(origins: configuration.corsOrigins))
        }
        router.add(middleware: ProblemMiddleware(routes: table))
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: LogRequestsMiddleware(.debug))
        let api = ChronicleAPI(
            configuration: configuration, stores: stores,
            ingestor: ArticleIngestor(
                pipeline: pipeline, stores: stores,
                fetcher: fetcher ?? URLSessionPageFetcher(configuration: configuration.fetch),
                threads: threads ?? ExtractionThreads.pool(count: configuration.extractionThreads)),
            responses: ResponseCache())
        let apiRouter = APIRouter(router: router, table: table)
        api.register(on: apiRouter)
        ChronicleAPI.addMetricsRoute(to: apiRouter, registry: MetricsBootstrap.registry)
        return router
    }

    /// The whole service: HTTP server plus the store loader and snapshot scheduler. The store
    /// starts opening first, in the background, while the pipeline's resources load: a broken
    /// package stops here, before any port is bound.
    public static func build(
        configuration: ServerConfiguration, logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws(ResourceError) -> some ApplicationProtocol {
        let stores = StoreHolder()
        let storeService = StoreService(
            directory: configuration.dataDir, intervalMinutes: configuration.snapshotIntervalMinutes, stores: stores,
            stream: configuration.stream, logger: logger)
        let router = buildRouter(configuration: configuration, stores: stores, pipeline: try Pipeline.standard())
        let heartbeats = FeedHeartbeatService(stores: stores, intervalSeconds: configuration.stream.heartbeatSeconds)
        return Application(
            router: router,
            server: .http1(configuration: http1Configuration(configuration)),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "chronicle"),
            services: [storeService, heartbeats],
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger
        )
    }

    /// Idle timeout, request deadline and connection cap: slow or idle clients cannot hold the server.
    static func http1Configuration(_ configuration: ServerConfiguration) -> HTTP1Channel.Configuration {
        let limiter = ConnectionLimiter(maxConnections: configuration.maxConnections)
        let requestTimeout = TimeAmount.milliseconds(Int64(configuration.requestTimeoutSeconds * 1000))
        return HTTP1Channel.Configuration(
            additionalChannelHandlers: [RequestDeadlineHandler(timeout: requestTimeout, limiter: limiter)],
            idleTimeout: .milliseconds(Int64(configuration.idleTimeoutSeconds * 1000)))
    }
}
