import ChronicleKnowledge
import ChroniclePipeline
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOPosix
import Testing

@testable import ChronicleServer

/// An application over a fresh in-memory store, driven through the real router.
struct TestService {
    var configuration = ServerConfiguration()
    var stores = StoreHolder(KnowledgeStore())
    let table = RouteTable()
    /// Extraction threads of the suite's own instead of the process-wide pool.
    var threads: NIOThreadPool? = nil

    /// Built once for every suite: its resources are loaded once per process anyway.
    static let pipeline = Result { try Pipeline.standard() }

    func application() throws -> some ApplicationProtocol {
        Application(router: ChronicleApplication.buildRouter(
            configuration: configuration, stores: stores, pipeline: try Self.pipeline.get(), table: table, threads: threads))
    }

    func run(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await application().test(.router) { client in try await body(client) }
    }
}

extension TestClientProtocol {
    func post(_ uri: String, _ body: String, contentType: String = "application/json", headers: HTTPFields = [:])
        async throws -> TestResponse
    {
        var fields = headers
        fields[.contentType] = contentType
        return try await execute(uri: uri, method: .post, headers: fields, body: ByteBuffer(string: body))
    }

    func get(_ uri: String) async throws -> TestResponse {
        try await execute(uri: uri, method: .get)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func json() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any])
    }

    /// The problem+json body, checking the content type on the way.
    func problem() throws -> Problem {
        #expect(headers[.contentType] == "application/problem+json")
        return try JSONDecoder().decode(Problem.self, from: Data(buffer: body))
    }
}

func jsonString(_ object: [String: Any]) -> String {
    String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
}
