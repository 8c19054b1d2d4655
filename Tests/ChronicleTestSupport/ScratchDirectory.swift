import Foundation

/// Folders for the files a test writes, all inside one folder per test process that is removed
/// when the process exits: a test run leaves nothing behind in the temporary directory.
package enum ScratchDirectory {
    package static let root: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: root)
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: ScratchDirectory.root) }
        return root
    }()

    /// A new empty folder, its name starting with `prefix`.
    package static func make(_ prefix: String) -> URL {
        let folder = root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
