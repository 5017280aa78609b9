import AnnotationCore
import Glibc
import ReaderUI
import TextCore

/// A file opened and decoded.
struct ReaderDocumentFile {
    var path: String
    var loaded: DocumentLoader.Loaded
    /// For input held in memory (`InputSpool`): the name to show ("standard input"); such a
    /// document has no place for a sidecar.
    var spooledName: String?

    /// The largest file read on demand that the reader annotates: its annotations hold the
    /// whole text in memory (4 bytes a character) while the reader shows it from the file.
    static let annotatableBytes = 256 << 20

    var readerDocument: ReaderDocument {
        var document = ReaderDocument(name: spooledName ?? FileSystem.lastComponent(path), path: path, encoding: loaded.encoding.label,
                                      text: loaded.text, invalidSequences: loaded.invalidSequences)
        if let spooledName {
            document.annotationProblem = "\(spooledName) is not a file, and annotations are kept beside their file: save it to a file and open that to annotate it"
            return document
        }
        guard let scalars = loaded.text as? ScalarText else {
            if FileSystem.size(path) <= Self.annotatableBytes {
                document.annotationsOnDemand = true
            } else {
                document.annotationProblem = "files over \(Self.annotatableBytes >> 20) MiB cannot be annotated in the reader "
                    + "(their whole text would be held in memory); use pizhu annotate"
            }
            return document
        }
        do {
            let bytes = try loaded.bytes ?? DocumentLoader.readAll(path)
            document.annotations = try AnnotatedDocument.attach(path: path, text: scalars.storage, bytes: bytes, sha256: loaded.sha256?(),
                                                                encoding: loaded.encoding.name, bom: loaded.encoding.bomLength > 0)
        } catch let error as AnnotatedDocument.OpenError {
            document.annotationProblem = "\(error)"
        } catch {
            document.annotationProblem = "\(path): \(error)"
        }
        return document
    }

    /// The file opened again as the encoding remembered for it says, if that is not how it was
    /// opened (a large file read as UTF-8 before the store was asked: `Loaded.rememberedInstead`).
    func rememberedInstead() throws -> ReaderDocumentFile? {
        do {
            return try loaded.rememberedInstead?().map { ReaderDocumentFile(path: path, loaded: $0, spooledName: spooledName) }
        } catch let error as DocumentLoader.LoadError {
            throw DocumentError(description: "pizhu: \(path): \(error)")
        }
    }
}

/// How to decode: an encoding override and whether to open what looks binary.
struct DecodingOptions {
    var encoding: String?
    /// The encoding chosen for the file in an earlier run, asked only without `encoding`.
    var remembered: () -> String? = { nil }
    var force = false
    /// Hash a file decoded whole while it is decoded (the reader attaches its sidecar by it).
    var hashing = false
    var progress: ((Double) -> Void)?
}

/// Why a path could not be opened, in words a user can act on.
struct DocumentError: Error, CustomStringConvertible {
    var description: String
}

/// Reading documents and listing folders: the file I/O the headless reader asks for.
enum DocumentFiles {
    /// `spooledName`: for input held in memory (`InputSpool`) at `path`, what to call it in
    /// messages and on the screen.
    static func load(path: String, spooledName: String? = nil, options: DecodingOptions = DecodingOptions()) throws -> ReaderDocumentFile {
        let name = spooledName ?? path
        switch FileSystem.kind(path) {
        case .missing: throw DocumentError(description: "pizhu: \(name): no such file")
        case .directory: throw DocumentError(description: "pizhu: \(name) is a folder, not a file")
        case .other: throw DocumentError(description: "pizhu: \(name) is not a regular file")
        case .file:
            do {
                let loaded = try DocumentLoader.load(path: path, encoding: options.encoding, remembered: options.remembered,
                                                     force: options.force, hashing: options.hashing, progress: options.progress)
                return ReaderDocumentFile(path: path, loaded: loaded, spooledName: spooledName)
            } catch let error as DocumentLoader.LoadError {
                throw DocumentError(description: "pizhu: \(name): \(error)")
            }
        }
    }

    /// Reads a pipe, `-` or a FIFO whole into memory (`InputSpool`). If that takes over half a
    /// second and standard error is a terminal, a line there counts the megabytes read.
    static func spool(_ path: String) throws -> InputSpool {
        let began = FileSystem.monotonicMilliseconds
        var shown = false
        let spool = try InputSpool.copy(path) { bytes in
            guard isatty(2) == 1, FileSystem.monotonicMilliseconds - began > 500 else { return }
            shown = true
            printProgress("\rpizhu: reading \(InputSpool.name(of: path))… \(bytes >> 20) MB")
        }
        if shown { printProgress("\r\u{1B}[K") }
        return spool
    }

    /// The path to read `path` from: itself, or for a pipe, `-` or a FIFO, its copy in memory
    /// and the name to show for it (`pizhu cat -`, `pizhu info -`).
    static func readable(_ path: String) throws -> (path: String, spooledName: String?) {
        guard InputSpool.isNeeded(for: path) else { return (path, nil) }
        let spool = try spool(path)
        return (spool.path, spool.name)
    }

    static func isDirectory(_ path: String) -> Bool { FileSystem.kind(path) == .directory }

    /// The documents under a folder, recursively: regular files, not hidden, not sidecars.
    static func list(folder: String) -> [LibraryEntry] {
        var entries: [LibraryEntry] = []
        walk(folder, prefix: "", depth: 0, into: &entries)
        return entries.sorted { $0.name < $1.name }
    }

    private static func walk(_ folder: String, prefix: String, depth: Int, into entries: inout [LibraryEntry]) {
        guard depth < 16 else { return }
        for name in FileSystem.names(in: folder) where !name.hasPrefix(".") {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            switch FileSystem.kind(path) {
            case .directory: walk(path, prefix: prefix + name + "/", depth: depth + 1, into: &entries)
            case .file where !name.contains(".pizhu.json"):
                entries.append(LibraryEntry(name: prefix + name, path: path, sizeBytes: FileSystem.size(path)))
            default: break
            }
        }
    }

    static func entry(file: String) -> LibraryEntry {
        LibraryEntry(name: FileSystem.lastComponent(file), path: file, sizeBytes: FileSystem.size(file))
    }

    /// The bundled sample library: `seeds/` in the current folder, else beside the executable's package.
    static func seedsFolder() -> String? {
        let cwd = FileSystem.currentDirectory + "/seeds"
        if isDirectory(cwd) { return cwd }
        guard var dir = FileSystem.executablePath else { return nil }
        for _ in 0..<6 {
            dir = String(dir[..<(dir.lastIndex(of: "/") ?? dir.startIndex)])
            if dir.isEmpty { break }
            if isDirectory(dir + "/seeds") { return dir + "/seeds" }
        }
        return nil
    }
}
