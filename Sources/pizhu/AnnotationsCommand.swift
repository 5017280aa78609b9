import AnnotationCore
import ArgumentParser

/// `pizhu annotations`: list annotations of documents and folders, as text or JSON.
struct AnnotationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotations",
        abstract: "List the annotations of documents (folders: every document in them) in text order, orphans included."
    )

    @Argument(help: "Documents and folders.") var paths: [String]
    @Option(name: .customLong("tag"), help: "Only annotations with this tag or a tag under it (repeatable: any of them).") var tags: [String] = []
    @Flag(help: "A JSON array: one object per annotation, its document's path and line:column added.") var json = false
    @OptionGroup var decoding: DecodingArguments

    func run() throws {
        let found = AnnotatedPaths(paths, decoding: decoding)
        var items: [JSONValue] = []
        for document in found.documents {
            let lines = LineColumns(document.text)
            let selected = document.annotations.filter { a in tags.isEmpty || tags.contains { a.hasTag(under: $0) } }
            if !json && !selected.isEmpty { print("\(document.sourcePath): \(selected.count) annotation\(selected.count == 1 ? "" : "s")") }
            for a in selected {
                guard let t = a.target else { continue }
                let (line, column) = lines.position(of: t.start)
                if json {
                    var o = JSONObject([("path", .string(document.sourcePath)), ("line", .int(line)), ("column", .int(column))])
                    for (k, v) in SidecarEncoder.annotation(a).entries { o[k] = v }
                    items.append(.object(o))
                } else {
                    var parts = [a.id, "\(line):\(column)", "\(t.start)-\(t.end)", a.anchor.status.rawValue]
                    if let c = a.color { parts.append(c) }
                    if !a.tags.isEmpty { parts.append(a.tags.map { "#" + $0 }.joined(separator: " ")) }
                    parts.append("「" + AnnotatedPaths.excerpt(t.exact) + "」")
                    if let note = a.note { parts.append("note: " + AnnotatedPaths.excerpt(note, limit: 60)) }
                    print("  " + parts.joined(separator: "  "))
                }
            }
        }
        if json { print(JSONWriter.write(.array(items)), terminator: "") }
        if let failure = found.failure { throw AnnotationExit.report(failure, quietly: true) }
    }
}
