import CGlibcExtras
import Glibc

/// Literal search straight over a file's bytes with glibc `memmem`, in large chunks read with
/// `pread`: how files too large to hold as scalars are searched (and the library prefiltered).
/// The pattern is UTF-8, so a hit always starts on a character boundary of a UTF-8 file.
public struct ByteSearch {
    public let path: String
    public let pattern: [UInt8]
    /// Bytes read per step.
    public static let chunkSize = 8 << 20

    public init(path: String, pattern: String) {
        self.path = path
        self.pattern = Array(pattern.utf8)
    }

    public enum Outcome: Equatable {
        case found(Int)
        case notFound
        case cancelled
    }

    /// The first hit at or after byte `from` (forward) or the last one starting before `from`
    /// (backward), within [lower, upper). `progress` gets the fraction scanned and returns
    /// false to cancel.
    public func find(from: Int, backward: Bool = false, lower: Int = 0, upper: Int? = nil,
                     progress: (Double) -> Bool = { _ in true }) -> Outcome {
        guard !pattern.isEmpty else { return .notFound }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .notFound }
        defer { close(fd) }
        var st = stat()
        fstat(fd, &st)
        let end = min(upper ?? Int(st.st_size), Int(st.st_size))
        let overlap = pattern.count - 1
        var buffer = [UInt8](repeating: 0, count: Self.chunkSize + overlap)
        let span = Double(max(1, backward ? from - lower : end - from))
        if backward {
            var chunkEnd = min(from + overlap, end)
            while chunkEnd > lower {
                let chunkStart = max(lower, chunkEnd - Self.chunkSize - overlap)
                let n = read(fd, &buffer, chunkStart, chunkEnd - chunkStart)
                if let last = hits(in: buffer, count: n).last(where: { chunkStart + $0 < from }) { return .found(chunkStart + last) }
                chunkEnd = chunkStart + overlap
                if chunkStart == lower { break }
                if !progress(Double(from - chunkStart) / span) { return .cancelled }
            }
            return .notFound
        }
        var chunkStart = max(lower, from)
        while chunkStart < end {
            let n = read(fd, &buffer, chunkStart, min(Self.chunkSize + overlap, end - chunkStart))
            if let first = firstHit(in: buffer, count: n) { return .found(chunkStart + first) }
            chunkStart += Self.chunkSize
            if !progress(Double(chunkStart - from) / span) { return .cancelled }
        }
        return .notFound
    }

    /// Number of (non-overlapping) hits in the whole file: `pizhu grep --count` on big files and the benchmark.
    public func count() -> Int {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0, !pattern.isEmpty else { return 0 }
        defer { close(fd) }
        var st = stat()
        fstat(fd, &st)
        let size = Int(st.st_size)
        let overlap = pattern.count - 1
        var buffer = [UInt8](repeating: 0, count: Self.chunkSize + overlap)
        var total = 0
        var start = 0
        var skipUntil = 0
        while start < size {
            let n = read(fd, &buffer, start, min(Self.chunkSize + overlap, size - start))
            for h in hits(in: buffer, count: n) where start + h >= skipUntil && h < Self.chunkSize {
                total += 1
                skipUntil = start + h + pattern.count
            }
            start += Self.chunkSize
        }
        return total
    }

    /// Line feeds in bytes [from, to) (line numbers of hits in files searched as bytes).
    public func newlines(from: Int, to: Int) -> Int {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0, to > from else { return 0 }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: min(Self.chunkSize, to - from))
        var total = 0
        var at = from
        while at < to {
            let n = read(fd, &buffer, at, min(buffer.count, to - at))
            guard n > 0 else { break }
            buffer.withUnsafeBytes { b in
                var p = b.baseAddress!
                let end = b.baseAddress! + n
                while p < end, let hit = memchr(p, 0x0A, end - p) {
                    total += 1
                    p = UnsafeRawPointer(hit) + 1
                }
            }
            at += n
        }
        return total
    }

    /// True if the file contains the pattern anywhere.
    public func occurs() -> Bool { if case .found = find(from: 0) { return true } else { return false } }

    private func read(_ fd: Int32, _ buffer: inout [UInt8], _ offset: Int, _ length: Int) -> Int {
        buffer.withUnsafeMutableBytes { preadFully(fd, $0.baseAddress!, length, at: offset) }
    }

    private func firstHit(in buffer: [UInt8], count n: Int) -> Int? {
        buffer.withUnsafeBytes { b in
            pattern.withUnsafeBytes { p in
                guard let hit = memmem(b.baseAddress, n, p.baseAddress, p.count) else { return nil }
                return hit - UnsafeMutableRawPointer(mutating: b.baseAddress!)
            }
        }
    }

    private func hits(in buffer: [UInt8], count n: Int) -> [Int] {
        var out: [Int] = []
        buffer.withUnsafeBytes { b in
            pattern.withUnsafeBytes { p in
                var offset = 0
                while offset < n, let hit = memmem(b.baseAddress! + offset, n - offset, p.baseAddress, p.count) {
                    let at = hit - UnsafeMutableRawPointer(mutating: b.baseAddress!)
                    out.append(at)
                    offset = at + max(1, p.count)
                }
            }
        }
        return out
    }
}
