import Foundation
import ReaderUI
import TextCore

/// A file read from disk and decoded.
struct ReaderDocumentFile {
    var path: String
    var decoded: DecodedText

    var readerDocument: ReaderDocument {
        ReaderDocument(name: (path as NSString).lastPathComponent, path: path, encoding: decoded.encoding,
                       text: decoded.text, invalidSequences: decoded.invalidSequences)
    }
}

/// Why a path could not be opened, in words a user can act on.
struct DocumentError: Error, CustomStringConvertible {
    var description: String
}

/// Reading documents and listing folders: the file I/O the headless reader asks for.
enum DocumentFiles {
    static func load(path: String) throws -> ReaderDocumentFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DocumentError(description: "pizhu: \(path): no such file")
        }
        guard !isDirectory.boolValue else { throw DocumentError(description: "pizhu: \(path) is a folder, not a file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DocumentError(description: "pizhu: \(path): cannot be read (permission denied?)")
        }
        return ReaderDocumentFile(path: path, decoded: UTF8TextDecoder.decode([UInt8](data)))
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The documents under a folder, recursively: regular files, not hidden, not sidecars.
    static func list(folder: String) -> [LibraryEntry] {
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey, .fileSizeKey],
                                                          options: [.skipsHiddenFiles]) else { return [] }
        var entries: [LibraryEntry] = []
        for case let url as URL in walker {
            guard let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey]),
                  values.isRegularFile == true, !url.lastPathComponent.hasSuffix(".pizhu.json") else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            entries.append(LibraryEntry(name: relative, path: url.path, sizeBytes: values.fileSize ?? 0))
        }
        return entries.sorted { $0.name < $1.name }
    }

    static func entry(file: String) -> LibraryEntry {
        let size = ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int) ?? 0
        return LibraryEntry(name: (file as NSString).lastPathComponent, path: file, sizeBytes: size)
    }

    /// The bundled sample library: `seeds/` in the current folder, else beside the executable's package.
    static func seedsFolder() -> String? {
        let cwd = FileManager.default.currentDirectoryPath + "/seeds"
        if isDirectory(cwd) { return cwd }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = url.appendingPathComponent("seeds").path
            if isDirectory(candidate) { return candidate }
            url.deleteLastPathComponent()
        }
        return nil
    }
}
