import ChronicleTestSupport
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`:
/// commands on its fd 3, answers on its fd 4, each a JSON message ending in NUL), so a test can
/// open a page, wait for it, read its DOM and take a screenshot with no other tool.
final class HeadlessChromium: @unchecked Sendable {
    /// The browser on this machine (Debian's `chromium`), if any.
    static let executable: String? = {
        let names = ["chromium", "chromium-browser", "google-chrome"]
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            for name in names where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") { return "\(directory)/\(name)" }
        }
        return nil
    }()

    struct Failure: Error, CustomStringConvertible { let description: String }

    private let pid: pid_t
    private let commands: Int32
    private let answers: Int32
    private let profile: String
    private var buffer: [UInt8] = []
    private var nextID = 0
    private var session = ""
    /// One command at a time, off the concurrency pool (the reads block).
    private let queue = DispatchQueue(label: "chronicle.tests.chromium")

    /// Starts the browser with one page of `width` x `height` CSS pixels.
    init(width: Int, height: Int) throws {
        guard let executable = Self.executable else { throw Failure(description: "chromium is not installed") }
        profile = ScratchDirectory.make("chromium").path
        var toBrowser: [Int32] = [0, 0]
        var fromBrowser: [Int32] = [0, 0]
        guard pipe(&toBrowser) == 0, pipe(&fromBrowser) == 0 else { throw Failure(description: "no pipes") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toBrowser[0], 3)
        posix_spawn_file_actions_adddup2(&actions, fromBrowser[1], 4)
        let devNull = Glibc.open("/dev/null", O_WRONLY)
        posix_spawn_file_actions_adddup2(&actions, devNull, 1)
        posix_spawn_file_actions_adddup2(&actions, devNull, 2)
        // Nothing else this process has open (other tests' data directories and their locks):
        // glibc 2.34's addclosefrom_np, looked up since the Glibc module does not export it.
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32
        if let closeFrom = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") {
            _ = unsafeBitCast(closeFrom, to: CloseFrom.self)(&actions, 5)
        }
        let arguments = [
            executable, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--disable-extensions", "--hide-scrollbars", "--remote-debugging-pipe", "--user-data-dir=\(profile)", "about:blank",
        ]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, nil, &argv, environ)
        close(toBrowser[0])
        close(fromBrowser[1])
        close(devNull)
        guard status == 0 else { throw Failure(description: "chromium did not start: \(status)") }
        pid = child
        commands = toBrowser[1]
        answers = fromBrowser[0]
        let target = try send("Target.createTarget", ["url": "about:blank"], toPage: false)
        guard let targetID = target["targetId"] as? String else { throw Failure(description: "no page: \(target)") }
        let attached = try send("Target.attachToTarget", ["targetId": targetID, "flatten": true], toPage: false)
        session = attached["sessionId"] as? String ?? ""
        _ = try send("Emulation.setDeviceMetricsOverride", ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": false])
        _ = try send("Page.enable")
    }

    deinit {
        close(commands)
        close(answers)
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        try? FileManager.default.removeItem(atPath: profile)
    }

    /// Opens `url` and waits until `ready` (a JavaScript expression) is true.
    func open(_ url: String, until ready: String, timeout: Duration = .seconds(30)) async throws {
        _ = try await command("Page.navigate", ["url": url])
        try await wait(until: ready, timeout: timeout)
    }

    func wait(until ready: String, timeout: Duration = .seconds(30)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            // While the page is still loading the expression may throw (no document.body yet).
            if let value = try? await evaluate(ready), value as? Bool == true { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure(description: "the page was not ready within \(timeout): \(ready)")
    }

    /// The value of a JavaScript expression (awaited if it is a promise), as JSON gives it.
    func evaluate(_ expression: String) async throws -> Any? {
        let result = try await command("Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true])
        if let exception = result["exceptionDetails"] { throw Failure(description: "\(expression): \(exception)") }
        return (result["result"] as? [String: Any])?["value"]
    }

    /// A PNG of what the page shows.
    func screenshot() async throws -> Data {
        let result = try await command("Page.captureScreenshot", ["format": "png"])
        guard let base64 = result["data"] as? String, let data = Data(base64Encoded: base64) else { throw Failure(description: "no screenshot") }
        return data
    }

    func command(_ method: String, _ parameters: [String: Any] = [:]) async throws -> [String: Any] {
        // The parameters are plain JSON values: safe to hand to the browser's queue.
        nonisolated(unsafe) let parameters = parameters
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                do {
                    let answer = try self.send(method, parameters)
                    nonisolated(unsafe) let sendable = answer
                    continuation.resume(returning: sendable)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Sends one command and reads messages until its answer (events in between are dropped).
    private func send(_ method: String, _ parameters: [String: Any] = [:], toPage: Bool = true) throws -> [String: Any] {
        nextID += 1
        var message: [String: Any] = ["id": nextID, "method": method, "params": parameters]
        if toPage { message["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(commands, $0.baseAddress, $0.count) }
            guard count > 0 else { throw Failure(description: "chromium closed its pipe") }
            written += count
        }
        while true {
            let reply = try readMessage()
            guard (reply["id"] as? Int) == nextID else { continue }
            if let error = reply["error"] { throw Failure(description: "\(method): \(error)") }
            return reply["result"] as? [String: Any] ?? [:]
        }
    }

    private func readMessage() throws -> [String: Any] {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let message = Array(buffer[..<end])
                buffer.removeSubrange(...end)
                return try JSONSerialization.jsonObject(with: Data(message)) as? [String: Any] ?? [:]
            }
            // A browser that stops answering fails the test instead of hanging it.
            var ready = pollfd(fd: answers, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 60_000) > 0 else { throw Failure(description: "chromium did not answer within 60 s") }
            let count = chunk.withUnsafeMutableBytes { Glibc.read(answers, $0.baseAddress, $0.count) }
            guard count > 0 else { throw Failure(description: "chromium closed its pipe") }
            buffer.append(contentsOf: chunk[..<count])
        }
    }
}
