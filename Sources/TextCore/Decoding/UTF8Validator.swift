/// Strict UTF-8 checking and decoding.
public enum UTF8Validator {
    /// True if `bytes[range]` is entirely valid UTF-8 (no overlongs, no surrogates, ≤ U+10FFFF).
    /// A sequence cut off by the end of the range counts as valid when `allowTruncatedEnd`
    /// (for samples taken from the middle of a file).
    public static func isValid(_ bytes: UnsafeBufferPointer<UInt8>, allowTruncatedEnd: Bool = false) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            // Fast path: eight ASCII bytes at a time.
            if i + 8 <= n {
                let word = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return false
            }
            if i + length > n {
                guard allowTruncatedEnd else { return false }
                for k in (i + 1)..<n where bytes[k] & 0xC0 != 0x80 { return false }
                return true
            }
            let second = bytes[i + 1]
            if second < lower || second > upper { return false }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return false }
            i += length
        }
        return true
    }

    /// Counts valid multibyte sequences and invalid ones in a sample, to recognise UTF-8 with
    /// a few stray bytes (legacy encodings produce valid UTF-8 sequences only by accident).
    public static func census(_ bytes: [UInt8]) -> (multibyte: Int, invalid: Int) {
        var multibyte = 0, invalid = 0
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8()
        loop: while true {
            switch parser.decode(&iterator) {
            case .scalarValue(let s): if s.value >= 0x80 { multibyte += 1 }
            case .error: invalid += 1
            case .emptyInput: break loop
            }
        }
        return (multibyte, invalid)
    }

    /// Decodes UTF-8, replacing each invalid sequence by U+FFFD; returns the scalars and the count replaced.
    public static func decode(_ bytes: [UInt8], from start: Int = 0) -> (scalars: [Unicode.Scalar], invalid: Int) {
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
        return (scalars, invalid)
    }
}
