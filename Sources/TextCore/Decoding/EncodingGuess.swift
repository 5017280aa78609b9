/// How an encoding was chosen, for the status line and `pizhu info`.
public enum DetectionMethod: String, Sendable {
    /// A byte-order mark said so.
    case bom
    /// The whole file is valid UTF-8.
    case utf8
    /// The pattern of NUL bytes (or of plausible code units) says UTF-16 without a BOM.
    case utf16Pattern = "utf16-pattern"
    /// ICU's statistical detector, with the GB-vs-Big5 tie-break where it applies.
    case statistical
    /// The user named it (`--encoding`).
    case override
}

/// The encoding a document will be decoded with.
public struct EncodingGuess: Equatable, Sendable {
    /// The iconv name ("UTF-8", "GB18030", "BIG5-HKSCS", "UTF-16LE", …).
    public var name: String
    /// 0–100.
    public var confidence: Int
    public var method: DetectionMethod
    /// Bytes of byte-order mark to skip (0 if none).
    public var bomLength: Int

    /// Bytes that are valid UTF-8 throughout: certain, no statistics needed.
    public static let validUTF8 = EncodingGuess(name: "UTF-8", confidence: 100, method: .utf8)

    public init(name: String, confidence: Int, method: DetectionMethod, bomLength: Int = 0) {
        self.name = name
        self.confidence = confidence
        self.method = method
        self.bomLength = bomLength
    }
}

extension EncodingGuess {
    /// "GB18030 92%" for a statistical guess, the bare name otherwise.
    public var label: String {
        method == .statistical || method == .utf16Pattern ? "\(name) \(confidence)%" : name
    }
}
