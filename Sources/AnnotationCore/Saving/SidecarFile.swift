import Glibc

/// One sidecar on disk, and the save protocol: lock, re-read, merge by id with what another
/// process wrote since our base, write a temporary file, read it back, fsync, rename, fsync
/// the folder, unlock. A file that cannot be parsed or is from a newer pizhu stops the save.
public struct SidecarFile: Equatable, Sendable {
    /// Where the sidecar lives (a symlinked sidecar is followed, so it stays a symlink).
    public let path: String

    public init(path: String) {
        var resolved = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        if realpath(path, &resolved) != nil {
            self.path = String(decoding: resolved.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        } else {
            self.path = path
        }
    }

    /// The sidecar of a source file: `NAME` → `NAME.pizhu.json` in the same folder.
    public static func path(besideSource source: String) -> String { source + ".pizhu.json" }

    public var folder: String { AtomicFile.parentFolder(of: path) }
    public var lockPath: String { folder + "/." + AtomicFile.lastComponent(path) + ".lock" }
    public var backupPath: String { path + ".bak" }
    public var exists: Bool { access(path, F_OK) == 0 }

    /// The sidecar, or nil if there is none.
    public func read() throws(SidecarFileError) -> Sidecar? {
        let bytes: [UInt8]
        switch readBytes() {
        case .missing: return nil
        case .failed(let reason): throw .unusable(path: path, reason: reason)
        case .read(let b): bytes = b
        }
        do { return try SidecarDecoder.decode(bytes) } catch { throw .unusable(path: path, reason: error.description) }
    }

    /// Saves `ours`, merged with whatever is on disk now (`base` is what `ours` started from;
    /// nil for a new file or when nothing was read). Returns what was written and its stamp.
    ///
    /// When the file still has `baseStamp` (nobody wrote it since `base` was read or written
    /// here), the re-read is skipped: what is on disk is `base`.
    @discardableResult
    public func commit(base: Sidecar?, baseStamp: FileStamp? = nil, ours: Sidecar, user: String,
                       host: String) throws(SidecarFileError) -> (sidecar: Sidecar, stamp: FileStamp?) {
        try FileLock.withLock(lockPath) { () throws(SidecarFileError) -> (sidecar: Sidecar, stamp: FileStamp?) in
            AtomicFile.removeAbandonedTemporaries(of: path)
            let unchanged = baseStamp != nil && FileStamp(path: path) == baseStamp
            let disk = unchanged ? base : try read()
            var merged = disk.map { SidecarMerge.merge(base: base, ours: ours, theirs: $0) } ?? ours
            merged.revision = max(merged.revision, disk?.revision ?? 0) + 1
            merged.generator = Sidecar.Generator()
            merged.savedAt = Timestamp.now()
            merged.savedBy = Sidecar.SavedBy(user: user, host: host)
            let bytes = SidecarEncoder.bytes(merged)
            // Read-back check: never replace a good file with one we could not read ourselves.
            guard (try? JSONParser.parse(bytes)) != nil else {
                throw .unwritable(path: path, reason: "internal error: the new contents do not read back")
            }
            try AtomicFile.replace(path, with: bytes, backup: backupPath)
            return (merged, FileStamp(path: path))
        }
    }

    /// The sidecar (nil if there is none) and the stamp of the file it was read from.
    public func readStamped() throws(SidecarFileError) -> (sidecar: Sidecar?, stamp: FileStamp?) {
        let stamp = FileStamp(path: path)
        return (try read(), stamp)
    }

    private enum ReadResult { case missing, failed(String), read([UInt8]) }

    private func readBytes() -> ReadResult {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return errno == ENOENT ? .missing : .failed("cannot read it: \(SidecarFileError.errnoText())") }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { return .failed("cannot read it: \(SidecarFileError.errnoText())") }
            if n == 0 { return .read(bytes) }
            bytes += chunk[0..<n]
        }
    }
}

extension SidecarFile {
    /// Replaces a file with a sidecar exactly as given (atomically; no merge, no revision bump):
    /// what the git merge driver and importers write.
    public static func overwrite(_ path: String, with sidecar: Sidecar) throws(SidecarFileError) {
        try AtomicFile.replace(path, with: SidecarEncoder.bytes(sidecar), backup: nil)
    }
}

/// Identity of a file's current contents (device, inode, size, modification time), to tell
/// cheaply whether anyone replaced it since we last read or wrote it.
public struct FileStamp: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int
    var seconds: Int
    var nanoseconds: Int

    public init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
        size = Int(st.st_size)
        seconds = Int(st.st_mtim.tv_sec)
        nanoseconds = Int(st.st_mtim.tv_nsec)
    }
}
