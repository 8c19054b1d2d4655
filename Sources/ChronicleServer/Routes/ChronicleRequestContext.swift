import Foundation
import HTTPTypes
import Hummingbird

/// The request context of every route: Hummingbird's basic context with the service's JSON
/// encoder as its response encoder. Keys are sorted, so an answer is the same bytes for the same
/// state (stable for clients to diff, and what the response cache and its ETags rely on).
package struct ChronicleRequestContext: RequestContext {
    package var coreContext: CoreRequestContextStorage

    package init(source: Source) { coreContext = .init(source: source) }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    package var responseEncoder: JSONEncoder { Self.encoder }

    /// `value` as the JSON of a response, through the response encoder, with its status and
    /// any further headers.
    func json(
        _ value: some Encodable, for request: Request, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]
    ) throws -> Response {
        var response = try responseEncoder.encode(value, from: request, context: self)
        response.status = status
        response.headers.append(contentsOf: headers)
        return response
    }
}
