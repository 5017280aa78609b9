import CharsetDetection

/// Chooses the encoding of a document's bytes.
///
/// The pipeline: byte-order mark → binary refusal → strict UTF-8 → UTF-16 by NUL pattern →
/// ICU's statistical detector → GB-vs-Big5 tie-break. A successful decode proves nothing on
/// its own (GB18030 decodes Big5 bytes without error), which is why detection comes first.
public enum EncodingDetector {
    /// Bytes examined by the statistical steps.
    public static let sampleSize = 64 * 1024

    public enum Verdict: Equatable {
        case text(EncodingGuess)
        /// Refused as binary, with the reason.
        case binary(String)
    }

    public static func detect(_ bytes: [UInt8]) -> Verdict {
        if let sure = unambiguous(bytes) { return sure }
        let sample = Array(bytes.prefix(sampleSize))
        let census = UTF8Validator.census(sample)
        if census.multibyte >= 8 && census.invalid * 10 <= census.multibyte {
            // Mostly UTF-8 with a few stray bytes: read as UTF-8, the strays become U+FFFD.
            let confidence = 100 - min(50, census.invalid * 100 / census.multibyte)
            return .text(EncodingGuess(name: "UTF-8", confidence: confidence, method: .statistical))
        }
        return .text(statistical(sample))
    }

    /// What the bytes say without statistics: a byte-order mark, UTF-16's NUL pattern, a binary
    /// file, or valid UTF-8 (checked only if `utf8`: a caller about to decode them as UTF-8
    /// learns it from the decoding); nil when only the statistical steps can tell.
    public static func unambiguous(_ bytes: [UInt8], utf8: Bool = true) -> Verdict? {
        if let bom = ByteOrderMark.sniff(bytes) { return .text(bom) }
        let sample = Array(bytes.prefix(sampleSize))
        if let utf16 = UTF16Pattern.sniff(sample) { return .text(utf16) }
        if let reason = BinarySniffer.reason(sample) { return .binary(reason) }
        guard utf8 else { return nil }
        let valid = bytes.withUnsafeBufferPointer { UTF8Validator.isValid($0) }
        return valid ? .text(.validUTF8) : nil
    }

    static func statistical(_ sample: [UInt8]) -> EncodingGuess {
        let guesses = ICUCharsetDetector.guesses(sample)
        let top = guesses.first
        let chinese = ["GB18030", "Big5", "EUC-KR", "EUC-JP", "Shift_JIS", "ISO-2022-CN"]
        let hasHighBytes = sample.contains { $0 >= 0x80 }
        if hasHighBytes, top.map({ chinese.contains($0.name) || $0.confidence < 50 }) ?? true,
           let decision = ChineseTieBreak.decide(sample) {
            let icu = guesses.first { canonical($0.name) == decision.charset }?.confidence ?? 0
            return EncodingGuess(name: decision.charset, confidence: max(icu, decision.confidence), method: .statistical)
        }
        if let top, IconvDecoder.supports(canonical(top.name)) {
            return EncodingGuess(name: canonical(top.name), confidence: top.confidence, method: .statistical)
        }
        return EncodingGuess(name: ChineseTieBreak.gb, confidence: 0, method: .statistical)
    }

    /// The iconv name for an ICU or user-given name; the GB family always decodes as GB18030.
    public static func canonical(_ name: String) -> String {
        switch String(name.uppercased().map { $0 == "_" ? "-" : $0 }) {
        case "GB18030", "GBK", "GB2312", "CP936", "EUC-CN", "GB-2312", "WINDOWS-936": return "GB18030"
        case "BIG5", "BIG-5", "CP950", "BIG5-HKSCS", "BIG5HKSCS": return ChineseTieBreak.big5
        case "UTF8", "UTF-8": return "UTF-8"
        case "UTF16LE", "UTF-16LE": return "UTF-16LE"
        case "UTF16BE", "UTF-16BE": return "UTF-16BE"
        case "UTF16", "UTF-16": return "UTF-16"
        default: return name.uppercased()
        }
    }
}
