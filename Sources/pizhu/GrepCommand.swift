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
    @Argument(help: "Documents and folders (searched recursively; hidden files and sidecars skipped); - is standard input (the default if it is a pipe, else the current folder).")
    var paths: [String] = []
    @Flag(help: "Treat the pattern as a regular expression.") var regex = false
    @Flag(name: .shortAndLong, help: "Only print how many matches each file has.") var count = false
    @Flag(help: "Match case exactly, even for a lower-case pattern.") var caseSensitive = false

    func run() throws {
        let query = SearchQuery(pattern: pattern, isRegex: regex, foldsCase: caseSensitive ? false : nil)
        do { try TextSearch.validate(query) } catch {
            printError("pizhu: \(error)")
            throw ExitCode(2)
        }
        var files: [String] = []
        // A pipe's copy in memory is searched, and reported under the name the user gave it.
        var shownAs: [String: String] = [:]
        for path in paths.isEmpty ? [InputSpool.standardInputBringsText ? "-" : "."] : paths {
            if DocumentFiles.isDirectory(path) {
                files += DocumentFiles.list(folder: path).map(\.path)
            } else {
                let source: (path: String, spooledName: String?)
                do { source = try DocumentFiles.readable(path) } catch {
                    printError("\(error)")
                    throw ExitCode(2)
                }
                files.append(source.path)
                shownAs[source.path] = source.spooledName
            }
        }
        let report = LibraryGrep.search(query, in: files)
        let name = { (path: String) in shownAs[path] ?? path }
        var out = ""
        if count {
            var perFile: [String: Int] = [:]
            for h in report.hits { perFile[h.path, default: 0] += 1 }
            for f in files where perFile[f] != nil { out += "\(name(f)):\(perFile[f]!)\n" }
        } else {
            for h in report.hits { out += "\(name(h.path)):\(h.line):\(h.column): \(h.before)【\(h.match)】\(h.after)\n" }
        }
        print(out, terminator: "")
        for f in report.failures { printError("pizhu: \(name(f.path)): \(f.reason)") }
        if !report.failures.isEmpty { throw ExitCode(2) }
        if report.hits.isEmpty { throw ExitCode(1) }
    }
}
