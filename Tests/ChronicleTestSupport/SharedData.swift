import Foundation

/// The project's shared material (`../shared`: the seed articles and the corpora), found the same
/// way by every test target: `$CHRONICLE_SHARED`, else a `shared` folder beside the package root
/// or beside any folder above this file (tried as written and with symlinks resolved, so a scratch
/// package that links the tests in works too). Tests that read it skip with a message when it is
/// not there, so a clone without it still passes.
package enum SharedData {
    package struct Missing: Error, CustomStringConvertible {
        package let description: String
    }

    package static let root: URL? = {
        if let shared = ProcessInfo.processInfo.environment["CHRONICLE_SHARED"] {
            let url = URL(fileURLWithPath: shared)
            if isDirectory(url) { return url }
        }
        let file = URL(fileURLWithPath: #filePath)
        for start in [file, file.resolvingSymlinksInPath()] {
            var folder = start.deletingLastPathComponent()
            while folder.path != "/" {
                let shared = folder.appendingPathComponent("shared")
                if isDirectory(shared.appendingPathComponent("seeds")) || isDirectory(shared.appendingPathComponent("data")) {
                    return shared
                }
                folder = folder.deletingLastPathComponent()
            }
        }
        return nil
    }()

    /// `relative` inside the shared folder (`"data/conll2003/valid.txt"`), if it is there.
    package static func path(_ relative: String) -> URL? {
        guard let url = root?.appendingPathComponent(relative) else { return nil }
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    package static var seeds: URL? { path("seeds") }
    package static var seedsAvailable: Bool { seeds != nil }

    /// The seed files, in name order.
    package static func seedFiles() throws -> [URL] {
        guard let seeds else { throw Missing(description: "no shared/seeds beside the package") }
        return try FileManager.default.contentsOfDirectory(at: seeds, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// The texts of the seeds, in name order.
    package static func seedTexts() throws -> [String] {
        try seedFiles().map { try String(contentsOf: $0, encoding: .utf8) }
    }

    /// The text of the seed whose file name starts with `prefix` (`"003"`).
    package static func seedText(_ prefix: String) throws -> String {
        guard let file = try seedFiles().first(where: { $0.lastPathComponent.hasPrefix(prefix) }) else {
            throw Missing(description: "no seed \(prefix) in shared/seeds")
        }
        return try String(contentsOf: file, encoding: .utf8)
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &flag) && flag.boolValue
    }
}
