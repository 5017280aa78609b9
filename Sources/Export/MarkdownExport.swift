/// Markdown for a reviewer: a summary table of tags, then each passage as a block quote with
/// its context set apart, location, tags, colour, note, author and dates.
enum MarkdownExport {
    static func render(_ documents: [ExportDocument], title: String, options: ExportOptions) -> String {
        let summary = ExportSummary(documents)
        var out = "# 批注 \(escape(title))\n\n"
        out += "- Exported with \(ExportSummary.generator); offsets: Unicode scalars, 0-based, end excluded\n"
        if let stamp = options.stamp { out += "- Exported at \(stamp)\n" }
        out += "- Filter: \(escape(options.filterDescription)); grouped by \(options.groupBy.rawValue)\n"
        out += "- \(summary.annotations) annotations in \(summary.documents) documents"
        out += summary.orphansLeftOut > 0 ? "; \(summary.orphansLeftOut) orphans left out\n\n" : "\n\n"
        out += "| tag | annotations |\n|---|---|\n"
        for (tag, count) in summary.tagCounts { out += "| #\(escape(tag)) | \(count) |\n" }
        if summary.untagged > 0 { out += "| (untagged) | \(summary.untagged) |\n" }
        for d in documents where options.groupBy != .tag {
            out += "\n- Document `\(d.name)`: \(d.sidecar.document.encoding), sha256 \(d.sidecar.document.sha256)"
        }
        out += "\n"
        for group in grouped(documents, by: options.groupBy) {
            out += "\n## \(options.groupBy == .tag ? "#" : "")\(escape(group.title))\n"
            var heading: String?
            for (d, item) in group.items {
                if options.groupBy != .tag, item.location.heading != heading, !item.location.heading.isEmpty {
                    heading = item.location.heading
                    out += "\n### \(escape(item.location.heading))\n"
                }
                out += block(d, item, showDocument: options.groupBy == .tag)
            }
        }
        return out
    }

    static func block(_ d: ExportDocument, _ item: ExportItem, showDocument: Bool) -> String {
        let a = item.annotation
        let t = item.target
        let l = item.location
        var out = "\n#### "
        if showDocument { out += "\(escape(d.name)) · " }
        out += "L\(l.line):\(l.column) · ¶\(l.paragraph) · [\(t.start)–\(t.end)]"
        if let c = a.color { out += " · \(c)" }
        if a.anchor.status != .anchored { out += " · \(a.anchor.status.rawValue)" }
        out += "\n\n"
        if !a.tags.isEmpty { out += a.tags.map { "#" + escape($0.replacingOccurrences(" ", "_")) }.joined(separator: " ") + "\n\n" }
        out += "> …" + escape(flat(item.before)) + " **" + escape(flat(t.exact)) + "** " + escape(flat(item.after)) + "…\n"
        if let note = a.note {
            out += "\n" + note.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "  \n") + "\n"
        }
        out += "\n*\(escape(a.creator)) · \(a.created)"
        if a.modified != a.created || a.modifiedBy != a.creator { out += " · modified by \(escape(a.modifiedBy)) \(a.modified)" }
        out += "*\n"
        return out
    }

    /// Line breaks inside a quoted passage become ⏎ so the block quote stays one block.
    static func flat(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars where u != "\r" { out.append(u == "\n" ? "⏎" : u) }
        return String(out)
    }

    /// Markdown punctuation that would change the meaning is escaped; `<` too, so HTML in a
    /// passage shows as text.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\`*_[]<>#|".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}

extension String {
    func replacingOccurrences(_ target: Character, _ replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
