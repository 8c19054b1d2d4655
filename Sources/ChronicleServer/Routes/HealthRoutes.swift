import Foundation
import Hummingbird
import Prometheus

extension ChronicleAPI {
    func addHealthRoutes(to router: APIRouter) {
        router.on(.get, "/healthz") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain"], body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        }

        router.on(.get, "/readyz") { _, _ in
            _ = try stores.store()
            return Response(status: .ok, headers: [.contentType: "text/plain"], body: .init(byteBuffer: ByteBuffer(string: "ready\n")))
        }

        router.on(.get, "/openapi.json") { _, _ in
            guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
                let data = try? Data(contentsOf: url)
            else { throw Problem(.internalServerError, "the OpenAPI document is missing from the build") }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    static func addMetricsRoute(to router: APIRouter, registry: PrometheusCollectorRegistry) {
        router.on(.get, "/metrics") { _, _ in
            var buffer: [UInt8] = []
            buffer.reserveCapacity(16 * 1024)
            registry.emit(into: &buffer)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
        }
    }
}
