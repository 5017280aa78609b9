/// Facts about a document for `pizhu info`: what was decoded, how, and what the views found.
public struct DocumentInfo: Equatable, Sendable {
    public var sizeBytes: Int
    public var encoding: EncodingGuess
    public var invalidSequences: Int
    public var lineEndings: DocumentProfile.LineEndings
    public var view: ReadingView
    public var isSegmented: Bool
    public var isHardWrapped: Bool
    public var scalarCount: Int
    public var sha256: String
    /// Paragraphs and headings in the chosen view.
    public var paragraphs: Int
    public var headings: Int

    /// Gathers the facts (a pass over every block of the chosen view).
    public init(bytes: [UInt8], decoded: DecodedText) {
        let views = DocumentViews(text: decoded.text)
        sizeBytes = bytes.count
        encoding = decoded.encoding
        invalidSequences = decoded.invalidSequences
        lineEndings = views.profile.lineEndings
        view = views.profile.suggestedView
        isSegmented = views.profile.isSegmented
        isHardWrapped = views.profile.isHardWrapped
        scalarCount = decoded.text.count
        sha256 = SHA256.hex(bytes)
        var paragraphs = 0, headings = 0
        let structure = views.structure(view)
        var offset = 0
        while offset < decoded.text.count {
            let block = structure.block(containing: offset)
            let hasText = structure.displayScalars(of: block).contains { !LineFacts.isWhitespace($0) && $0 != TextStructureMarks.hidden }
            if block.isParagraphStart && hasText {
                if block.role == .heading { headings += 1 } else { paragraphs += 1 }
            }
            offset = max(block.owned.upperBound, offset + 1)
        }
        self.paragraphs = paragraphs
        self.headings = headings
    }

    /// Label/value pairs in display order (the same keys as the JSON form).
    public var fields: [(String, String)] {
        [("size_bytes", "\(sizeBytes)"), ("encoding", encoding.name), ("confidence", "\(encoding.confidence)"),
         ("detected_by", encoding.method.rawValue), ("bom", encoding.bomLength > 0 ? "yes" : "no"),
         ("invalid_sequences", "\(invalidSequences)"), ("line_endings", lineEndings.rawValue), ("view", view.rawValue),
         ("segmented", isSegmented ? "yes" : "no"), ("hard_wrapped", isHardWrapped ? "yes" : "no"),
         ("scalars", "\(scalarCount)"), ("sha256", sha256), ("paragraphs", "\(paragraphs)"), ("headings", "\(headings)")]
    }

    /// A JSON object (keys in display order; numbers and booleans typed).
    public func json(path: String) -> String {
        let numeric: Set<String> = ["size_bytes", "confidence", "invalid_sequences", "scalars", "paragraphs", "headings"]
        let boolean: Set<String> = ["bom", "segmented", "hard_wrapped"]
        var parts = ["\"path\": \(JSONString.quote(path))"]
        for (key, value) in fields {
            let rendered = numeric.contains(key) ? value : boolean.contains(key) ? (value == "yes" ? "true" : "false") : JSONString.quote(value)
            parts.append("\(JSONString.quote(key)): \(rendered)")
        }
        return "{" + parts.joined(separator: ", ") + "}"
    }
}

/// JSON string literals without Foundation.
public enum JSONString {
    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20 || u.value == 0x7F || (0x80..<0xA0).contains(u.value):
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
