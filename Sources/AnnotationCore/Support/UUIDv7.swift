import Glibc

/// Annotation ids: UUID version 7 (RFC 9562), a millisecond timestamp then random bits, so
/// ids are unique across writers and sort by creation time.
public enum UUIDv7 {
    public static func make() -> String {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        let millis = UInt64(ts.tv_sec) * 1000 + UInt64(ts.tv_nsec) / 1_000_000
        return make(milliseconds: millis, random: (UInt64.random(in: .min ... .max), UInt64.random(in: .min ... .max)))
    }

    static func make(milliseconds: UInt64, random: (UInt64, UInt64)) -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<6 { bytes[i] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - i))) }
        for i in 6..<16 { bytes[i] = UInt8(truncatingIfNeeded: (i < 11 ? random.0 : random.1) >> (8 * (i % 8))) }
        bytes[6] = 0x70 | (bytes[6] & 0x0F)
        bytes[8] = 0x80 | (bytes[8] & 0x3F)
        let hex = bytes.map { b -> String in
            let h = String(b, radix: 16)
            return h.count == 1 ? "0" + h : h
        }
        return hex[0..<4].joined() + "-" + hex[4..<6].joined() + "-" + hex[6..<8].joined() + "-"
            + hex[8..<10].joined() + "-" + hex[10..<16].joined()
    }

    /// True for the 8-4-4-4-12 lowercase hex form.
    public static func isWellFormed(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [8, 4, 4, 4, 12] && parts.allSatisfy { $0.allSatisfy { $0.isHexDigit && !$0.isUppercase } }
    }
}
