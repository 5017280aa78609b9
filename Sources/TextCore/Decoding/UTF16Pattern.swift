/// Recognises UTF-16 without a byte-order mark.
///
/// ASCII in UTF-16 puts a NUL in every other byte (newlines, digits, `|` separators), on the
/// even side for big-endian and the odd side for little-endian. Chinese with no ASCII at all
/// has no NULs, so as a second test both byte orders are decoded and the one whose code
/// units are overwhelmingly CJK, ASCII and common punctuation wins.
enum UTF16Pattern {
    static func sniff(_ sample: [UInt8]) -> EncodingGuess? {
        guard sample.count >= 4 else { return nil }
        let pairs = sample.count / 2
        var evenNUL = 0, oddNUL = 0
        for i in 0..<pairs {
            if sample[2 * i] == 0 { evenNUL += 1 }
            if sample[2 * i + 1] == 0 { oddNUL += 1 }
        }
        let nuls = evenNUL + oddNUL
        if nuls * 50 >= pairs {
            // CJK code units ending in 00 (一 U+4E00) put NULs on the other side too, so ask
            // only for a clear majority, then check the reading is plausible text.
            if evenNUL > oddNUL * 2 && plausibility(sample, bigEndian: true) >= 0.9 {
                return EncodingGuess(name: "UTF-16BE", confidence: 90, method: .utf16Pattern)
            }
            if oddNUL > evenNUL * 2 && plausibility(sample, bigEndian: false) >= 0.9 {
                return EncodingGuess(name: "UTF-16LE", confidence: 90, method: .utf16Pattern)
            }
            return nil
        }
        guard sample.count % 2 == 0 || sample.count > 64 else { return nil }
        // Valid UTF-8 is not NUL-free UTF-16: a run of combining marks (CC 81 …) would read as
        // plausible CJK code units otherwise.
        if sample.withUnsafeBufferPointer({ UTF8Validator.isValid($0, allowTruncatedEnd: true) }) { return nil }
        let le = plausibility(sample, bigEndian: false), be = plausibility(sample, bigEndian: true)
        if le >= 0.97 && be < 0.8 { return EncodingGuess(name: "UTF-16LE", confidence: 70, method: .utf16Pattern) }
        if be >= 0.97 && le < 0.8 { return EncodingGuess(name: "UTF-16BE", confidence: 70, method: .utf16Pattern) }
        return nil
    }

    /// The share of code units that are CJK, printable ASCII, whitespace or CJK punctuation;
    /// 0 if the sample has an unpaired surrogate.
    static func plausibility(_ sample: [UInt8], bigEndian: Bool) -> Double {
        let pairs = sample.count / 2
        guard pairs > 0 else { return 0 }
        var good = 0
        var expectLow = false
        for i in 0..<pairs {
            let a = UInt16(sample[2 * i]), b = UInt16(sample[2 * i + 1])
            let u = bigEndian ? (a << 8 | b) : (b << 8 | a)
            switch u {
            case 0xD800...0xDBFF:
                if expectLow { return 0 }
                expectLow = true
                good += 1
                continue
            case 0xDC00...0xDFFF:
                if !expectLow { return 0 }
                good += 1
            case 0x20...0x7E, 0x09, 0x0A, 0x0D, 0x3000...0x303F, 0x4E00...0x9FFF, 0x3400...0x4DBF,
                 0xFF00...0xFFEF, 0x2010...0x206F, 0x00B7, 0x3040...0x30FF, 0xF900...0xFAFF:
                good += 1
            default: break
            }
            if expectLow && !(0xDC00...0xDFFF).contains(u) { return 0 }
            expectLow = false
        }
        return Double(good) / Double(pairs)
    }
}
