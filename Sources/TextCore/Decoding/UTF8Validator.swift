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
            // Most of a Chinese text; the two continuation bytes checked as one load.
            if isPlainThreeByteLead(b) && i + 3 <= n
                && UnsafeRawPointer(bytes.baseAddress! + i + 1).loadUnaligned(as: UInt16.self) & 0xC0C0 == 0x8080 {
                i += 3
                continue
            }
            guard let (length, lower, upper) = sequence(lead: b) else { return false }
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

    /// E1–EC and EE–EF, the lead bytes of nearly all of a Chinese text (ideographs, CJK and
    /// full-width punctuation): their three-byte sequences need only two continuation bytes,
    /// with no overlong form or surrogate to rule out.
    @inline(__always) static func isPlainThreeByteLead(_ b: UInt8) -> Bool { b >= 0xE1 && b <= 0xEF && b != 0xED }

    /// For a byte that can start a multibyte sequence: the sequence's length and the range its
    /// second byte must be in (narrower than 80–BF after E0, ED, F0 and F4: no overlongs, no
    /// surrogates, nothing above U+10FFFF); nil for any other byte.
    @inline(__always) static func sequence(lead b: UInt8) -> (length: Int, lower: UInt8, upper: UInt8)? {
        switch b {
        case 0xC2...0xDF: return (2, 0x80, 0xBF)
        case 0xE0: return (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: return (3, 0x80, 0xBF)
        case 0xED: return (3, 0x80, 0x9F)
        case 0xF0: return (4, 0x90, 0xBF)
        case 0xF1...0xF3: return (4, 0x80, 0xBF)
        case 0xF4: return (4, 0x80, 0x8F)
        default: return nil
        }
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
    ///
    /// An invalid sequence is a maximal subpart (Unicode's recommended practice, as the standard
    /// library's `Unicode.UTF8` parser does it): a lead byte and the continuation bytes that
    /// could still have completed it, or a single byte that starts nothing. Decoded straight
    /// from the bytes (ASCII eight at a time): the standard library's parser took 15 ms of a
    /// 4 MB file's first screen.
    public static func decode(_ bytes: [UInt8], from start: Int = 0) -> (scalars: [Unicode.Scalar], invalid: Int) {
        var invalid = 0
        let capacity = max(0, bytes.count - start)
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: capacity) { out, count in
            // Every value written is a valid scalar: ASCII, a well-formed sequence, or U+FFFD.
            let dst = UnsafeMutableRawPointer(out.baseAddress!).assumingMemoryBound(to: UInt32.self)
            // The counters live inside the loop's own closure, so that they stay in registers.
            let (written, replaced) = bytes.withUnsafeBufferPointer { buffer -> (Int, Int) in
                let p = buffer.baseAddress!
                let n = buffer.count
                var o = 0
                var invalid = 0
                var i = start
                while i < n {
                    if i + 8 <= n && UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                        for k in 0..<8 { dst[o + k] = UInt32(p[i + k]) }
                        o += 8; i += 8
                        continue
                    }
                    let b = p[i]
                    if b < 0x80 { dst[o] = UInt32(b); o += 1; i += 1; continue }
                    // The common case first: a well-formed three-byte sequence (all of CJK).
                    if isPlainThreeByteLead(b) && i + 2 < n && p[i + 1] & 0xC0 == 0x80 && p[i + 2] & 0xC0 == 0x80 {
                        dst[o] = (UInt32(b) & 0x0F) << 12 | (UInt32(p[i + 1]) & 0x3F) << 6 | (UInt32(p[i + 2]) & 0x3F)
                        o += 1; i += 3
                        continue
                    }
                    guard let (length, lower, upper) = sequence(lead: b) else {
                        dst[o] = 0xFFFD; o += 1; invalid += 1; i += 1
                        continue
                    }
                    // The longest prefix that could still have been a sequence goes as one U+FFFD.
                    var good = 1
                    if i + 1 < n && p[i + 1] >= lower && p[i + 1] <= upper {
                        good = 2
                        while good < length && i + good < n && p[i + good] & 0xC0 == 0x80 { good += 1 }
                    }
                    if good < length {
                        dst[o] = 0xFFFD; o += 1; invalid += 1; i += good
                        continue
                    }
                    var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for k in 1..<length { value = value << 6 | UInt32(p[i + k] & 0x3F) }
                    dst[o] = value; o += 1
                    i += length
                }
                return (o, invalid)
            }
            count = written
            invalid = replaced
        }
        return (scalars, invalid)
    }
}
