import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import ChronicleServer

/// The dashboard's files, served from the bundle; the browser test (ChronicleProcessTests)
/// checks what they draw.
@Suite("Dashboard files")
struct DashboardAssetTests {
    @Test("GET / is the page; its scripts and styles are served with their types, an ETag and a strict policy")
    func assets() async throws {
        try await TestService().run { client in
            let page = try await client.get("/")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.text.contains("<script type=\"module\" src=\"/dashboard/app.js\"></script>"))
            let policy = try #require(page.headers[.contentSecurityPolicy])
            #expect(policy.contains("default-src 'self'") && policy.contains("connect-src 'self'"))
            // Every module the page loads is served, so nothing is fetched from elsewhere.
            var pending = ["app.js"]
            var served: Set<String> = []
            while let file = pending.popLast() {
                guard served.insert(file).inserted else { continue }
                let response = try await client.get("/dashboard/\(file)")
                #expect(response.status == .ok, "\(file)")
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8", "\(file)")
                for match in response.text.matches(of: /from '\.\/([a-z-]+\.js)'/) { pending.append(String(match.1)) }
                // (The SVG namespace is a name, not an address anything fetches.)
                let text = response.text.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "")
                #expect(!text.contains("http://") && !text.contains("https://"), "\(file) names no other site")
            }
            #expect(served.count >= 10)
            let style = try await client.get("/dashboard/app.css")
            #expect(style.headers[.contentType] == "text/css; charset=utf-8")
            let etag = try #require(style.headers[.eTag])
            var headers = HTTPFields()
            headers[.ifNoneMatch] = etag
            let again = try await client.execute(uri: "/dashboard/app.css", method: .get, headers: headers)
            #expect(again.status == .notModified)
            #expect(again.body.readableBytes == 0)
            let missing = try await client.get("/dashboard/nothing.js")
            #expect(missing.status == .notFound)
            #expect(try missing.problem().detail == "the dashboard has no file 'nothing.js'")
            #expect(try await client.get("/dashboard/index.html").status == .notFound)
        }
    }
}
