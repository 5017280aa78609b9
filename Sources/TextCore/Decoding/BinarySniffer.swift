/// Tells a binary file from text before anything tries to show it.
enum BinarySniffer {
    /// Why `sample` looks binary, or nil if it looks like text. NUL bytes outside a UTF-16
    /// pattern, or more than 10 % C0 control bytes other than tab, newlines, form feed and
    /// escape, mean binary.
    static func reason(_ sample: [UInt8]) -> String? {
        guard !sample.isEmpty else { return nil }
        if let nul = sample.firstIndex(of: 0) { return "it contains NUL bytes (first at byte \(nul))" }
        var controls = 0
        for b in sample where b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B { controls += 1 }
        if controls * 10 > sample.count { return "\(controls * 100 / sample.count)% of its first bytes are control characters" }
        return nil
    }
}
