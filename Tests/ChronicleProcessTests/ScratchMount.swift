import Foundation

/// A small tmpfs mounted for one test, to make a data directory run out of space or turn
/// read-only for real. Needs root (as CI runs); tests that use it are skipped otherwise.
struct ScratchMount {
    let path: String

    /// Whether this process may mount (tried once on a throwaway directory).
    static let available: Bool = {
        guard getuid() == 0 else { return false }
        guard let probe = try? ScratchMount(sizeKiB: 64) else { return false }
        probe.unmount()
        return true
    }()

    init(sizeKiB: Int) throws {
        path = temporaryDirectory()
        try Self.run(["-t", "tmpfs", "-o", "size=\(sizeKiB)k,mode=0755", "tmpfs", path])
    }

    /// Resizes or makes read-only (`"ro"`) or writable (`"rw"`) again; fails while files are open for writing.
    func remount(_ options: String) throws {
        try Self.run(["-o", "remount,\(options)", path])
    }

    func unmount() {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/umount")
        process.arguments = ["-l", path]
        try? process.run()
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: path)
    }

    private static func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/mount")
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ProcessFailure(description: "mount \(arguments.joined(separator: " ")) failed (\(process.terminationStatus))")
        }
    }
}
