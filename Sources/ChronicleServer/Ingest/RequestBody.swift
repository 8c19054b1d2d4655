import Foundation
import Hummingbird
import NIOCore

/// Reading and validating request bodies before they reach the pipeline.
enum RequestBody {
    enum Kind: Equatable {
        case json, text, html, ndjson
    }

    static let acceptedTypes = "application/json, text/plain, text/html, application/x-ndjson"

    /// The kind of article body a Content-Type announces, or a 415.
    static func kind(of request: Request) throws(Problem) -> Kind {
        guard let header = request.headers[.contentType] else {
            throw Problem(.unsupportedMediaType, "missing Content-Type; send one of: \(acceptedTypes)", type: "unsupported-media-type")
        }
        let mediaType = header.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch mediaType {
        case "application/json": return .json
        case "text/plain": return .text
        case "text/html", "application/xhtml+xml": return .html
        case "application/x-ndjson", "application/jsonl", "application/ndjson": return .ndjson
        default:
            throw Problem(.unsupportedMediaType, "Content-Type \(mediaType) is not supported; send one of: \(acceptedTypes)", type: "unsupported-media-type")
        }
    }

    /// Collects at most `limit` bytes and checks they are UTF-8.
    static func text(of request: Request, limit: Int) async throws -> String {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw Problem(.contentTooLarge, "the request body is larger than the limit of \(limit) bytes", type: "body-too-large")
        }
        let bytes = buffer.readableBytesView
        if let offset = firstInvalidUTF8Offset(bytes) {
            throw Problem.badRequest("the body is not valid UTF-8 (first invalid byte at offset \(offset))")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Offset of the first byte that does not belong to a well-formed UTF-8 sequence.
    static func firstInvalidUTF8Offset(_ bytes: some Collection<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    static func decodeJSON<T: Decodable>(_ type: T.Type, from text: String) throws(Problem) -> T {
        // Check the syntax first: it gives the position of an error, and bounds the nesting
        // depth before a recursive decoder sees the document.
        if let error = JSONSyntax.firstError(in: Array(text.utf8)) {
            throw .badRequest("malformed JSON at line \(error.line), column \(error.column) (byte \(error.offset)): \(error.message)")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        } catch let DecodingError.dataCorrupted(context) {
            let reason = (context.underlyingError.map { "\($0)" } ?? context.debugDescription)
            throw .badRequest("malformed JSON: \(reason)")
        } catch let DecodingError.typeMismatch(expected, context) {
            throw .badRequest("wrong type at \(path(context)): expected \(expected)")
        } catch let DecodingError.keyNotFound(key, context) {
            throw .badRequest("missing field \(path(context, key))")
        } catch let DecodingError.valueNotFound(expected, context) {
            throw .badRequest("null at \(path(context)): expected \(expected)")
        } catch {
            throw .badRequest("malformed JSON: \(error)")
        }
    }

    private static func path(_ context: DecodingError.Context, _ key: (any CodingKey)? = nil) -> String {
        let keys = context.codingPath + (key.map { [$0] } ?? [])
        return keys.isEmpty ? "the top level" : "\"" + keys.map(\.stringValue).joined(separator: ".") + "\""
    }
}
