import AnnotationCore
import ArgumentParser
import Export
import Glibc
import TextCore

/// `pizhu export`: annotations as Markdown, HTML, CSV, JSON, W3C JSON-LD, brat or plain text.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export annotations for review: md, html, csv, json, w3c, brat or txt.",
        discussion: """
        PATHs are documents and folders (searched recursively). Each PATH gives one output named after it in \
        ./Annotations/ (created if missing), or -o PATH; -o - writes to standard output (not for brat, which writes a folder). \
        The same input always gives the same bytes unless --stamp adds the export time. Exit status 0, or 3 if some \
        document was skipped (its sidecar is unreadable).
        """
    )

    @Option(help: "md, html, csv, json, w3c, brat or txt.") var format: String
    @Option(name: .customLong("tag"), help: "Only annotations with this tag or one under it (repeatable).") var tags: [String] = []
    @Option(help: "Only annotations highlighted in this colour.") var color: String?
    @Option(help: "Only annotations made or last edited by this author.") var author: String?
    @Flag(help: "Include orphans (passages no longer found), marked as such.") var includeOrphans = false
    @Option(help: "tag, document or position (text order within each document).") var groupBy: String = "position"
    @Option(help: "Scalars of context around each passage.") var context: Int = 20
    @Option(help: "CSV: 'tag' (one row per annotation × tag) or 'annotation'.") var oneRowPer: String = "tag"
    @Flag(help: "HTML: add each document's whole text with the annotations highlighted in place.") var fullText = false
    @Flag(help: "Record the export time (the output then differs from run to run).") var stamp = false
    @Option(name: .shortAndLong, help: "Output file or folder, or - for standard output.") var output: String?
    @Argument(help: "Documents and folders.") var paths: [String]
    @OptionGroup var decoding: DecodingArguments

    func validate() throws {
        guard ExportFormat(rawValue: format) != nil else { throw ValidationError("unknown format '\(format)': md, html, csv, json, w3c, brat, txt") }
        guard ExportOptions.Grouping(rawValue: groupBy) != nil else { throw ValidationError("--group-by takes tag, document or position") }
        guard ["tag", "annotation"].contains(oneRowPer) else { throw ValidationError("--one-row-per takes tag or annotation") }
        if let color, Palette.colour(named: color) == nil { throw ValidationError("unknown colour '\(color)'") }
        if output == "-" && format == "brat" { throw ValidationError("brat writes several files; give -o FOLDER") }
        if output == "-" && paths.count > 1 { throw ValidationError("-o - takes one PATH") }
        guard context >= 0 else { throw ValidationError("--context must be 0 or more") }
    }

    var options: ExportOptions {
        var o = ExportOptions()
        o.tags = tags.compactMap(TagPath.normalized)
        o.color = color.flatMap { Palette.colour(named: $0)?.name }
        o.author = author
        o.includeOrphans = includeOrphans
        o.groupBy = ExportOptions.Grouping(rawValue: groupBy) ?? .position
        o.context = context
        o.oneRowPerAnnotation = oneRowPer == "annotation"
        o.fullText = fullText
        o.stamp = stamp ? Timestamp.now() : nil
        return o
    }

    func run() throws {
        let format = ExportFormat(rawValue: format)!
        var skipped = false
        for path in paths {
            let result = Exporter.export(path: path, format: format, options: options, output: output, decoding: decoding.options)
            skipped = skipped || result.skipped
            if let written = result.written { printError("pizhu: wrote \(written)") }
        }
        if skipped { throw ExitCode(3) }
    }
}

/// Runs one export: gathers the annotated documents under a path, renders, writes.
enum Exporter {
    struct Result { var written: String?; var skipped: Bool }

    static func export(path: String, format: ExportFormat, options: ExportOptions, output: String?, decoding: DecodingOptions) -> Result {
        let isFolder = DocumentFiles.isDirectory(path)
        let files = isFolder ? DocumentFiles.list(folder: path).map(\.path).filter(hasSidecar) : [path]
        let trimmed = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        let title = trimmed == "." || trimmed.hasSuffix("/.") || trimmed == ".."
            ? FileSystem.lastComponent(FileSystem.currentDirectory) : FileSystem.lastComponent(trimmed)
        return export(files: files, title: title, format: format, options: options, output: output, decoding: decoding)
    }

    /// Exports these documents as one output named `title`.
    /// `report` gets the progress and problems (standard error on the command line; never the
    /// terminal while the reader draws on it).
    static func export(files: [String], title: String, format: ExportFormat, options: ExportOptions, output: String?,
                       decoding: DecodingOptions, report: (String) -> Void = printError) -> Result {
        var documents: [ExportDocument] = []
        var skipped = false
        var orphans = 0
        for (i, file) in files.enumerated() {
            if files.count > 20 && i % 10 == 0 { report("pizhu: exporting \(i + 1)/\(files.count) \(file)") }
            do {
                let annotated = try AnnotatedDocument.open(path: relativeToCurrentFolder(file), encoding: decoding.encoding, force: decoding.force)
                let d = ExportDocument(annotated: annotated, options: options)
                orphans += d.orphansLeftOut
                documents.append(d)
            } catch {
                report("pizhu: skipped \(file): \(error)")
                skipped = true
            }
        }
        if orphans > 0 { report("pizhu: \(orphans) orphaned annotation(s) left out (--include-orphans keeps them)") }
        let outputs = format.render(documents, title: title, options: options)
        if output == "-" {
            for o in outputs { _ = o.bytes.withUnsafeBytes { write(1, $0.baseAddress, $0.count) } }
            return Result(written: nil, skipped: skipped)
        }
        let target: String
        if format == .brat {
            target = output ?? ("Annotations/" + title + "-brat")
            FilePaths.makeFolders(target)
            for o in outputs { if let e = writeFile(target + "/" + o.name, o.bytes) { report(e); skipped = true } }
        } else {
            target = output ?? ("Annotations/" + outputs[0].name)
            FilePaths.makeFolders(parent(of: target))
            if let e = writeFile(target, outputs[0].bytes) { report(e); return Result(written: nil, skipped: true) }
        }
        return Result(written: target, skipped: skipped)
    }

    /// Paths under the current folder are recorded relative to it (a JSON export then imports anywhere).
    static func relativeToCurrentFolder(_ path: String) -> String {
        let cwd = FileSystem.currentDirectory + "/"
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }

    static func hasSidecar(_ file: String) -> Bool { AnnotatedPaths.mayHaveSidecar(file) }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Nil when written, else why not.
    static func writeFile(_ path: String, _ bytes: [UInt8]) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return "pizhu: cannot write \(path): \(String(cString: strerror(errno)))" }
        defer { close(fd) }
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        return n == bytes.count ? nil : "pizhu: cannot write \(path): \(String(cString: strerror(errno)))"
    }
}
