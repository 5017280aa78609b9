import Glibc
import TextCore

/// Decides where a document's sidecar lives: beside the source when its folder is writable,
/// otherwise in `$XDG_DATA_HOME/pizhu/sidecars/` under the document's SHA-256 (found there
/// again next time, also after an edit, by the source path it records).
public struct SidecarLocator: Sendable {
    /// Where sidecars of documents in read-only folders go.
    public var fallbackFolder: String

    /// The key a fallback sidecar records its source's absolute path under.
    public static let sourcePathKey = "source_path"

    /// Whether a path may be written (tests stand in for a read-only folder with it).
    public var isWritable: @Sendable (String) -> Bool

    public init(fallbackFolder: String, isWritable: @escaping @Sendable (String) -> Bool = { access($0, W_OK) == 0 }) {
        self.fallbackFolder = fallbackFolder
        self.isWritable = isWritable
    }

    /// `$XDG_DATA_HOME/pizhu/sidecars`, else `~/.local/share/pizhu/sidecars`.
    public static func fromEnvironment() -> SidecarLocator {
        let env = { (name: String) in getenv(name).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } }
        let data = env("XDG_DATA_HOME") ?? ((env("HOME") ?? "/tmp") + "/.local/share")
        return SidecarLocator(fallbackFolder: data + "/pizhu/sidecars")
    }

    /// Where a document's sidecar is read from and saved to.
    public struct Location: Equatable, Sendable {
        public var file: SidecarFile
        /// A sidecar beside the source that cannot be written: its annotations seed the fallback.
        public var readOnlyOriginal: SidecarFile?
        /// True when the sidecar is in the fallback folder, not beside the source.
        public var isFallback: Bool
        /// A line for the user when the sidecar is not beside the source.
        public var notice: String? {
            guard isFallback else { return nil }
            return "the folder is read-only; annotations are saved in \(file.path)"
        }
    }

    public func locate(source: String, sha256: String) -> Location {
        let absolute = FilePaths.absolute(source)
        let beside = SidecarFile(path: SidecarFile.path(besideSource: absolute))
        let folder = AtomicFile.parentFolder(of: beside.path)
        if isWritable(folder) && (!beside.exists || isWritable(beside.path)) {
            return Location(file: beside, readOnlyOriginal: nil, isFallback: false)
        }
        let fallback = existingFallback(source: absolute, sha256: sha256)
            ?? SidecarFile(path: fallbackFolder + "/" + sha256 + ".pizhu.json")
        return Location(file: fallback, readOnlyOriginal: beside.exists ? beside : nil, isFallback: true)
    }

    /// A fallback sidecar for this document: by its hash, else one that recorded the same source path.
    func existingFallback(source: String, sha256: String) -> SidecarFile? {
        let byHash = SidecarFile(path: fallbackFolder + "/" + sha256 + ".pizhu.json")
        if byHash.exists { return byHash }
        for name in FilePaths.names(in: fallbackFolder) where name.hasSuffix(".pizhu.json") {
            let file = SidecarFile(path: fallbackFolder + "/" + name)
            if let sidecar = try? file.read(), sidecar.extra[Self.sourcePathKey]?.stringValue == source { return file }
        }
        return nil
    }

    /// Creates the fallback folder (and its parents).
    func makeFallbackFolder() throws(SidecarFileError) {
        if let why = FilePaths.makeFolders(fallbackFolder, mode: 0o700) {
            throw .unwritable(path: fallbackFolder, reason: "cannot create the folder: \(why)")
        }
    }

}
