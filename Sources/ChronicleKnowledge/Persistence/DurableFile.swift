import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The POSIX calls persistence needs: append with fsync, atomic replace, directory sync.
/// Errors name the path and the system's reason (disk full, read-only, ...).
package struct PersistenceError: Error, CustomStringConvertible {
    package let description: String

    package init(description: String) { self.description = description }

    static func system(_ operation: String, _ path: String) -> PersistenceError {
        PersistenceError(description: "\(operation) \(path): \(String(cString: strerror(errno)))")
    }
}

enum DurableFile {
    /// Writes `data` to `path` so that a crash at any point leaves either the old file or the
    /// new one: write a temporary file, fsync it, rename it over, fsync the directory.
    static func replace(_ path: String, with data: Data) throws {
        _ = try replace(path) { fd, temporary in
            try writeAll(fd, data, path: temporary)
            return data.count
        }
    }

    /// Like `replace(_:with:)`, for a file too large to build in memory: `write` writes the
    /// temporary file through its descriptor and returns what it wrote. The old file, if any, is
    /// renamed to `keepingOldAt` just before the new one takes its place.
    static func replace(_ path: String, keepingOldAt old: String? = nil, writing write: (Int32, String) throws -> Int) throws -> Int {
        let temporary = path + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw PersistenceError.system("cannot create", temporary) }
        let length: Int
        do {
            length = try write(fd, temporary)
            guard fsync(fd) == 0 else { throw PersistenceError.system("cannot fsync", temporary) }
            close(fd)
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        if let old, FileManager.default.fileExists(atPath: path), rename(path, old) != 0 {
            unlink(temporary)
            throw PersistenceError.system("cannot rename", path)
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw PersistenceError.system("cannot rename to", path)
        }
        syncDirectory(of: path)
        return length
    }

    /// The whole file, read straight into the array the decoder reads (a snapshot of 100,000
    /// articles is most of a gigabyte: reading it into `Data` and copying that into an array
    /// cost a second of page faults).
    static func readAll(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw PersistenceError.system("cannot open", path) }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw PersistenceError.system("cannot stat", path) }
        let size = Int(status.st_size)
        var failure: PersistenceError?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let chunk = read(fd, buffer.baseAddress! + count, size - count)
                if chunk < 0, errno == EINTR { continue }
                guard chunk > 0 else {
                    if chunk < 0 { failure = .system("cannot read", path) }
                    break
                }
                count += chunk
            }
        }
        if let failure { throw failure }
        return bytes
    }

    static func writeAll(_ fd: Int32, _ data: some ContiguousBytes, path: String) throws {
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw PersistenceError.system("cannot write", path)
                }
                offset += written
            }
        }
    }

    /// Asks the kernel to start writing `count` bytes at `offset` to disk now and returns at once
    /// (Linux `sync_file_range` with `SYNC_FILE_RANGE_WRITE`). A large file written in one go is
    /// otherwise left in the page cache until its final fsync, which then waits for all of it;
    /// started stretch by stretch, the disk writes while the rest is still being produced.
    /// Elsewhere, or if the call fails, the final fsync does the work as before.
    static func startWriteBack(_ fd: Int32, offset: Int, count: Int) {
        #if os(Linux)
        _ = syncFileRange?(fd, Int64(offset), Int64(count), 2 /* SYNC_FILE_RANGE_WRITE */)
        #endif
    }

    #if os(Linux)
    /// Glibc's module map leaves out `sync_file_range` (it is a GNU extension), so it is looked up
    /// by name in the C library already loaded.
    private typealias SyncFileRange = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32
    private static let syncFileRange: SyncFileRange? = dlsym(nil, "sync_file_range").map {
        unsafeBitCast($0, to: SyncFileRange.self)
    }
    #endif

    static func syncDirectory(of path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        let fd = open(directory.isEmpty ? "." : directory, O_RDONLY)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}
