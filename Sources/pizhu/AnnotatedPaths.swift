import AnnotationCore
import TextCore

/// The annotated documents among command-line paths (files, and folders searched recursively
/// by the library's rules), opened with their sidecars. Problems are reported, not fatal.
struct AnnotatedPaths {
    var documents: [AnnotatedDocument] = []
    /// Set when some document or sidecar could not be read.
    var failure: AnnotatedDocument.OpenError?

    init(_ paths: [String], decoding: DecodingArguments) {
        let locator = SidecarLocator.fromEnvironment()
        for path in paths {
            let files = DocumentFiles.isDirectory(path) ? DocumentFiles.list(folder: path).map(\.path) : [path]
            for file in files where Self.mayHaveSidecar(file) || !DocumentFiles.isDirectory(path) {
                do {
                    documents.append(try AnnotatedDocument.open(path: file, encoding: decoding.encoding, force: decoding.force, locator: locator))
                } catch {
                    printError("pizhu: \(error)")
                    failure = error
                }
            }
        }
    }

    /// A sidecar beside the file, or a read-only folder (whose sidecars live elsewhere).
    static func mayHaveSidecar(_ file: String) -> Bool {
        FileSystem.kind(SidecarFile.path(besideSource: file)) == .file || !FileSystem.isWritableFolder(of: file)
    }

    /// A scalar string made safe for a terminal and cut to `limit` scalars.
    static func excerpt(_ s: String, limit: Int = 40) -> String {
        var out = ""
        for (i, u) in s.unicodeScalars.enumerated() {
            if i == limit { out += "…"; break }
            if let p = Placeholder.text(for: u) { out += p } else { out.unicodeScalars.append(u) }
        }
        return out
    }
}
