import TextCore

/// Writes `JSONValue` as pretty JSON: two-space indents, one field or item per line, keys in
/// the object's own order, non-ASCII text as is, LF endings and a final newline.
///
/// One field per line is what makes git diffs of a sidecar read well and merges rarely collide.
public enum JSONWriter {
    public static func write(_ value: JSONValue) -> String {
        var out = ""
        append(value, indent: "", to: &out)
        return out + "\n"
    }

    private static func append(_ value: JSONValue, indent: String, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): out += JSONString.quote(s)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            let inner = indent + "  "
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += inner
                append(item, indent: inner, to: &out)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case .object(let object):
            guard !object.isEmpty else { out += "{}"; return }
            let inner = indent + "  "
            out += "{\n"
            for (i, entry) in object.entries.enumerated() {
                out += inner + JSONString.quote(entry.key) + ": "
                append(entry.value, indent: inner, to: &out)
                out += i == object.entries.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        }
    }
}
