import ArgumentParser
import TextCore

/// `pizhu grep`: search every document under the given paths, grep-style.
struct GrepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grep",
        abstract: "Search documents and folders: FILE:LINE:COLUMN: context, decoded and in the view that suits each document.",
        discussion: """
        Matches ignore the | of segmented corpora and the line breaks reflow joins. Lower-case patterns match any \
        case. Exit status 0 if something matched, 1 if nothing did, 2 if a file could not be read.
        """
    )

    @Argument(help: "The text to find (with --regex, a regular expression).") var pattern: String
    @Argument(help: "Documents and folders (searched recursively; hidden files and sidecars skipped).") var paths: [String] = ["."]
    @Flag(help: "Treat the pattern as a regular expression.") var regex = false
    @Flag(name: .shortAndLong, help: "Only print how many matches each file has.") var count = false
    @Flag(help: "Match case exactly, even for a lower-case pattern.") var caseSensitive = false

    func run() throws {
        var files: [String] = []
        for path in paths {
            if DocumentFiles.isDirectory(path) { files += DocumentFiles.list(folder: path).map(\.path) } else { files.append(path) }
        }
        let query = SearchQuery(pattern: pattern, isRegex: regex, foldsCase: caseSensitive ? false : nil)
        do { try TextSearch.validate(query) } catch {
            printError("pizhu: \(error)")
            throw ExitCode(2)
        }
        let report = LibraryGrep.search(query, in: files)
        var out = ""
        if count {
            var perFile: [String: Int] = [:]
            for h in report.hits { perFile[h.path, default: 0] += 1 }
            for f in files where perFile[f] != nil { out += "\(f):\(perFile[f]!)\n" }
        } else {
            for h in report.hits { out += "\(h.path):\(h.line):\(h.column): \(h.before)【\(h.match)】\(h.after)\n" }
        }
        print(out, terminator: "")
        for f in report.failures { printError("pizhu: \(f.path): \(f.reason)") }
        if !report.failures.isEmpty { throw ExitCode(2) }
        if report.hits.isEmpty { throw ExitCode(1) }
    }
}
