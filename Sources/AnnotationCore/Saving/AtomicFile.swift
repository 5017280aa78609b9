import Glibc
import TextCore

/// Replacing a file so that readers and crashes see the old contents or the new, never a
/// mixture: a temporary file in the same folder, fsync, the old file's mode, rename, fsync of
/// the folder.
enum AtomicFile {
    /// A backup copy is refreshed only when the current file is older than this (seconds), so
    /// a backup is never a file that may not have reached the disk yet.
    static let backupAge = 60

    static func replace(_ path: String, with bytes: [UInt8], backup: String?) throws(SidecarFileError) {
        let folder = parentFolder(of: path)
        let name = lastComponent(path)
        var existing = stat()
        let exists = stat(path, &existing) == 0
        let tmp = folder + "/." + name + ".\(getpid()).\(UInt32.random(in: 0 ... .max)).tmp"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw .unwritable(path: path, reason: "cannot create a file in \(folder): \(SidecarFileError.errnoText())") }
        var ok = false
        defer { if !ok { unlink(tmp) } }
        let failure = writeAll(fd, bytes)
            ?? (exists ? setOwnership(fd, existing) : nil)
            ?? (fsync(fd) == 0 ? nil : "fsync failed: \(SidecarFileError.errnoText())")
        close(fd)
        if let failure { throw .unwritable(path: path, reason: failure) }
        if exists, let backup, Int(time(nil)) - Int(existing.st_mtim.tv_sec) >= backupAge {
            unlink(backup)
            _ = link(path, backup) // best effort
        }
        guard rename(tmp, path) == 0 else { throw .unwritable(path: path, reason: "rename failed: \(SidecarFileError.errnoText())") }
        ok = true
        let dirfd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirfd >= 0 {
            fsync(dirfd)
            close(dirfd)
        }
    }

    /// Deletes temporary files a killed writer left behind. Call only under the file's lock:
    /// temporaries are made only under it, so any that exist then are abandoned.
    static func removeAbandonedTemporaries(of path: String) {
        let folder = parentFolder(of: path)
        let prefix = "." + lastComponent(path) + "."
        let names = FilePaths.names(in: folder).filter { $0.hasPrefix(prefix) && $0.hasSuffix(".tmp") }
        for name in names { unlink(folder + "/" + name) }
    }

    /// Nil when every byte was written, else why not.
    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return "write failed: \(SidecarFileError.errnoText())" }
            written += n
        }
        return nil
    }

    /// Gives the new file the old one's mode and (best effort) owner, so a group keeps access.
    private static func setOwnership(_ fd: Int32, _ old: stat) -> String? {
        guard fchmod(fd, old.st_mode & 0o7777) == 0 else { return "cannot set the file mode: \(SidecarFileError.errnoText())" }
        _ = fchown(fd, old.st_uid, old.st_gid)
        return nil
    }

    static func parentFolder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func lastComponent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
