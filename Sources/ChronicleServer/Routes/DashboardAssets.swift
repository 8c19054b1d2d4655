import Foundation
import HTTPTypes
import Hummingbird

/// The built-in dashboard's files (`Resources/dashboard/`: HTML, CSS, JavaScript modules), read
/// once from the bundle and served from memory with an ETag, so a browser revalidates cheaply
/// and the container needs no other file and no network.
struct DashboardAssets: Sendable {
    struct Asset: Sendable {
        let bytes: ByteBuffer
        let contentType: String
        let etag: String
    }

    private let assets: [String: Asset]

    /// The page every view lives in (`GET /`).
    static let page = "index.html"

    /// The files of this build, read on first use.
    static let bundled = DashboardAssets()

    init(bundle: Bundle = .module) {
        var assets: [String: Asset] = [:]
        let folder = bundle.resourceURL?.appendingPathComponent("dashboard")
        let names = folder.flatMap { try? FileManager.default.contentsOfDirectory(atPath: $0.path) } ?? []
        for name in names {
            guard let folder, let type = Self.contentTypes[(name as NSString).pathExtension],
                let data = try? Data(contentsOf: folder.appendingPathComponent(name))
            else { continue }
            // FNV-1a of the content: changes exactly when the file does.
            let hash = data.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
            assets[name] = Asset(bytes: ByteBuffer(bytes: data), contentType: type, etag: "\"\(String(hash, radix: 36))\"")
        }
        self.assets = assets
    }

    static let contentTypes = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "svg": "image/svg+xml", "png": "image/png",
    ]

    /// The page itself may run only its own scripts and styles and talk only to this service.
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

    /// The file's response, or 304 when the browser's copy (`If-None-Match`) is current.
    func response(for name: String, request: Request, context: some RequestContext) async throws -> Response? {
        guard let asset = assets[name] else { return nil }
        let headers: HTTPFields = [
            .cacheControl: "no-cache", .contentSecurityPolicy: Self.contentSecurityPolicy,
            HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        ]
        return try await request.ifNoneMatch(headers: headers, eTag: asset.etag, context: context) {
            Response(status: .ok, headers: [.contentType: asset.contentType], body: .init(byteBuffer: asset.bytes))
        }
    }

    var names: [String] { assets.keys.sorted() }
}
