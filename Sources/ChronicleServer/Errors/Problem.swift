import Foundation
import HTTPTypes
import Hummingbird

/// An RFC 9457 problem: every error the API returns has this shape and
/// `Content-Type: application/problem+json`.
package struct Problem: Error, Codable, Sendable, Equatable {
    package var type: String
    package var title: String
    package var status: Int
    package var detail: String
    package var instance: String?

    package init(_ status: HTTPResponse.Status, _ detail: String, type: String? = nil) {
        self.status = status.code
        self.title = status.reasonPhrase
        self.detail = detail
        self.type = type.map { "https://chronicle.dev/problems/\($0)" } ?? "about:blank"
    }

    static func badRequest(_ detail: String) -> Problem { Problem(.badRequest, detail, type: "bad-request") }
    static func notFound(_ detail: String) -> Problem { Problem(.notFound, detail, type: "not-found") }
    static func unprocessable(_ detail: String) -> Problem { Problem(.unprocessableContent, detail, type: "unprocessable") }
    static func unavailable(_ detail: String) -> Problem { Problem(.serviceUnavailable, detail, type: "unavailable") }

    func response(instance: String?) -> Response {
        var problem = self
        problem.instance = instance
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = (try? encoder.encode(problem)) ?? Data("{}".utf8)
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if status == 503 { headers[.retryAfter] = "5" }
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
