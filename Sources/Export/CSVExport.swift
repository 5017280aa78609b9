import AnnotationCore

/// CSV (RFC 4180) for spreadsheets: UTF-8 with a BOM so Chinese shows correctly, CRLF row
/// ends, every field quoted when it holds a comma, quote or line break; one row per
/// annotation × tag by default, or one per annotation.
enum CSVExport {
    static func render(_ documents: [ExportDocument], options: ExportOptions) -> [UInt8] {
        let levels = max(1, documents.flatMap { $0.items.flatMap { $0.annotation.tags.map { TagPath.levels($0).count } } }.max() ?? 1)
        var header = ["document", "id", "start", "end", "line", "column", "heading", "quote", "prefix", "suffix", "tag"]
        header += (1...levels).map { "tag_level_\($0)" }
        header += ["colour", "note", "author", "created", "modified", "status"]
        var rows = [header]
        for d in documents {
            for item in d.items {
                let a = item.annotation
                let t = item.target
                let tagSets: [String?] = options.oneRowPerAnnotation || a.tags.isEmpty ? [a.tags.isEmpty ? nil : a.tags.joined(separator: ";")] : a.tags.map { $0 }
                for tag in tagSets {
                    let split = options.oneRowPerAnnotation ? [] : tag.map(TagPath.levels) ?? []
                    var row = [d.name, a.id, String(t.start), String(t.end), String(item.location.line), String(item.location.column),
                               item.location.heading, t.exact, t.prefix, t.suffix, tag ?? ""]
                    row += (0..<levels).map { $0 < split.count ? split[$0] : "" }
                    row += [a.color ?? "", a.note ?? "", a.creator, a.created, a.modified, a.anchor.status.rawValue]
                    rows.append(row)
                }
            }
        }
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        for row in rows {
            out += Array(row.map(field).joined(separator: ",").utf8)
            out += [0x0D, 0x0A]
        }
        return out
    }

    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
