import AnnotationCore

/// One self-contained HTML report (inline CSS, no network, no external fonts) that reads well
/// on screen and in print: a summary with tag counts, sections per tag or document, each
/// passage with its context in its highlight colour; `--full-text` adds each whole document
/// with every annotation highlighted in place and linked from the list. A small inline script
/// filters by tag; everything is readable with scripts off. All text is escaped.
enum HTMLExport {
    static func render(_ documents: [ExportDocument], title: String, options: ExportOptions) -> String {
        let summary = ExportSummary(documents)
        var out = """
        <!DOCTYPE html>
        <html lang="zh">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="\(escape(ExportSummary.generator))">
        <title>批注 \(escape(title))</title>
        <style>
        body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", serif; max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.75; color: #222; }
        h1, h2, h3 { font-family: "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; line-height: 1.3; }
        table { border-collapse: collapse; } td, th { border: 1px solid #bbb; padding: .2em .6em; text-align: left; }
        .item { border-left: 4px solid #ccc; margin: 1.2em 0; padding: .2em 1em; break-inside: avoid; }
        .meta { color: #666; font-size: .85em; }
        .context { color: #888; }
        mark { padding: 0 .1em; } .tag { display: inline-block; background: #eee; border-radius: 3px; padding: 0 .4em; margin-right: .3em; font-size: .85em; }
        .note { white-space: pre-wrap; background: #fafafa; border: 1px dashed #ccc; padding: .4em .8em; }
        .fulltext { white-space: pre-wrap; }
        .filter button { margin: 0 .2em .3em 0; }
        @media print { .filter { display: none; } body { max-width: none; } a { color: inherit; text-decoration: none; } }

        """
        for c in Palette.colours { out += "mark.\(c.name) { background: \(c.hex); } .item.\(c.name) { border-left-color: \(c.hex); }\n" }
        out += "</style>\n</head>\n<body>\n"
        out += "<h1>批注 \(escape(title))</h1>\n"
        out += "<p class=\"meta\">\(summary.annotations) annotations in \(summary.documents) documents · filter: \(escape(options.filterDescription))"
        if summary.orphansLeftOut > 0 { out += " · \(summary.orphansLeftOut) orphans left out" }
        if let stamp = options.stamp { out += " · exported \(escape(stamp))" }
        out += " · \(escape(ExportSummary.generator))</p>\n"
        out += "<table class=\"summary\"><tr><th>tag</th><th>annotations</th></tr>\n"
        for (tag, count) in summary.tagCounts { out += "<tr><td><a href=\"#tag-\(anchor(tag))\">#\(escape(tag))</a></td><td>\(count)</td></tr>\n" }
        if summary.untagged > 0 { out += "<tr><td>(untagged)</td><td>\(summary.untagged)</td></tr>\n" }
        out += "</table>\n"
        out += "<p class=\"filter\" hidden>Show: <button data-tag=\"\">all</button>"
        for (tag, _) in summary.tagCounts { out += "<button data-tag=\"\(escape(tag))\">#\(escape(tag))</button>" }
        out += "</p>\n"
        for group in grouped(documents, by: options.groupBy) {
            let id = options.groupBy == .tag ? " id=\"tag-\(anchor(group.title))\"" : ""
            out += "<section\(id)>\n<h2>\(options.groupBy == .tag ? "#" : "")\(escape(group.title))</h2>\n"
            for (d, item) in group.items { out += entry(d, item, showDocument: options.groupBy == .tag) }
            out += "</section>\n"
        }
        if options.fullText {
            for d in documents { out += fullText(d) }
        }
        out += """
        <script>
        // Optional: filter the passages by tag. Without scripts every passage stays visible.
        (function () {
          var bar = document.querySelector('.filter'); if (!bar) return; bar.hidden = false;
          bar.addEventListener('click', function (e) {
            var tag = e.target.getAttribute('data-tag'); if (tag === null) return;
            document.querySelectorAll('.item').forEach(function (el) {
              var tags = (el.getAttribute('data-tags') || '').split('\\n');
              el.style.display = !tag || tags.some(function (t) { return t === tag || t.indexOf(tag + '/') === 0; }) ? '' : 'none';
            });
          });
        })();
        </script>
        </body>
        </html>

        """
        return out
    }

    static func entry(_ d: ExportDocument, _ item: ExportItem, showDocument: Bool) -> String {
        let a = item.annotation
        let t = item.target
        let l = item.location
        let colour = a.color ?? "yellow"
        var out = "<div class=\"item \(colour)\" id=\"a-\(escape(a.id))\" data-tags=\"\(escape(a.tags.joined(separator: "\n")))\">\n"
        out += "<p class=\"meta\">"
        if showDocument { out += "\(escape(d.name)) · " }
        if !l.heading.isEmpty { out += "\(escape(l.heading)) · " }
        out += "¶\(l.paragraph) · L\(l.line):\(l.column) · [\(t.start)–\(t.end)]"
        if a.anchor.status != .anchored { out += " · <strong>\(a.anchor.status.rawValue)</strong>" }
        out += "</p>\n<blockquote><span class=\"context\">…\(escape(item.before))</span><mark class=\"\(colour)\">\(escape(t.exact))</mark><span class=\"context\">\(escape(item.after))…</span></blockquote>\n"
        if !a.tags.isEmpty { out += "<p>" + a.tags.map { "<span class=\"tag\">#\(escape($0))</span>" }.joined() + "</p>\n" }
        if let note = a.note { out += "<p class=\"note\">\(escape(note))</p>\n" }
        out += "<p class=\"meta\">\(escape(a.creator)) · \(escape(a.created))"
        if a.modified != a.created { out += " · modified by \(escape(a.modifiedBy)) \(escape(a.modified))" }
        out += "</p>\n</div>\n"
        return out
    }

    /// The whole text with every anchored annotation marked in place; overlapping ones nest
    /// (each boundary closes and reopens the marks that span it, so the markup stays valid).
    static func fullText(_ d: ExportDocument) -> String {
        var out = "<section class=\"fulltext-section\"><h2>全文 \(escape(d.name))</h2>\n<div class=\"fulltext\">"
        let spans = d.items.filter { $0.annotation.anchor.status != .orphan }.map { ($0.target.start..<$0.target.end, $0.annotation) }
        var boundaries = Set([0, d.text.count])
        for (r, _) in spans { boundaries.insert(r.lowerBound); boundaries.insert(r.upperBound) }
        let points = boundaries.sorted()
        for (lo, hi) in zip(points, points.dropFirst()) where lo < hi {
            let covering = spans.filter { $0.0.lowerBound <= lo && hi <= $0.0.upperBound }.sorted { $0.0.count > $1.0.count }
            for (r, a) in covering {
                let first = r.lowerBound == lo ? " id=\"t-\(escape(a.id))\"" : ""
                out += "<a href=\"#a-\(escape(a.id))\"\(first)><mark class=\"\(a.color ?? "yellow")\" title=\"\(escape(a.tags.map { "#" + $0 }.joined(separator: " ")))\">"
            }
            out += escape(TextTarget.string(d.text[lo..<hi]))
            out += String(repeating: "</mark></a>", count: covering.count)
        }
        return out + "</div></section>\n"
    }

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\r": continue
            default:
                if u.value < 0x20 && u != "\n" && u != "\t" || (0x7F..<0xA0).contains(u.value) { out += "&#x\(String(u.value, radix: 16));" } else { out.unicodeScalars.append(u) }
            }
        }
        return out
    }

    static func anchor(_ tag: String) -> String {
        tag.unicodeScalars.map { s in s.properties.isAlphabetic || ("0"..."9").contains(Character(s)) ? String(s) : "-" }.joined()
    }
}
