import Glibc

/// Tells a binary file from text before anything tries to show it.
enum BinarySniffer {
    /// Why `sample` looks binary, or nil if it looks like text. NUL bytes outside a UTF-16
    /// pattern, or more than 10 % C0 control bytes other than tab, newlines, form feed and
    /// escape, mean binary.
    static func reason(_ sample: [UInt8]) -> String? {
        guard !sample.isEmpty else { return nil }
        if let container = container(sample) { return container }
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

    /// Compressed files and documents that hold text without being text, by their first bytes
    /// (nil: any byte), with the command that gets their text out (a pipe into pizhu reads it).
    private static let containers: [(magic: [UInt8?], what: String)] = [
        ([0x1F, 0x8B], "it is gzip-compressed (zcat FILE | pizhu reads it)"),
        // "BZh", a block size, then a block's magic: text can begin "BZh" too.
        ([0x42, 0x5A, 0x68, nil, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59], "it is bzip2-compressed (bzcat FILE | pizhu reads it)"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "it is xz-compressed (xzcat FILE | pizhu reads it)"),
        ([0x28, 0xB5, 0x2F, 0xFD], "it is zstd-compressed (zstdcat FILE | pizhu reads it)"),
        (Array("%PDF-".utf8), "it is a PDF (pdftotext FILE - | pizhu reads its text)"),
        ([0x50, 0x4B, 0x03, 0x04], "it is a ZIP archive, as .docx, .odt and .epub files are (extract the text first: pandoc -t plain FILE | pizhu)"),
    ]

    private static func container(_ sample: [UInt8]) -> String? {
        containers.first { entry in
            sample.count >= entry.magic.count && zip(entry.magic, sample).allSatisfy { $0 == nil || $0 == $1 }
        }?.what
    }
}
