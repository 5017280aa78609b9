import Glibc

/// The path and folder helpers every layer needs (the executable, the sidecar store, the
/// document store, exports), straight from glibc so none of them loads Foundation.
public enum FilePaths {
    /// `path` made absolute against the current folder.
    public static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) + "/" + path
    }

    /// Names in a folder, without `.` and `..` (empty if it cannot be read).
    public static func names(in folder: String) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Creates a folder and its parents (`mkdir -p`); nil on success, else why not.
    @discardableResult
    public static func makeFolders(_ folder: String, mode: mode_t = 0o755) -> String? {
        var st = stat()
        if stat(folder, &st) == 0 && st.st_mode & S_IFMT == S_IFDIR { return nil }   // the usual case: one call
        var path = folder.hasPrefix("/") ? "" : "."
        for part in folder.split(separator: "/") {
            // Appending the Substring itself: `"/" + part` went through the generic `+`, whose
            // first call looked its types up by name across every conformance in the binary.
            path.append("/")
            path.append(contentsOf: part)
            if mkdir(path, mode) != 0 && errno != EEXIST { return String(cString: strerror(errno)) }
        }
        return nil
    }
}
