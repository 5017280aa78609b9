import Glibc

extension UTF8FileText {
    /// The end of the file, decoded on its own: what `G` shows before the background count
    /// has reached the end (the scalar offsets there are not known until it has).
    struct Tail {
        /// The scalars from `firstByte` to the end of the file, with offsets of their own (0 at `firstByte`).
        let text: ScalarText
        /// Where `text` starts in the file: a line start, if one is in the first half of what was read.
        let firstByte: Int
    }

    /// Decodes the last `maxBytes` bytes or so, from a line start where one is near (so the
    /// lines shown are laid out as the whole file lays them out), by the same rules as
    /// `scalars(in:)`: each byte that is not a continuation byte starts a scalar.
    func tail(maxBytes: Int) -> Tail {
        let from = max(start, byteCount - maxBytes)
        var bytes = [UInt8](repeating: 0, count: byteCount - from)
        let n = bytes.withUnsafeMutableBytes { preadFully(fd, $0.baseAddress!, $0.count, at: from) }
        bytes.removeSubrange(n...)
        let first = Self.tailStart(bytes, atFileStart: from == start)
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count - first) { buffer, written in
            _ = bytes.withUnsafeBufferPointer { Self.decodeScalars($0, from: first, atFileEnd: true, into: buffer, count: &written) }
        }
        return Tail(text: ScalarText(scalars), firstByte: from + first)
    }

    /// Index in `bytes` where the tail starts: after the first LF (or CR, or form feed) in the
    /// first half, else at the first byte that starts a scalar.
    static func tailStart(_ bytes: [UInt8], atFileStart: Bool) -> Int {
        if atFileStart { return 0 }
        let half = bytes.count / 2
        if let lf = bytes[..<half].firstIndex(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x0C }) {
            var i = lf + 1
            if bytes[lf] == 0x0D && i < bytes.count && bytes[i] == 0x0A { i += 1 }
            return i
        }
        return bytes.firstIndex { $0 & 0xC0 != 0x80 } ?? bytes.count
    }
}
