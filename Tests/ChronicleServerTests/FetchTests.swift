import ChronicleKnowledge
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

@testable import ChronicleServer

@Suite("{\"url\": ...}: the service fetches the page itself")
struct FetchTests {
    /// A live server on loopback serving the pages the fetcher is tested against.
    static func pageServer() -> some ApplicationProtocol {
        let router = Router()
        router.get("/article.html") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "<html><body><nav>Home</nav><p>The river flooded the valley on Sunday.</p></body></html>")))
        }
        router.get("/notes.txt") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain"], body: .init(byteBuffer: ByteBuffer(string: "A plain report arrived.")))
        }
        router.get("/big.html") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html"], body: .init(byteBuffer: ByteBuffer(string: String(repeating: "<p>padding</p>", count: 1000))))
        }
        router.get("/image.png") { _, _ in
            Response(status: .ok, headers: [.contentType: "image/png"], body: .init(byteBuffer: ByteBuffer(bytes: [0x89, 0x50])))
        }
        router.get("/loop") { _, _ in Response(status: .found, headers: [.location: "/loop"]) }
        router.get("/moved") { _, _ in Response(status: .movedPermanently, headers: [.location: "/article.html"]) }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    func service(allowPrivate: Bool = true, maxBytes: Int = 1_000_000) -> TestService {
        var service = TestService()
        service.configuration.fetch.allowPrivateAddresses = allowPrivate
        service.configuration.fetch.maxBytes = maxBytes
        service.configuration.fetch.timeoutSeconds = 5
        return service
    }

    func withPages(_ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        try await Self.pageServer().test(.live) { pages in try await body(try #require(pages.port)) }
    }

    @Test("an HTML page and a text page are fetched, following a redirect, and stored")
    func fetchesPages() async throws {
        try await withPages { port in
            try await service().run { client in
                let html = try await client.post("/v1/articles", jsonString(["url": "http://127.0.0.1:\(port)/moved", "source": "River News"]))
                #expect(html.status == .created)
                let metadata = try #require(try html.json()["metadata"] as? [String: Any])
                #expect(metadata["url"] as? String == "http://127.0.0.1:\(port)/article.html")
                #expect(metadata["source"] as? String == "River News")
                let text = try await client.post("/v1/articles", jsonString(["url": "http://127.0.0.1:\(port)/notes.txt"]))
                #expect(text.status == .created)
            }
        }
    }

    @Test("fetch failures are 422s that say why", arguments: [
        ("/missing", "answered HTTP 404"),
        ("/image.png", "is image/png, not an HTML or text page"),
        ("/loop", "more than 5 redirects"),
        ("/big.html", "the page is larger than the limit of 2000 bytes"),
    ])
    func failures(path: String, reason: String) async throws {
        try await withPages { port in
            try await service(maxBytes: 2000).run { client in
                let response = try await client.post("/v1/articles", jsonString(["url": "http://127.0.0.1:\(port)\(path)"]))
                #expect(response.status == .unprocessableContent)
                let detail = try response.problem().detail
                #expect(detail.hasPrefix("could not fetch http://127.0.0.1:\(port)\(path): "))
                #expect(detail.contains(reason), "\(detail)")
            }
        }
    }

    /// (A url that is not http or https is a 400 before any fetch: `ProblemTests`.)
    @Test("loopback, private and link-local addresses are refused unless configured", arguments: [
        ("http://127.0.0.1:9/x", "resolves to 127.0.0.1, a loopback, private or link-local address"),
        ("http://10.1.2.3/x", "resolves to 10.1.2.3"),
        ("http://169.254.169.254/latest/meta-data", "resolves to 169.254.169.254"),
        ("http://[::1]/x", "resolves to 0:0:0:0:0:0:0:1"),
    ])
    func refusesInternalAddresses(url: String, reason: String) async throws {
        try await service(allowPrivate: false).run { client in
            let response = try await client.post("/v1/articles", jsonString(["url": url]))
            #expect(response.status == .unprocessableContent)
            #expect(try response.problem().detail.contains(reason))
        }
    }

    @Test("fetch.enabled false: a url-only article is a 422 and the page server hears nothing, not even for a loopback address that is allowed")
    func disabled() async throws {
        let requests = RequestCounter()
        let router = Router()
        router.get("/article.html") { _, _ in
            requests.add()
            return Response(status: .ok, headers: [.contentType: "text/html"], body: .init(byteBuffer: ByteBuffer(string: "<p>The river flooded.</p>")))
        }
        let pages = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        let offline = {
            var service = service(allowPrivate: true)
            service.configuration.fetch.enabled = false
            return service
        }()
        try await pages.test(.live) { pages in
            let port = try #require(pages.port)
            #expect(try await pages.execute(uri: "/article.html", method: .get).status == .ok)
            try await offline.run { client in
                for url in ["http://127.0.0.1:\(port)/article.html", "https://example.invalid/news/1"] {
                    let response = try await client.post("/v1/articles", jsonString(["url": url]))
                    #expect(response.status == .unprocessableContent)
                    #expect(try response.problem().detail == "could not fetch \(url): fetching pages is turned off (fetch.enabled is false)")
                    let extracted = try await client.post("/v1/extract", jsonString(["url": url]))
                    #expect(extracted.status == .unprocessableContent)
                }
            }
        }
        #expect(requests.count == 1)
        #expect(offline.stores.read { $0.articleCount } == 0)
    }

    @Test("address classification", arguments: [
        ([127, 0, 0, 1], true), ([10, 0, 0, 1], true), ([172, 16, 0, 1], true), ([172, 32, 0, 1], false),
        ([192, 168, 1, 1], true), ([169, 254, 1, 1], true), ([100, 64, 0, 1], true), ([8, 8, 8, 8], false),
        ([93, 184, 216, 34], false), ([0, 0, 0, 0], true),
    ] as [([UInt8], Bool)])
    func classification(bytes: [UInt8], isInternal: Bool) {
        #expect(AddressPolicy.isInternal(.init(bytes: bytes)) == isInternal)
        let mapped = [UInt8](repeating: 0, count: 10) + [0xff, 0xff] + bytes
        #expect(AddressPolicy.isInternal(.init(bytes: mapped)) == isInternal)
    }
}

/// Requests a test server received.
private final class RequestCounter: Sendable {
    private let counted = Atomic<Int>(0)
    func add() { counted.add(1, ordering: .relaxed) }
    var count: Int { counted.load(ordering: .relaxed) }
}
