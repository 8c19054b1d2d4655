import ChronicleTestSupport
import Foundation
import Synchronization
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real `chronicle` binary, started as a child process on a free loopback port.
final class ServiceProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    let dataDirectory: String
    let output = Pipe()

    static var binary: URL {
        // `swift test` runs the test bundle from the build directory that also holds the binary.
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("chronicle")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/chronicle")
    }

    static var binaryAvailable: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }

    /// `logPath`: where the service's output goes (read with `log`), instead of a pipe that
    /// blocks a chatty service once full.
    init(dataDirectory: String, environment: [String: String] = [:], logPath: String? = nil, logLevel: String = "warning") throws {
        self.dataDirectory = dataDirectory
        port = try Self.freePort()
        process.executableURL = Self.binary
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", String(port), "--data-dir", dataDirectory, "--log-level", logLevel]
        // A working directory without config/, so the embedded defaults apply.
        process.currentDirectoryURL = URL(fileURLWithPath: NSTemporaryDirectory())
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("CHRONICLE_") }
        env.merge(environment) { $1 }
        process.environment = env
        if let logPath {
            _ = FileManager.default.createFile(atPath: logPath, contents: nil)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
            handle.seekToEndOfFile()
            process.standardOutput = handle
            process.standardError = handle
        } else {
            process.standardOutput = output
            process.standardError = output
        }
        try process.run()
    }

    /// A test that fails before it stops its service must not leave it running after the suite.
    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Waits until `/readyz` answers 200 (snapshot and journal loaded).
    /// The timeout is generous: CI runs every suite at once on two cores, and a debug build
    /// loading its model while the other suites run can take a minute.
    func waitUntilReady(timeout: Duration = .seconds(300)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard process.isRunning else {
                let log = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
                throw ProcessFailure(description: "chronicle exited with status \(process.terminationStatus): \(log)")
            }
            if let response = try? await request("GET", "/readyz"), response.status == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ProcessFailure(description: "chronicle was not ready within \(timeout)")
    }

    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func terminate() -> Int32 {
        process.terminate()  // SIGTERM: graceful shutdown
        process.waitUntilExit()
        return process.terminationStatus
    }

    struct HTTPResult {
        let status: Int
        let body: Data

        func json() throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        }
    }

    func request(_ method: String, _ path: String, body: Data? = nil, contentType: String? = nil) async throws -> HTTPResult {
        var request = URLRequest(url: URL(string: baseURL + path)!)
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = 30
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        let (data, response) = try await URLSession.shared.data(for: request)
        return HTTPResult(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data)
    }

    /// Ports already given to a service of this test run. Suites run in parallel, and the kernel
    /// may hand the same free port to two of them before either service has bound it: the service
    /// that loses the race fails, but its test sees the winner answer `/readyz` and sends its
    /// articles to the other suite's process. So no port is given out twice.
    private static let portsHandedOut = Mutex<Set<Int>>([])

    static func freePort() throws -> Int {
        for _ in 0..<100 {
            let port = try unusedPort()
            if portsHandedOut.withLock({ $0.insert(port).inserted }) { return port }
        }
        throw ProcessFailure(description: "no free port that this test run has not used")
    }

    private static func unusedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw ProcessFailure(description: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

struct ProcessFailure: Error, CustomStringConvertible {
    let description: String
}

func temporaryDirectory() -> String {
    ScratchDirectory.make("process").path
}
