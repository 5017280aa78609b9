/// Writes the model as the sidecar's JSON: known keys in a fixed order, unknown ones after
/// them as they were read, annotations by start, end and id with tombstones last.
///
/// The same model always gives the same bytes, so a rewrite with no change is no diff.
public enum SidecarEncoder {
    public static func encode(_ sidecar: Sidecar) -> String { JSONWriter.write(value(sidecar)) }
    public static func bytes(_ sidecar: Sidecar) -> [UInt8] { JSONWriter.bytes(value(sidecar)) }

    public static func value(_ s: Sidecar) -> JSONValue {
        var o = JSONObject()
        o["format"] = .string(Sidecar.format)
        o["schema_version"] = .int(Sidecar.schemaVersion)
        o["generator"] = .object(JSONObject([("name", .string(s.generator.name)), ("version", .string(s.generator.version))]))
        o["revision"] = .int(s.revision)
        o["saved_at"] = .string(s.savedAt)
        o["saved_by"] = .object(JSONObject([("user", .string(s.savedBy.user)), ("host", .string(s.savedBy.host))]))
        o["document"] = .object(document(s.document))
        o["tags"] = .array(s.tags.sorted { $0.name < $1.name }.map { .object(tag($0)) })
        let sorted = s.annotations.sorted(by: Annotation.sidecarOrder).map { JSONValue.object(annotation($0)) }
        o["annotations"] = .array(sorted + s.unreadable)
        o["conflicts"] = .array(s.conflicts.map { .object(conflict($0)) })
        return .object(o.appending(s.extra))
    }

    static func document(_ d: DocumentRecord) -> JSONObject {
        JSONObject([("filename", .string(d.filename)), ("sha256", .string(d.sha256)), ("size_bytes", .int(d.sizeBytes)),
                    ("encoding", .string(d.encoding)), ("bom", .bool(d.bom)), ("newline", .string(d.newline)),
                    ("length_cp", .int(d.lengthScalars)), ("offset_unit", .string("unicode_scalar")), ("offset_base", .int(0))])
            .appending(d.extra)
    }

    static func tag(_ t: TagDefinition) -> JSONObject {
        JSONObject([("name", .string(t.name)), ("color", optional(t.color)), ("description", .string(t.description)),
                    ("modified", .string(t.modified))]).appending(t.extra)
    }

    public static func annotation(_ a: Annotation) -> JSONObject {
        guard let t = a.target, !a.deleted else {
            return JSONObject([("id", .string(a.id)), ("deleted", .bool(true)), ("modified", .string(a.modified)),
                               ("modified_by", .string(a.modifiedBy))]).appending(a.extra)
        }
        var anchor = JSONObject([("status", .string(a.anchor.status.rawValue)), ("score", .number(score(a.anchor.score)))])
        if let original = a.anchor.originalExact { anchor["original_exact"] = .string(original) }
        return JSONObject([
            ("id", .string(a.id)),
            ("target", .object(target(t))),
            ("color", optional(a.color)),
            ("tags", .array(a.tags.map { .string($0) })),
            ("note", optional(a.note)),
            ("creator", .string(a.creator)),
            ("created", .string(a.created)),
            ("modified", .string(a.modified)),
            ("modified_by", .string(a.modifiedBy)),
            ("deleted", .bool(false)),
            ("anchor", .object(anchor)),
        ]).appending(a.extra)
    }

    static func target(_ t: TextTarget) -> JSONObject {
        JSONObject([("start", .int(t.start)), ("end", .int(t.end)), ("exact", .string(t.exact)),
                    ("prefix", .string(t.prefix)), ("suffix", .string(t.suffix))])
    }

    static func conflict(_ c: Conflict) -> JSONObject {
        JSONObject([("id", .string(c.id)), ("field", .string(c.field)), ("value", c.value), ("by", .string(c.by)), ("at", .string(c.at))])
    }

    static func optional(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }

    /// A score in [0, 1] with at most three decimals (`1`, `0.875`, `0`).
    static func score(_ x: Double) -> String {
        let milli = Int((min(1, max(0, x)) * 1000).rounded())
        if milli == 1000 { return "1" }
        if milli == 0 { return "0" }
        var digits = String(milli)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "0." + digits
    }
}

extension JSONObject {
    /// These entries followed by those of `other` whose keys are new.
    func appending(_ other: JSONObject) -> JSONObject {
        var result = self
        for (k, v) in other.entries where result[k] == nil { result[k] = v }
        return result
    }
}
