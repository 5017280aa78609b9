import ArgumentParser
import Glibc
import ReaderUI
import TextCore

/// `pizhu [PATH…]`: the interactive reader.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read documents in the terminal (the default command).",
        discussion: "With no path, reads standard input if it is a pipe (cmd | pizhu), else opens the bundled seeds/ library. "
            + "A folder opens as a library; files open directly; - is standard input."
    )

    @Argument(help: "Files or folders to open; - reads standard input (default: standard input if it is a pipe, else the bundled seeds/ library).")
    var paths: [String] = []

    @Flag(help: "Open the recently read documents, across folders, newest first, as the library.")
    var recent = false

    @OptionGroup var layout: LayoutOptions
    @OptionGroup var decoding: DecodingArguments

    /// What these arguments ask the reader for.
    var launch: ReaderLaunch {
        ReaderLaunch(paths: paths, recent: recent, settings: layout.settings, encoding: decoding.encoding, force: decoding.force)
    }

    func run() throws { try launch.run() }
}

/// What to show first: a library and possibly a document to open at once.
struct Startup {
    var libraryTitle: String
    var entries: [LibraryEntry]
    var openFirst: String?
    var problem: String?
    /// `--recent`: the library is the store's recent documents.
    var recent = false
    /// Input read from a pipe, `-` or a FIFO, held in memory (`InputSpool`).
    var spools: [InputSpool] = []

    /// With no path, standard input if it brings text (`cmd | pizhu`) and the output is a
    /// terminal, else the bundled seeds/ library.
    static func resolve(paths: [String]) -> Startup {
        if paths.isEmpty && InputSpool.standardInputBringsText && isatty(1) == 1 { return resolve(paths: ["-"]) }
        if paths.isEmpty {
            guard let seeds = DocumentFiles.seedsFolder() else {
                return Startup(libraryTitle: "", entries: [], problem: "pizhu: no seeds/ folder found; give a file or folder to open")
            }
            return Startup(libraryTitle: "seeds/", entries: DocumentFiles.list(folder: seeds))
        }
        var entries: [LibraryEntry] = []
        var files: [String] = []
        var spools: [InputSpool] = []
        for path in paths {
            if InputSpool.isNeeded(for: path) {
                guard !(path == "-" && spools.contains(where: \.fromStandardInput)) else { continue }
                do {
                    let spool = try DocumentFiles.spool(path)
                    spools.append(spool)
                    entries.append(LibraryEntry(name: spool.name, path: spool.path, sizeBytes: spool.byteCount))
                    files.append(spool.path)
                } catch {
                    return Startup(libraryTitle: "", entries: [], problem: "\(error)")
                }
            } else if DocumentFiles.isDirectory(path) {
                entries += DocumentFiles.list(folder: path)
            } else if FileSystem.kind(path) != .missing {
                entries.append(DocumentFiles.entry(file: path))
                files.append(path)
            } else {
                return Startup(libraryTitle: "", entries: [], problem: "pizhu: \(path): no such file or folder")
            }
        }
        let title = paths.count == 1 ? (spools.first?.name ?? FileSystem.lastComponent(paths[0])) : "\(paths.count) paths"
        return Startup(libraryTitle: title, entries: entries, openFirst: files.first, spools: spools)
    }
}
