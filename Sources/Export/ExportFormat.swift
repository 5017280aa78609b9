import AnnotationCore

/// The export formats, and what each produces from a set of documents.
public enum ExportFormat: String, CaseIterable, Sendable {
    case md, html, csv, json, w3c, brat, txt

    /// File extension of the output.
    public var fileExtension: String {
        switch self {
        case .w3c: return "jsonld"
        case .brat: return "brat"
        default: return rawValue
        }
    }

    /// The output files, by name (one for every format but brat, which writes a folder's worth).
    public func render(_ documents: [ExportDocument], title: String, options: ExportOptions) -> [(name: String, bytes: [UInt8])] {
        switch self {
        case .md: return [(title + ".md", Array(MarkdownExport.render(documents, title: title, options: options).utf8))]
        case .txt: return [(title + ".txt", Array(TextExport.render(documents, title: title, options: options).utf8))]
        case .csv: return [(title + ".csv", CSVExport.render(documents, options: options))]
        case .json: return [(title + ".json", Array(JSONExport.render(documents, options: options).utf8))]
        case .w3c: return [(title + ".jsonld", Array(W3CExport.render(documents, title: title, options: options).utf8))]
        case .html: return [(title + ".html", Array(HTMLExport.render(documents, title: title, options: options).utf8))]
        case .brat: return BratExport.render(documents)
        }
    }
}

/// What every report says at its top: tool, filter, counts per tag.
struct ExportSummary {
    var annotations: Int
    var documents: Int
    var tagCounts: [(tag: String, count: Int)]
    var untagged: Int
    var orphansLeftOut: Int

    init(_ documents: [ExportDocument]) {
        var counts: [String: Int] = [:]
        var untagged = 0
        var total = 0
        for d in documents {
            for item in d.items {
                total += 1
                if item.annotation.tags.isEmpty { untagged += 1 }
                for t in Set(item.annotation.tags) { counts[t, default: 0] += 1 }
            }
        }
        annotations = total
        self.documents = documents.count
        tagCounts = counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        self.untagged = untagged
        orphansLeftOut = documents.reduce(0) { $0 + $1.orphansLeftOut }
    }

    static let generator = "pizhu \(Sidecar.generatorVersion)"
}

/// The items of all documents in the order the grouping asks for: (group title, items).
func grouped(_ documents: [ExportDocument], by grouping: ExportOptions.Grouping) -> [(title: String, items: [(ExportDocument, ExportItem)])] {
    let all = documents.flatMap { d in d.items.map { (d, $0) } }
    switch grouping {
    case .position, .document:
        // Per document, in text order.
        return documents.map { d in (d.name, d.items.map { (d, $0) }) }.filter { !$0.1.isEmpty }
    case .tag:
        var groups: [String: [(ExportDocument, ExportItem)]] = [:]
        for entry in all {
            let tags = entry.1.annotation.tags.isEmpty ? ["(untagged)"] : entry.1.annotation.tags
            for t in Set(tags) { groups[t, default: []].append(entry) }
        }
        return groups.keys.sorted().map { ($0, groups[$0]!) }
    }
}
