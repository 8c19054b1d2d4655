import ChroniclePipeline

/// A page fetched for a `{"url": ...}` article.
package struct FetchedPage: Sendable {
    package var body: ArticleInput.Body
    package var finalURL: String

    package init(body: ArticleInput.Body, finalURL: String) {
        self.body = body
        self.finalURL = finalURL
    }
}

/// Fetches article pages. A protocol so tests of the routes can run without a network.
package protocol PageFetcher: Sendable {
    /// Throws `FetchError` with a reason a person can act on.
    func fetch(_ url: String) async throws -> FetchedPage
}

package struct FetchError: Error, CustomStringConvertible, Sendable {
    package let description: String
    package init(_ description: String) { self.description = description }
}
