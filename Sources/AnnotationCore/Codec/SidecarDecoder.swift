/// Reads a sidecar's JSON into the model, keeping unknown fields at every level and any
/// annotation entry it cannot read (verbatim, so the next write does not drop it).
public enum SidecarDecoder {
    public static func decode(_ bytes: [UInt8]) throws(SidecarFormatError) -> Sidecar {
        let value: JSONValue
        do { value = try JSONParser.parse(bytes) } catch { throw .syntax(error) }
        return try decode(value)
    }

    public static func decode(_ value: JSONValue) throws(SidecarFormatError) -> Sidecar {
        guard let root = value.objectValue else { throw .notASidecar("the top level is not an object") }
        guard root["format"]?.stringValue == Sidecar.format else { throw .notASidecar("\"format\" is not \"\(Sidecar.format)\"") }
        guard let version = root["schema_version"]?.intValue else { throw .notASidecar("no schema_version") }
        if version > Sidecar.schemaVersion { throw .newerVersion(version) }
        guard version >= 1 else { throw .notASidecar("schema_version \(version)") }
        guard let doc = root["document"]?.objectValue else { throw .notASidecar("no document block") }

        var sidecar = Sidecar(document: document(doc))
        if let g = root["generator"]?.objectValue {
            sidecar.generator = Sidecar.Generator(name: g["name"]?.stringValue ?? "", version: g["version"]?.stringValue ?? "")
        }
        sidecar.revision = root["revision"]?.intValue ?? 0
        sidecar.savedAt = root["saved_at"]?.stringValue ?? ""
        if let s = root["saved_by"]?.objectValue {
            sidecar.savedBy = Sidecar.SavedBy(user: s["user"]?.stringValue ?? "", host: s["host"]?.stringValue ?? "")
        }
        sidecar.tags = (root["tags"]?.arrayValue ?? []).compactMap { $0.objectValue.flatMap(tag) }
        var seen = Set<String>()
        for entry in root["annotations"]?.arrayValue ?? [] {
            if let object = entry.objectValue, let a = annotation(object), seen.insert(a.id).inserted {
                sidecar.annotations.append(a)
            } else {
                sidecar.unreadable.append(entry)
            }
        }
        sidecar.conflicts = (root["conflicts"]?.arrayValue ?? []).compactMap { $0.objectValue.flatMap(conflict) }
        sidecar.extra = root.removing(SidecarKeys.top)
        return sidecar
    }

    static func document(_ o: JSONObject) -> DocumentRecord {
        DocumentRecord(filename: o["filename"]?.stringValue ?? "", sha256: o["sha256"]?.stringValue ?? "",
                       sizeBytes: o["size_bytes"]?.intValue ?? 0, encoding: o["encoding"]?.stringValue ?? "",
                       bom: o["bom"]?.boolValue ?? false, newline: o["newline"]?.stringValue ?? "",
                       lengthScalars: o["length_cp"]?.intValue ?? 0, extra: o.removing(SidecarKeys.document))
    }

    static func tag(_ o: JSONObject) -> TagDefinition? {
        guard let name = o["name"]?.stringValue else { return nil }
        return TagDefinition(name: name, color: o["color"]?.stringValue, description: o["description"]?.stringValue ?? "",
                             modified: o["modified"]?.stringValue ?? "", extra: o.removing(SidecarKeys.tag))
    }

    /// An annotation, or nil if it lacks what every annotation needs.
    static func annotation(_ o: JSONObject) -> Annotation? {
        guard let id = o["id"]?.stringValue, !id.isEmpty else { return nil }
        let modified = o["modified"]?.stringValue ?? ""
        let modifiedBy = o["modified_by"]?.stringValue ?? ""
        if o["deleted"]?.boolValue == true {
            return Annotation(id: id, target: nil, creator: "", created: "", modified: modified, modifiedBy: modifiedBy,
                              deleted: true, extra: o.removing(SidecarKeys.annotation))
        }
        guard let t = o["target"]?.objectValue, let start = t["start"]?.intValue, let end = t["end"]?.intValue,
              start >= 0, end >= start, let exact = t["exact"]?.stringValue else { return nil }
        let target = TextTarget(start: start, end: end, exact: exact, prefix: t["prefix"]?.stringValue ?? "",
                                suffix: t["suffix"]?.stringValue ?? "")
        var anchor = AnchorState()
        if let a = o["anchor"]?.objectValue {
            anchor.status = a["status"]?.stringValue.flatMap(AnchorStatus.init(rawValue:)) ?? .anchored
            anchor.score = a["score"]?.doubleValue ?? 1
            anchor.originalExact = a["original_exact"]?.stringValue
        }
        let tags = (o["tags"]?.arrayValue ?? []).compactMap(\.stringValue)
        return Annotation(id: id, target: target, color: o["color"]?.stringValue, tags: tags,
                          note: o["note"]?.stringValue, creator: o["creator"]?.stringValue ?? "",
                          created: o["created"]?.stringValue ?? "", modified: modified, modifiedBy: modifiedBy,
                          anchor: anchor, extra: o.removing(SidecarKeys.annotation))
    }

    static func conflict(_ o: JSONObject) -> Conflict? {
        guard let id = o["id"]?.stringValue, let field = o["field"]?.stringValue else { return nil }
        return Conflict(id: id, field: field, value: o["value"] ?? .null, by: o["by"]?.stringValue ?? "", at: o["at"]?.stringValue ?? "")
    }
}

/// The keys each level of the format defines; anything else is kept as unknown.
enum SidecarKeys {
    static let top: Set<String> = ["format", "schema_version", "generator", "revision", "saved_at", "saved_by",
                                   "document", "tags", "annotations", "conflicts"]
    static let document: Set<String> = ["filename", "sha256", "size_bytes", "encoding", "bom", "newline", "length_cp",
                                        "offset_unit", "offset_base"]
    static let tag: Set<String> = ["name", "color", "description", "modified"]
    static let annotation: Set<String> = ["id", "target", "color", "tags", "note", "creator", "created", "modified",
                                          "modified_by", "deleted", "anchor"]
}
