import ChroniclePipeline

/// A page fetched for a `{"url": ...}` article.
public struct FetchedPage: Sendable {
    public var body: ArticleInput.Body
    public var finalURL: String

    public init(body: ArticleInput.Body, finalURL: String) {
        self.body = body
        self.finalURL = finalURL
    }
}

/// Fetches article pages. A protocol so tests of the routes can run without a network.
public protocol PageFetcher: Sendable {
    /// Throws `FetchError` with a reason a person can act on.
    func fetch(_ url: String) async throws -> FetchedPage
}

public struct FetchError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
