/// Why the bytes of a sidecar cannot be used. A sidecar in any of these states is never
/// overwritten: annotating its document is disabled until someone fixes or moves the file.
public enum SidecarFormatError: Error, Equatable, CustomStringConvertible {
    case syntax(JSONParser.SyntaxError)
    /// Valid JSON, but not a pizhu sidecar (wrong `format`, missing blocks).
    case notASidecar(String)
    /// Written by a newer pizhu.
    case newerVersion(Int)

    public var description: String {
        switch self {
        case .syntax(let e): return "not valid JSON (\(e))"
        case .notASidecar(let why): return "not a pizhu sidecar (\(why))"
        case .newerVersion(let v): return "written by a newer pizhu (schema_version \(v); this one reads \(Sidecar.schemaVersion))"
        }
    }
}
