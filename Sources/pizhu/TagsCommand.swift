import AnnotationCore
import ArgumentParser

/// `pizhu tags`: the tag vocabulary of documents with how often each tag is used.
struct TagsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tags",
        abstract: "List the tags of documents and folders with counts (a parent's count includes its sub-tags)."
    )

    @Argument(help: "Documents and folders.") var paths: [String]
    @OptionGroup var decoding: DecodingArguments

    func run() throws {
        let found = AnnotatedPaths(paths, decoding: decoding)
        var own: [String: Int] = [:]
        var described: [String: TagDefinition] = [:]
        for document in found.documents {
            for t in document.sidecar.tags { described[t.name] = described[t.name] ?? t }
            for a in document.annotations { for tag in a.tags { own[tag, default: 0] += 1 } }
        }
        // Every tag and every parent of one, so a hierarchy reads as a tree.
        var names = Set(described.keys)
        for name in own.keys {
            let levels = TagPath.levels(name)
            for k in 1...levels.count { names.insert(levels[0..<k].joined(separator: "/")) }
        }
        for name in names.sorted() {
            let total = own.filter { TagPath.covers(name, $0.key) }.reduce(0) { $0 + $1.value }
            var line = String(total).leftPadded(6) + "  " + AnnotatedPaths.excerpt(name, limit: 80)
            if let d = described[name] {
                if let c = d.color { line += "  (\(c))" }
                if !d.description.isEmpty { line += "  " + AnnotatedPaths.excerpt(d.description, limit: 80) }
            }
            print(line)
        }
        if let failure = found.failure { throw AnnotationExit.report(failure, quietly: true) }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
