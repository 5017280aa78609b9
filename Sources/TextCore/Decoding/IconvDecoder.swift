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
        var out = [Unicode.Scalar](repeating: "\0", count: max(16, total + 16))
        var outUsed = 0
        var invalid = 0
        let chunk = 1 << 22
        bytes.withUnsafeBufferPointer { input in
            guard let base = input.baseAddress else { return }
            var offset = start
            while offset < bytes.count {
                let chunkEnd = min(bytes.count, offset + chunk)
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base + offset).assumingMemoryBound(to: CChar.self)
                var inLeft = chunkEnd - offset
                if out.count - outUsed < inLeft + 8 { out += [Unicode.Scalar](repeating: "\0", count: inLeft + 8) }
                let result: Int = out.withUnsafeMutableBytes { ob in
                    // Unicode.Scalar is a UInt32: iconv writes UTF-32LE straight into the array.
                    var outPtr: UnsafeMutablePointer<CChar>? = (ob.baseAddress! + outUsed * 4).assumingMemoryBound(to: CChar.self)
                    var outLeft = ob.count - outUsed * 4
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    outUsed = (ob.count - outLeft) / 4
                    return r
                }
                let error = result == -1 ? errno : 0
                offset = chunkEnd - inLeft
                if error == EILSEQ || (error == EINVAL && chunkEnd == bytes.count) {
                    invalid += 1
                    if strict { return }
                    if outUsed == out.count { out.append("\0") }
                    out[outUsed] = "\u{FFFD}"
                    outUsed += 1
                    offset += 1
                } else if error == E2BIG {
                    out += [Unicode.Scalar](repeating: "\0", count: inLeft + 16)
                }
                // EINVAL before the end: a character straddles the chunk edge; the next chunk starts with it.
                progress?(Double(offset - start) / Double(max(1, total)))
            }
        }
        if strict && invalid > 0 { return ([], invalid) }
        out.removeSubrange(outUsed...)
        return (out, invalid)
    }
}
