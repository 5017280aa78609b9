import Glibc

/// Why a sidecar could not be read or written, naming the file so the user can act.
public enum SidecarFileError: Error, Equatable, CustomStringConvertible {
    /// The file exists but cannot be used (corrupt, newer version, unreadable). It is left alone.
    case unusable(path: String, reason: String)
    /// Writing failed; nothing on disk changed.
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case .unusable(let path, let reason):
            return "\(path): \(reason). pizhu will not overwrite it; annotating this document is disabled until the file is fixed or moved away"
        case .unwritable(let path, let reason):
            return "cannot save \(path): \(reason)"
        }
    }

    public var path: String {
        switch self { case .unusable(let p, _), .unwritable(let p, _): return p }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
