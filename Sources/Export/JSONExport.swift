import AnnotationCore

/// Lossless JSON: every exported document's sidecar as it stands (unknown fields included),
/// without the fields that change on each save (`revision`, `saved_at`, `saved_by`), so
/// export → import → export gives the same bytes. `pizhu import` reads it back.
public enum JSONExport {
    static let format = "pizhu-export"

    static func render(_ documents: [ExportDocument], options: ExportOptions) -> String {
        var root = JSONObject()
        root["format"] = .string(format)
        root["version"] = .int(1)
        root["generator"] = .string(ExportSummary.generator)
        if let stamp = options.stamp { root["exported_at"] = .string(stamp) }
        root["filter"] = .string(options.filterDescription)
        root["documents"] = .array(documents.map { d in
            var sidecar = d.sidecar
            let kept = Set(d.items.map(\.annotation.id))
            // Filters apply to live annotations; tombstones travel so deletions survive a merge.
            sidecar.annotations = sidecar.annotations.filter { $0.deleted || kept.contains($0.id) }
            var value = SidecarEncoder.value(sidecar).objectValue ?? JSONObject()
            for volatile in ["revision", "saved_at", "saved_by"] { value[volatile] = nil }
            return .object(JSONObject([("path", .string(d.path)), ("sidecar", .object(value))]))
        })
        return JSONWriter.write(.object(root))
    }

    /// The documents of an export: source path and sidecar (with neutral volatile fields).
    public static func read(_ bytes: [UInt8]) throws -> [(path: String, sidecar: Sidecar)] {
        let value = try JSONParser.parse(bytes)
        guard let root = value.objectValue, root["format"]?.stringValue == format, let docs = root["documents"]?.arrayValue else {
            throw SidecarFormatError.notASidecar("not a pizhu JSON export")
        }
        return try docs.map { entry in
            guard let o = entry.objectValue, let path = o["path"]?.stringValue, var s = o["sidecar"]?.objectValue else {
                throw SidecarFormatError.notASidecar("a document entry lacks its path or sidecar")
            }
            s["revision"] = .int(0)
            return (path, try SidecarDecoder.decode(.object(s)))
        }
    }
}
