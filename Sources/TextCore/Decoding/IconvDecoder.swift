import Glibc

/// Converts bytes of a legacy encoding to scalars with glibc iconv.
///
/// The whole input is converted in one iconv stream (state carries across chunks, so a
/// double-byte character never splits), straight to UTF-32 so no second decoding pass is
/// needed. Each invalid or truncated sequence becomes U+FFFD and is counted.
public enum IconvDecoder {
    /// True if glibc iconv knows `charset`.
    public static func supports(_ charset: String) -> Bool {
        let cd = iconv_open("UTF-32LE", charset)
        if Int(bitPattern: cd) == -1 { return false }
        iconv_close(cd)
        return true
    }

    /// Decodes `bytes` (from `start`) as `charset`. `progress` is told the fraction done after each chunk.
    public static func decode(_ bytes: [UInt8], from start: Int = 0, charset: String, strict: Bool = false,
                              progress: ((Double) -> Void)? = nil) -> (scalars: [Unicode.Scalar], invalid: Int)? {
        let cd = iconv_open("UTF-32LE", charset)
        if Int(bitPattern: cd) == -1 { return nil }
        defer { iconv_close(cd) }
        let total = bytes.count - start
        var invalid = 0
        var failed = false
        let chunk = 1 << 22
        // No legacy encoding yields more scalars than bytes, so capacity for one scalar per
        // byte (plus a U+FFFD per invalid byte, which consumes that byte) always suffices.
        // The array is written in place by iconv; pages it never reaches are never touched.
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: total + 64) { buffer, count in
            let out = UnsafeMutableRawPointer(buffer.baseAddress!).assumingMemoryBound(to: UInt32.self)
            let capacity = buffer.count
            var outUsed = 0
            bytes.withUnsafeBufferPointer { input in
                guard let base = input.baseAddress else { return }
                var offset = start
                while offset < bytes.count {
                    let chunkEnd = min(bytes.count, offset + chunk)
                    var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base + offset).assumingMemoryBound(to: CChar.self)
                    var inLeft = chunkEnd - offset
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(out + outUsed).assumingMemoryBound(to: CChar.self)
                    var outLeft = (capacity - outUsed) * 4
                    let result = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    outUsed = capacity - outLeft / 4
                    let error = result == -1 ? errno : 0
                    offset = chunkEnd - inLeft
                    if error == EILSEQ || (error == EINVAL && chunkEnd == bytes.count) {
                        invalid += 1
                        if strict { failed = true; return }
                        out[outUsed] = 0xFFFD
                        outUsed += 1
                        offset += 1
                    } else if error == E2BIG {
                        failed = true
                        return
                    }
                    // EINVAL before the end: a character straddles the chunk edge; the next chunk starts with it.
                    progress?(Double(offset - start) / Double(max(1, total)))
                }
            }
            count = outUsed
        }
        if strict && invalid > 0 { return ([], invalid) }
        if failed { return nil }
        return (scalars, invalid)
    }
}
