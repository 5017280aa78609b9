/// A short plain-text digest for email or chat: one block per annotation.
enum TextExport {
    static func render(_ documents: [ExportDocument], title: String, options: ExportOptions) -> String {
        let summary = ExportSummary(documents)
        var out = "批注 \(title) — \(summary.annotations) annotations in \(summary.documents) documents (filter: \(options.filterDescription))\n"
        if let stamp = options.stamp { out += "exported \(stamp)\n" }
        if !summary.tagCounts.isEmpty { out += "tags: " + summary.tagCounts.map { "#\($0.tag) \($0.count)" }.joined(separator: ", ") + "\n" }
        for group in grouped(documents, by: options.groupBy) {
            out += "\n== \(group.title) ==\n"
            for (d, item) in group.items {
                let a = item.annotation
                out += "\n"
                if options.groupBy == .tag { out += "\(d.name) " }
                out += "L\(item.location.line):\(item.location.column)"
                if !item.location.heading.isEmpty { out += " 〔\(item.location.heading)〕" }
                if !a.tags.isEmpty { out += " " + a.tags.map { "#" + $0 }.joined(separator: " ") }
                if let c = a.color { out += " (\(c))" }
                if a.anchor.status != .anchored { out += " [\(a.anchor.status.rawValue)]" }
                out += "\n  「\(MarkdownExport.flat(item.target.exact))」\n"
                if let note = a.note { out += "  注：" + note.replacingOccurrences("\n", " ") + "\n" }
                out += "  — \(a.creator), \(a.created)\n"
            }
        }
        return out
    }
}
