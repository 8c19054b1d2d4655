import ChroniclePipeline
import Foundation
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Fetches pages with URLSession (libcurl on Linux): http(s) only, a timeout, a size cap,
/// a bounded number of redirects, and every hop checked against the address policy.
package struct URLSessionPageFetcher: PageFetcher {
    let configuration: FetchConfiguration

    package init(configuration: FetchConfiguration) {
        self.configuration = configuration
    }

    package func fetch(_ urlString: String) async throws -> FetchedPage {
        guard configuration.enabled else { throw FetchError(Self.disabled) }
        let policy = AddressPolicy(allowPrivate: configuration.allowPrivateAddresses)
        guard let url = URL(string: urlString) else { throw FetchError("'\(urlString)' is not a URL") }
        if let refusal = Self.refusal(for: url, policy: policy) { throw FetchError(refusal) }

        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.timeoutIntervalForRequest = configuration.timeoutSeconds
        sessionConfiguration.timeoutIntervalForResource = configuration.timeoutSeconds
        let delegate = FetchDelegate(configuration: configuration, policy: policy)
        let session = URLSession(configuration: sessionConfiguration, delegate: delegate, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        var request = URLRequest(url: url)
        request.setValue("Chronicle/1.0 (+article fetcher)", forHTTPHeaderField: "User-Agent")
        request.setValue("text/html, text/plain;q=0.9", forHTTPHeaderField: "Accept")
        let (data, response) = try await delegate.run(session.dataTask(with: request))

        guard let http = response as? HTTPURLResponse else { throw FetchError("no HTTP response from \(urlString)") }
        guard (200..<300).contains(http.statusCode) else {
            throw FetchError("\(urlString) answered HTTP \(http.statusCode)")
        }
        let contentType = (http.value(forHTTPHeaderField: "Content-Type") ?? "text/html").lowercased()
        let text = String(decoding: data, as: UTF8.self)
        let finalURL = http.url?.absoluteString ?? urlString
        if contentType.hasPrefix("text/html") || contentType.hasPrefix("application/xhtml") {
            return FetchedPage(body: .html(text), finalURL: finalURL)
        }
        if contentType.hasPrefix("text/plain") { return FetchedPage(body: .text(text), finalURL: finalURL) }
        throw FetchError("\(urlString) is \(contentType), not an HTML or text page")
    }

    /// Why nothing is fetched when `fetch.enabled` is off.
    static let disabled = "fetching pages is turned off (fetch.enabled is false)"

    static func refusal(for url: URL, policy: AddressPolicy) -> String? {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            return "only http and https URLs can be fetched, not '\(url.absoluteString)'"
        }
        guard let host = url.host, !host.isEmpty else { return "the URL '\(url.absoluteString)' has no host" }
        return policy.refusal(forHost: host)
    }
}

/// Collects one task's data, enforcing the size cap and vetting redirects.
private final class FetchDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private struct State {
        var data = Data()
        var response: URLResponse?
        var redirects = 0
        var failure: FetchError?
        var continuation: CheckedContinuation<(Data, URLResponse), any Error>?
    }

    private let configuration: FetchConfiguration
    private let policy: AddressPolicy
    private let state = Mutex(State())

    init(configuration: FetchConfiguration, policy: AddressPolicy) {
        self.configuration = configuration
        self.policy = policy
    }

    func run(_ task: URLSessionDataTask) async throws -> (Data, URLResponse) {
        try await withCheckedThrowingContinuation { continuation in
            state.withLock { $0.continuation = continuation }
            task.resume()
        }
    }

    private func fail(_ task: URLSessionTask, _ reason: String) {
        record(reason)
        task.cancel()
    }

    private func record(_ reason: String) {
        state.withLock { $0.failure = $0.failure ?? FetchError(reason) }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        let count = state.withLock { state -> Int in
            state.redirects += 1
            return state.redirects
        }
        // Refusing means completing with the redirect response itself; cancelling the task
        // inside this callback traps in FoundationNetworking.
        if count > configuration.maxRedirects {
            record("more than \(configuration.maxRedirects) redirects")
            return completionHandler(nil)
        }
        if let url = request.url, let refusal = URLSessionPageFetcher.refusal(for: url, policy: policy) {
            record("redirect refused: \(refusal)")
            return completionHandler(nil)
        }
        completionHandler(request)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        if response.expectedContentLength > Int64(configuration.maxBytes) {
            fail(dataTask, "the page is larger than the limit of \(configuration.maxBytes) bytes")
            return completionHandler(.cancel)
        }
        state.withLock { $0.response = response }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let size = state.withLock { state -> Int in
            state.data.append(data)
            return state.data.count
        }
        if size > configuration.maxBytes {
            fail(dataTask, "the page is larger than the limit of \(configuration.maxBytes) bytes")
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let (continuation, result) = state.withLock { state -> (CheckedContinuation<(Data, URLResponse), any Error>?, Result<(Data, URLResponse), any Error>) in
            let continuation = state.continuation
            state.continuation = nil
            if let failure = state.failure { return (continuation, .failure(failure)) }
            if let error {
                let reason = (error as? URLError)?.code == .timedOut
                    ? "timed out after \(configuration.timeoutSeconds) s" : error.localizedDescription
                return (continuation, .failure(FetchError("fetch failed: \(reason)")))
            }
            guard let response = state.response ?? task.response else {
                return (continuation, .failure(FetchError("no response")))
            }
            return (continuation, .success((state.data, response)))
        }
        continuation?.resume(with: result)
    }
}
