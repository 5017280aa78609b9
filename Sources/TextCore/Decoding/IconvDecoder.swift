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
        // An uninitialised buffer that grows as needed: CJK legacy encodings use two bytes a
        // character, so half the input length in scalars is the usual need.
        var capacity = max(64, total / 2 + 64)
        var out = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
        defer { out.deallocate() }
        var outUsed = 0
        var invalid = 0
        let chunk = 1 << 22
        func grow(_ extra: Int) {
            let bigger = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity + extra)
            bigger.update(from: out, count: outUsed)
            out.deallocate()
            out = bigger
            capacity += extra
        }
        bytes.withUnsafeBufferPointer { input in
            guard let base = input.baseAddress else { return }
            var offset = start
            while offset < bytes.count {
                let chunkEnd = min(bytes.count, offset + chunk)
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base + offset).assumingMemoryBound(to: CChar.self)
                var inLeft = chunkEnd - offset
                if capacity - outUsed < inLeft + 8 { grow(max(capacity / 2, inLeft + 8)) }
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(out + outUsed).assumingMemoryBound(to: CChar.self)
                var outLeft = (capacity - outUsed) * 4
                let result = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                outUsed = capacity - outLeft / 4
                let error = result == -1 ? errno : 0
                offset = chunkEnd - inLeft
                if error == EILSEQ || (error == EINVAL && chunkEnd == bytes.count) {
                    invalid += 1
                    if strict { return }
                    if outUsed == capacity { grow(64) }
                    out[outUsed] = 0xFFFD
                    outUsed += 1
                    offset += 1
                } else if error == E2BIG {
                    grow(inLeft + 64)
                }
                // EINVAL before the end: a character straddles the chunk edge; the next chunk starts with it.
                progress?(Double(offset - start) / Double(max(1, total)))
            }
        }
        if strict && invalid > 0 { return ([], invalid) }
        // iconv wrote UTF-32 code points, each a valid scalar: copy them into the result as is.
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: outUsed) { buffer, count in
            UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: out, byteCount: outUsed * 4)
            count = outUsed
        }
        return (scalars, invalid)
    }
}
