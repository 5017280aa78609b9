/// A JSON value that keeps what a typed model would lose: the order of an object's keys,
/// keys nobody here knows, and numbers exactly as written.
///
/// The sidecar is read into this form first, so a rewrite can carry unknown fields through
/// untouched (the forward-compatibility rule of the format).
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// A number as written in the file (so large integers and exponents survive).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var objectValue: JSONObject? { if case .object(let o) = self { return o } else { return nil } }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    public var isNull: Bool { self == .null }

    /// The value of an integral number.
    public var intValue: Int? {
        guard case .number(let text) = self else { return nil }
        if let i = Int(text) { return i }
        if let d = Double(text), d.rounded() == d, abs(d) < 9e15 { return Int(d) }
        return nil
    }

    public var doubleValue: Double? { if case .number(let text) = self { return Double(text) } else { return nil } }
}

/// A JSON object whose keys keep their order.
public struct JSONObject: Equatable, Sendable {
    public private(set) var entries: [(key: String, value: JSONValue)] = []

    public init() {}
    public init(_ entries: [(String, JSONValue)]) {
        for (k, v) in entries { self[k] = v }
    }

    public var keys: [String] { entries.map(\.key) }
    public var isEmpty: Bool { entries.isEmpty }

    public subscript(key: String) -> JSONValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let i = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    /// The entries whose keys are not in `known`, in key order (how unknown fields are kept).
    public func removing(_ known: Set<String>) -> JSONObject {
        var rest = JSONObject()
        for (k, v) in entries where !known.contains(k) { rest[k] = v }
        return rest
    }

    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        a.entries.count == b.entries.count && zip(a.entries, b.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
