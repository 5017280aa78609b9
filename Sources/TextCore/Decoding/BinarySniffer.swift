import Glibc

/// Tells a binary file from text before anything tries to show it.
enum BinarySniffer {
    /// Why `sample` looks binary, or nil if it looks like text. NUL bytes outside a UTF-16
    /// pattern, or more than 10 % C0 control bytes other than tab, newlines, form feed and
    /// escape, mean binary.
    static func reason(_ sample: [UInt8]) -> String? {
        guard !sample.isEmpty else { return nil }
        let nul = sample.withUnsafeBufferPointer { p in memchr(p.baseAddress!, 0, p.count).map { UnsafeRawPointer($0) - UnsafeRawPointer(p.baseAddress!) } }
        if let nul { return "it contains NUL bytes (first at byte \(nul))" }
        // One branch-free pass (a large file's first screen sniffs 64 KiB).
        let allowed: UInt32 = 1 << 0x09 | 1 << 0x0A | 1 << 0x0C | 1 << 0x0D | 1 << 0x1B
        let controls = sample.withUnsafeBufferPointer { p in
            p.reduce(0) { $0 &+ ($1 < 0x20 ? Int(~allowed >> UInt32($1) & 1) : 0) }
        }
        if controls * 10 > sample.count { return "\(controls * 100 / sample.count)% of its first bytes are control characters" }
        return nil
    }
}
