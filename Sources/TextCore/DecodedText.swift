/// A document's bytes decoded to scalars, with what the decoder found on the way.
public struct DecodedText {
    public var text: ScalarText
    /// Name of the encoding the bytes were read as ("UTF-8").
    public var encoding: String
    /// True if a byte-order mark was found and dropped (it is not part of the text).
    public var hadBOM: Bool
    /// Number of invalid byte sequences replaced by U+FFFD.
    public var invalidSequences: Int
}

/// Decodes bytes as UTF-8, replacing each invalid sequence by U+FFFD and counting them.
///
/// Offsets always count scalars of the decoded text, with the BOM dropped.
public enum UTF8TextDecoder {
    public static func decode(_ bytes: [UInt8]) -> DecodedText {
        var start = 0
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        if bom { start = 3 }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count - start)
        var invalid = 0
        var iterator = bytes[start...].makeIterator()
        var parser = Unicode.UTF8()
        loop: while true {
            switch parser.decode(&iterator) {
            case .scalarValue(let s): scalars.append(s)
            case .error:
                scalars.append("\u{FFFD}")
                invalid += 1
            case .emptyInput: break loop
            }
        }
        return DecodedText(text: ScalarText(scalars), encoding: "UTF-8", hadBOM: bom, invalidSequences: invalid)
    }
}
