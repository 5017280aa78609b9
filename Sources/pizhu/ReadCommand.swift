import ArgumentParser
import ReaderUI

/// `pizhu [PATH…]`: the interactive reader.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read documents in the terminal (the default command).",
        discussion: "With no path, opens the bundled seeds/ library. A folder opens as a library; files open directly."
    )

    @Argument(help: "Files or folders to open (default: the bundled seeds/ library).")
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

    static func resolve(paths: [String]) -> Startup {
        if paths.isEmpty {
            guard let seeds = DocumentFiles.seedsFolder() else {
                return Startup(libraryTitle: "", entries: [], problem: "pizhu: no seeds/ folder found; give a file or folder to open")
            }
            return Startup(libraryTitle: "seeds/", entries: DocumentFiles.list(folder: seeds))
        }
        var entries: [LibraryEntry] = []
        var files: [String] = []
        for path in paths {
            if DocumentFiles.isDirectory(path) {
                entries += DocumentFiles.list(folder: path)
            } else if FileSystem.kind(path) != .missing {
                entries.append(DocumentFiles.entry(file: path))
                files.append(path)
            } else {
                return Startup(libraryTitle: "", entries: [], problem: "pizhu: \(path): no such file or folder")
            }
        }
        let title = paths.count == 1 ? FileSystem.lastComponent(paths[0]) : "\(paths.count) paths"
        return Startup(libraryTitle: title, entries: entries, openFirst: files.first)
    }
}
