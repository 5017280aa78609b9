import Foundation
import TextCore
import TmuxDriver

/// Search figures: literal search over a file's bytes against `grep -F -c`, and searching a
/// library of 1,000 documents (500 MB) against `grep -rF -l`, both warm (files in the page cache).
enum SearchBench {
    static func run(_ report: inout Report, corpus: Corpus, runs: Int, quick: Bool) throws {
        let size = quick ? 100 << 20 : 1 << 30
        let file = try corpus.utf8(bytes: size)
        let label = quick ? "100 MB" : "1 GB"
        let megabytes = Double(size) / 1e6
        _ = ByteSearch(path: file, pattern: Corpus.endMarker).count() // warm the page cache
        let ours = Statistics.medianOf(runs) {
            let t = Date()
            _ = ByteSearch(path: file, pattern: Corpus.endMarker).count()
            return megabytes / Date().timeIntervalSince(t)
        }
        let grep = Statistics.medianOf(runs) {
            let t = Date()
            Shell.run("LC_ALL=C grep -F -c \(Shell.quote(Corpus.endMarker)) \(Shell.quote(file)) > /dev/null")
            return megabytes / Date().timeIntervalSince(t)
        }
        report.add("literal search, \(label) UTF-8", pizhu: ours, baseline: grep, name: "grep -F -c", unit: "MB/s", lowerIsBetter: false)

        let library = try corpus.library(files: quick ? 200 : 1000, bytesEach: 500_000)
        let files = try FileManager.default.contentsOfDirectory(atPath: library).map { library + "/" + $0 }
        let query = SearchQuery(pattern: "终点标记")
        _ = LibraryGrep.search(query, in: files)
        let grepLibrary = Statistics.medianMilliseconds(runs) {
            _ = LibraryGrep.search(query, in: files)
        }
        let grepR = Statistics.medianMilliseconds(runs) {
            Shell.run("grep -rF -l \(Shell.quote("终点标记")) \(Shell.quote(library)) > /dev/null")
        }
        report.add("library search, \(files.count) files, \(files.count / 2) MB", pizhu: grepLibrary, baseline: grepR, name: "grep -rF -l", unit: "ms")
    }
}
