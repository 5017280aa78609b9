import Glibc

/// An exclusive `flock(2)` on a separate lock file, held only while a sidecar is re-read,
/// merged and replaced. (Locking the sidecar itself would not survive the rename.)
enum FileLock {
    static func withLock<T>(_ lockPath: String, _ body: () throws(SidecarFileError) -> T) throws(SidecarFileError) -> T {
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw .unwritable(path: lockPath, reason: "cannot create the lock file: \(SidecarFileError.errnoText())") }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw .unwritable(path: lockPath, reason: "cannot lock: \(SidecarFileError.errnoText())") }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
