import CGlibcExtras
import CMappedCount
import Glibc

/// A large UTF-8 file read on demand: random access by scalar offset without decoding the
/// whole file or holding it in memory.
///
/// Reading is `pread` of 64 KiB chunks (an LRU of 1,024, so at most 64 MiB), not `mmap`: if the
/// file is truncated while mapped, touching a page past its new end raises SIGBUS, which Swift
/// cannot recover from; a short read just sets `changedOnDisk`. Only the background count
/// reads a mapping, inside C code that catches that SIGBUS and counts the chunk again from
/// `pread` (`CMappedCount`): counting a mapping is several times faster than copying it.
///
/// Offsets: every byte that is not a UTF-8 continuation byte starts a scalar; a scalar's
/// bytes run to the next such byte. A span that does not start with a valid UTF-8 sequence
/// reads as U+FFFD; stray continuation bytes after a valid character are skipped with it.
///
/// The first 64 KiB are counted on opening; the rest in the background on two threads, from
/// when the owner asks (`countInBackground`: the reader does once its first screen is drawn) or
/// an offset further on is asked for: nothing counts while the first screen is made (a thread
/// counting on the other core made every page fault of the opening wait for a TLB shootdown,
/// about 0.3 ms of a 1 GB file's first screen on a bare pty). Offsets are usable as soon as
/// their chunk is counted, and only what needs the end
/// (`count`, `G`, the percentage) waits for the whole count. The scalar count is the
/// number of non-continuation bytes (a vectorized loop in C), so stepping backwards is as easy
/// as forwards, and offsets agree with `UTF8Validator.decode` on every valid file.
public final class UTF8FileText: TextSource {
    public let path: String
    public let byteCount: Int
    /// Bytes skipped at the start (a UTF-8 byte-order mark).
    public let start: Int
    /// The number of scalars; waits for the background count to finish.
    public var count: Int {
        counter.waitUntilDone()
        return counter.total
    }
    /// Set when a read came back short: the file was truncated or rewritten since it was opened.
    public private(set) var changedOnDisk = false

    /// 64 KiB: the first screen needs one chunk, and the loader's 64 KiB sample is that chunk
    /// (`init(path:skipping:head:)`), so opening reads nothing twice. (256 KiB chunks cost a
    /// 1 GB file's first screen a second read and 64 page faults of a fresh buffer.)
    static let chunkSize = 64 << 10
    /// The count maps 4 MiB at a time: from 2 MiB on, the kernel can map the page cache's large
    /// folios whole (`pizhu-bench --only decoding`, scalar count of 1 GB from opening:
    /// 96.5 ms, against 111.6 ms with 1 MiB mappings).
    static let countChunkSize = 4 << 20
    private static let cacheLimit = 1024
    let fd: Int32
    private let identity: FileIdentity
    private let counter: ScalarCounter
    static let blockSize = 4096
    private var cache: [Int: [UInt8]] = [:]
    private var cacheOrder: [Int] = []
    private var currentIndex = -1
    private var currentBase = 0
    private var currentBytes: [UInt8] = []
    private var cursor = (scalar: 0, byte: 0)
    /// Chunks read from the file so far (the head handed over at opening is not one).
    private(set) var chunksRead = 0

    struct FileIdentity: Equatable {
        var device: UInt, inode: UInt, size: Int, mtime: Int, mtimeNanos: Int
        init(_ st: stat) {
            device = UInt(st.st_dev); inode = UInt(st.st_ino); size = Int(st.st_size)
            mtime = Int(st.st_mtim.tv_sec); mtimeNanos = Int(st.st_mtim.tv_nsec)
        }
    }

    public enum OpenError: Error { case cannotOpen(String) }

    /// The first bytes of a file as a caller read them, and the file's identity then.
    struct Head {
        var bytes: [UInt8]
        var identity: FileIdentity
    }

    /// Opens `path` and counts its first 64 KiB; the rest is counted once asked for.
    public convenience init(path: String, skipping bomLength: Int = 0) throws {
        try self.init(path: path, skipping: bomLength, head: nil)
    }

    /// `head`: the file's first bytes if the caller has read them, kept as the first chunk if
    /// they are all of it and the file is still the one they were read from.
    init(path: String, skipping bomLength: Int = 0, head given: Head?) throws {
        self.path = path
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw OpenError.cannotOpen(String(cString: strerror(errno))) }
        var st = stat()
        fstat(fd, &st)
        let opened = FileIdentity(st)
        identity = opened
        // Replaced or rewritten since the caller read its head: the head is not this file's.
        let head = given.flatMap { $0.identity == opened ? $0.bytes : nil }
        byteCount = Int(st.st_size)
        start = bomLength
        posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL)
        counter = ScalarCounter(fd: fd, byteCount: byteCount, start: bomLength,
                                chunkSize: Self.countChunkSize, blockSize: Self.blockSize, head: head)
        cursor = (0, start)
        if let head, head.count == min(Self.chunkSize, byteCount) {
            cache[0] = head
            cacheOrder.append(0)
        }
    }

    public var knownCount: Int? { counter.isDone ? counter.total : nil }

    public func uncountedEnd(maxBytes: Int) -> TextSource? { knownCount == nil ? tail(maxBytes: maxBytes).text : nil }

    /// Counts the rest of the file on two background threads (returns at once). Waiting for an
    /// offset not yet counted, or for `count`, does so too.
    public func countInBackground() { counter.startCounting() }

    public func contains(_ offset: Int) -> Bool {
        guard offset >= 0 else { return false }
        return counter.contains(offset)
    }

    /// True if the file on disk is no longer the one that was opened (size, time or inode changed).
    public func hasChangedOnDisk() -> Bool {
        if changedOnDisk { return true }
        var st = stat()
        guard stat(path, &st) == 0 else { return true }
        return FileIdentity(st) != identity
    }

    // MARK: Counting

    /// Bytes that are not UTF-8 continuation bytes (10xxxxxx).
    static func leadBytes(_ p: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = p.baseAddress else { return 0 }
        return cmc_lead_bytes(base, p.count)
    }

    /// The index in `p` of the lead byte that has `passing` lead bytes before it in `p`; if
    /// there is none, `p.count`, with `passing` lowered by the lead bytes `p` has.
    static func skipLeads(_ p: UnsafeBufferPointer<UInt8>, _ passing: inout Int) -> Int {
        guard let base = p.baseAddress else { return 0 }
        var k = UInt(passing)
        defer { passing = Int(k) }
        return cmc_skip_leads(base, p.count, &k)
    }

    // MARK: Bytes

    private func chunk(_ k: Int) -> [UInt8] {
        load(k)
        return currentBytes
    }

    /// Makes chunk k the current one.
    private func load(_ k: Int) {
        if currentIndex == k { return }
        if let bytes = cache[k] {
            currentIndex = k
            currentBase = k * Self.chunkSize
            currentBytes = bytes
            return
        }
        let from = k * Self.chunkSize
        let length = min(Self.chunkSize, byteCount - from)
        chunksRead += 1
        // Not zeroed first: pread fills it, and a short read's rest is set below.
        let bytes = [UInt8](unsafeUninitializedCapacity: max(0, length)) { buffer, count in
            let n = max(0, preadFully(fd, buffer.baseAddress!, length, at: from))
            if n < length {
                // Truncated since opening: report it, and read the missing part as NULs (placeholders, never a crash).
                changedOnDisk = true
                (buffer.baseAddress! + n).initialize(repeating: 0, count: length - n)
            }
            count = length
        }
        if cache.count >= Self.cacheLimit, let oldest = cacheOrder.first {
            cache[oldest] = nil
            cacheOrder.removeFirst()
        }
        cache[k] = bytes
        cacheOrder.append(k)
        currentIndex = k
        currentBase = k * Self.chunkSize
        currentBytes = bytes
    }

    @inline(__always) private func byte(at p: Int) -> UInt8 {
        let k = p / Self.chunkSize
        if k != currentIndex { load(k) }
        return currentBytes[p - currentBase]
    }

    @inline(__always) private func isLead(_ b: UInt8) -> Bool { b & 0xC0 != 0x80 }

    /// The byte where scalar `o` starts.
    public func byteOffset(ofScalar o: Int) -> Int {
        if !contains(o) { return byteCount }
        if o == cursor.scalar { return cursor.byte }
        if o == cursor.scalar + 1 || o == cursor.scalar - 1 || abs(o - cursor.scalar) < 64 {
            var b = cursor.byte
            var s = cursor.scalar
            while s < o { b += 1; while b < byteCount && !isLead(byte(at: b)) { b += 1 }; s += 1 }
            while s > o { b -= 1; while b > start && !isLead(byte(at: b)) { b -= 1 }; s -= 1 }
            cursor = (o, b)
            return b
        }
        // The 4 KiB block whose lead bytes include scalar o (contains(o) made sure it is counted).
        let blockStarts = counter.blockStarts
        var lo = 0, hi = counter.publishedBlocks - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if blockStarts[mid] <= o { lo = mid } else { hi = mid - 1 }
        }
        var s = blockStarts[lo]
        var b = lo == 0 ? start : lo * Self.blockSize
        // Reading line after line: the cursor is usually a little before `o`, nearer than the block start.
        if cursor.scalar <= o && cursor.scalar >= s && cursor.byte >= b { (s, b) = cursor }
        // The lead byte with o - s lead bytes before it from b, 16 bytes at a time (a byte at a
        // time, these walks were half of laying out a large file in the original view).
        var passing = o - s
        var k = b / Self.chunkSize
        while b < byteCount {
            let bytes = chunk(k)
            let from = b - k * Self.chunkSize
            let found = bytes.withUnsafeBufferPointer { Self.skipLeads(UnsafeBufferPointer(rebasing: $0[from...]), &passing) }
            b += found
            if found < bytes.count - from { break }
            k += 1
        }
        cursor = (o, b)
        return b
    }

    /// Decodes the scalar whose bytes are [from, to) of the file (they may span two chunks).
    private func decode(from: Int, to: Int) -> Unicode.Scalar {
        var head: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        let n = min(4, to - from)
        return withUnsafeMutableBytes(of: &head) { raw in
            for i in 0..<n { raw[i] = byte(at: from + i) }
            return Self.decode(UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: 4), from: 0, to: to - from)
        }
    }

    /// Decodes the scalars of `p` from index `i` into `out[n...]` until `out` is full or the
    /// buffer ends; each starts at a byte that is not a continuation byte. A scalar cut by the
    /// buffer's end is left for the next buffer unless `atFileEnd`. Returns the index where it
    /// stopped. Written to memory, not appended: a Chinese first screen decodes 16 Ki scalars
    /// (`append` checked capacity and uniqueness on each; 0.33 ms of a 1 GB file's first screen).
    static func decodeScalars(_ p: UnsafeBufferPointer<UInt8>, from i: Int, atFileEnd: Bool,
                              into out: UnsafeMutableBufferPointer<Unicode.Scalar>, count n: inout Int) -> Int {
        guard let bytes = p.baseAddress, let target = out.baseAddress else { return i }
        var i = i, k = n
        let end = p.count, limit = out.count
        while k < limit && i < end {
            let b0 = bytes[i]
            if b0 < 0x80 {
                (target + k).initialize(to: Unicode.Scalar(b0))
                k += 1; i += 1
                continue
            }
            // Most of a Chinese text: a valid three-byte sequence not followed by stray
            // continuation bytes.
            if UTF8Validator.isPlainThreeByteLead(b0) && i + 3 < end
                && bytes[i + 1] & 0xC0 == 0x80 && bytes[i + 2] & 0xC0 == 0x80 && bytes[i + 3] & 0xC0 != 0x80 {
                let value = UInt32(b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                (target + k).initialize(to: Unicode.Scalar(value).unsafelyUnwrapped)
                k += 1; i += 3
                continue
            }
            var j = i + 1
            while j < end && bytes[j] & 0xC0 == 0x80 { j += 1 }
            if j == end && !atFileEnd { break }
            (target + k).initialize(to: decode(p, from: i, to: j))
            k += 1
            i = j
        }
        n = k
        return i
    }

    /// Decodes the scalar whose bytes are p[from..<to]: the valid UTF-8 sequence at `from`
    /// (stray continuation bytes after it are skipped), else U+FFFD. Only the first
    /// `min(4, to - from)` bytes are read.
    @inline(__always) private static func decode(_ p: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Unicode.Scalar {
        let b0 = p[from]
        if b0 < 0x80 { return Unicode.Scalar(b0) }
        guard let (length, lower, upper) = UTF8Validator.sequence(lead: b0), to - from >= length else { return "\u{FFFD}" }
        var value = UInt32(b0) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for i in 1..<length {
            let b = p[from + i]
            if i == 1 ? (b < lower || b > upper) : (b & 0xC0 != 0x80) { return "\u{FFFD}" }
            value = value << 6 | UInt32(b & 0x3F)
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// The scalar offset of the scalar whose bytes include byte `p`.
    public func scalarOffset(ofByte p: Int) -> Int {
        let block = p / Self.blockSize
        counter.waitForBlock(block)
        let blockStarts = counter.blockStarts
        let from = block == 0 ? start : block * Self.blockSize
        let k = p / Self.chunkSize
        let chunkBase = k * Self.chunkSize
        let bytes = chunk(k)
        let leads = bytes.withUnsafeBufferPointer { Self.leadBytes(UnsafeBufferPointer(rebasing: $0[(from - chunkBase)...(p - chunkBase)])) }
        return blockStarts[block] + leads - 1
    }

    public func lastTerminator(before offset: Int, notBefore limit: Int) -> Int? {
        guard offset > 0, offset > limit else { return nil }
        var end = byteOffset(ofScalar: offset)   // search bytes [.., end); the end of the file if offset is past it
        let floor = limit > 0 ? byteOffset(ofScalar: limit) : start
        while end > floor {
            let k = (end - 1) / Self.chunkSize
            let chunkBase = k * Self.chunkSize
            let from = max(floor, chunkBase)
            let bytes = chunk(k)
            let found: Int? = bytes.withUnsafeBytes { raw -> Int? in
                let base = raw.baseAddress!
                var best: Int?
                var lower = from - chunkBase
                let upper = end - chunkBase
                for terminator in [0x0A, 0x0D, 0x0C] as [Int32] {
                    guard upper > lower, let hit = memrchr(base + lower, terminator, upper - lower) else { continue }
                    let i = base.distance(to: hit)
                    if best == nil || i > best! { best = i; lower = i + 1 }
                }
                return best
            }
            if let f = found { return scalarOffset(ofByte: chunkBase + f) }
            end = from
        }
        return nil
    }

    public func firstTerminator(from offset: Int, before limit: Int) -> Int? {
        guard contains(offset), offset < limit else { return nil }
        let begin = byteOffset(ofScalar: max(0, offset))
        // Most lines are short: the next 64 KiB first. Only a longer line needs the byte where
        // `limit` starts (found without moving the read cursor), which bounds the rest.
        let window = min(byteCount, begin + 65_536)
        if let b = firstTerminatorByte(in: begin..<window) {
            let o = scalarOffset(ofByte: b)
            return o < limit ? o : nil
        }
        var end = byteCount
        if limit != Int.max {
            guard contains(limit) else { return firstTerminatorByte(in: window..<byteCount).map(scalarOffset(ofByte:)) }
            let saved = cursor
            end = byteOffset(ofScalar: limit)
            cursor = saved
        }
        // A terminator is one byte, so one before the byte where `limit` starts is before `limit`.
        return firstTerminatorByte(in: window..<max(window, end)).map(scalarOffset(ofByte:))
    }

    /// The first LF, CR or form feed in the file's bytes `range`, read chunk by chunk.
    private func firstTerminatorByte(in range: Range<Int>) -> Int? {
        var begin = range.lowerBound
        while begin < range.upperBound {
            let k = begin / Self.chunkSize
            let chunkBase = k * Self.chunkSize
            let bytes = chunk(k)
            guard !bytes.isEmpty else { return nil }
            let found: Int? = bytes.withUnsafeBytes { raw -> Int? in
                let base = raw.baseAddress!
                var best: Int?
                let lower = begin - chunkBase
                var upper = min(bytes.count, range.upperBound - chunkBase)
                for terminator in [0x0A, 0x0D, 0x0C] as [Int32] {
                    guard upper > lower, let hit = memchr(base + lower, terminator, upper - lower) else { continue }
                    let i = base.distance(to: hit)
                    if best == nil || i < best! { best = i; upper = i }
                }
                return best
            }
            if let f = found { return chunkBase + f }
            begin = chunkBase + bytes.count
        }
        return nil
    }

    // MARK: TextSource

    public func scalar(at offset: Int) -> Unicode.Scalar {
        let from = byteOffset(ofScalar: offset)
        var to = from + 1
        while to < byteCount && !isLead(byte(at: to)) { to += 1 }
        return decode(from: from, to: to)
    }

    public func scalars(in range: Range<Int>) -> [Unicode.Scalar] {
        let lower = max(0, range.lowerBound)
        let upper = contains(range.upperBound - 1) ? range.upperBound : count
        let r = lower..<max(lower, upper)
        guard !r.isEmpty else { return [] }
        var from = byteOffset(ofScalar: r.lowerBound)
        let out = [Unicode.Scalar](unsafeUninitializedCapacity: r.count) { buffer, written in
            while written < buffer.count && from < byteCount {
                // The scalars that end inside from's chunk, decoded straight from its bytes.
                let k = from / Self.chunkSize
                let base = k * Self.chunkSize
                let bytes = chunk(k)
                let lastInFile = base + bytes.count >= byteCount
                from = base + bytes.withUnsafeBufferPointer {
                    Self.decodeScalars($0, from: from - base, atFileEnd: lastInFile, into: buffer, count: &written)
                }
                // A scalar that runs on into the next chunk.
                if written < buffer.count && from < byteCount && from / Self.chunkSize == k {
                    var to = from + 1
                    while to < byteCount && !isLead(byte(at: to)) { to += 1 }
                    (buffer.baseAddress! + written).initialize(to: decode(from: from, to: to))
                    written += 1
                    from = to
                }
            }
        }
        cursor = (r.upperBound, from)
        return out
    }
}

/// Counts the scalars of a UTF-8 file chunk by chunk (4 MiB for a file read on demand), its
/// first 64 KiB at once and the rest in the background, and publishes the 4 KiB-block index in file
/// order as soon as each prefix is complete.
///
/// Two background threads count the rest from when something needs an offset further on, or
/// when the owner asks (`startCounting`: the reader does once its first screen is drawn), not
/// from the opening: the first screen has both cores of a small machine to itself.
///
/// Workers write per-block counts for their own chunks (disjoint memory); the prefix sums are
/// computed under the lock (the head's on opening, before any worker starts), and readers read `blockStarts` only below `publishedBlocks`, which
/// they read under the same lock, so every value they see was written before it.
final class ScalarCounter: @unchecked Sendable {
    let blocks: Int
    let chunks: Int
    let perChunk: Int
    let blockCounts: UnsafeMutablePointer<Int>
    let blockStarts: UnsafeMutablePointer<Int>
    private let fd: Int32
    private let byteCount: Int
    private let chunkSize: Int
    private let blockSize: Int
    private let state = Locked(Progress())

    /// The first 64 KiB are counted on opening, before the rest of the first chunk: the first
    /// screen needs a few KiB (a profile of 16 Ki scalars: 48 KB of Chinese), and the loader has
    /// read these bytes already, so they are counted in memory (a 256 KiB head mapped and
    /// unmapped cost a 1 GB file's first screen some 0.15 ms); a file not in the page cache is
    /// read from disk 64 KiB at a time, not 4 MiB, before it shows.
    static let headBytes = 64 << 10

    struct Progress {
        var chunkDone: [Bool] = []
        /// Workers take the chunks in order (chunk 0 too when only its head was counted on opening).
        var nextChunk = 1
        var workers = 0
        var publishedChunks = 0
        /// Blocks of chunk 0 counted and published on opening, before chunk 0 is whole (0: none apart).
        var headBlocks = 0
        var done = false
        var total = 0

    }

    /// Blocks whose start offsets are final, as of `p`.
    private func publishedBlocks(_ p: Progress) -> Int { max(p.headBlocks, min(blocks, p.publishedChunks * perChunk)) }

    /// Takes `fd` over: it is closed when the counter goes. `head`: the file's first bytes if
    /// they have been read (counted from there if they hold the whole head).
    init(fd: Int32, byteCount: Int, start: Int, chunkSize: Int, blockSize: Int, head: [UInt8]? = nil) {
        self.fd = fd
        self.byteCount = byteCount
        self.chunkSize = chunkSize
        self.blockSize = blockSize
        blocks = (byteCount + blockSize - 1) / blockSize
        chunks = (byteCount + chunkSize - 1) / chunkSize
        perChunk = chunkSize / blockSize
        // Zeroed lazily by the kernel: a 1 GB file's index (4 MiB) costs the opening nothing.
        blockCounts = calloc(max(1, blocks), MemoryLayout<Int>.stride)!.assumingMemoryBound(to: Int.self)
        blockStarts = calloc(blocks + 1, MemoryLayout<Int>.stride)!.assumingMemoryBound(to: Int.self)
        let chunks = self.chunks
        state.withLock { $0.chunkDone = [Bool](repeating: false, count: chunks); $0.done = chunks == 0 }
        guard chunks > 0 else { return }
        // The head of the file is counted here, before returning: the first screen needs it,
        // and counting it takes less than waking the background threads would.
        var buffer: [UInt8] = []
        if byteCount > Self.headBytes && chunkSize > Self.headBytes {
            countHead(skip: start, head: head, buffer: &buffer)
        } else {
            count(chunk: 0, skip: start, buffer: &buffer)
        }
    }

    /// Background threads started so far (0 until something asks for the count).
    var workers: Int { state.withLock { $0.workers } }

    /// Makes sure two background threads are counting the chunks not yet taken (none once
    /// all are taken); returns at once.
    func startCounting() {
        let more = state.withLock { p -> Int in
            let more = p.done || p.nextChunk >= chunks ? 0 : max(0, 2 - p.workers)
            p.workers += more
            return more
        }
        for _ in 0..<more {
            // Below everything else: the reader and the terminal must not wait for the count.
            IdleThread.start { [self] in
                var buffer: [UInt8] = []
                while let k = takeChunk() { count(chunk: k, skip: 0, buffer: &buffer) }
            }
        }
    }

    /// The next chunk nobody counts yet.
    private func takeChunk() -> Int? {
        state.withLock { p in
            guard p.nextChunk < chunks else { return nil }
            defer { p.nextChunk += 1 }
            return p.nextChunk
        }
    }

    /// Counts the first `headBytes` into their blocks and publishes them; the rest of chunk 0
    /// is left to the workers.
    private func countHead(skip: Int, head: [UInt8]?, buffer: inout [UInt8]) {
        let headBlocks = Self.headBytes / blockSize
        if let head, head.count >= Self.headBytes {
            _ = head.withUnsafeBufferPointer { cmc_count_blocks($0.baseAddress!, Self.headBytes, blockSize, skip, blockCounts) }
        } else {
            count(bytes: 0..<Self.headBytes, skip: skip, into: blockCounts, buffer: &buffer)
        }
        for b in 0..<headBlocks { blockStarts[b + 1] = blockStarts[b] + blockCounts[b] }
        state.withLock { $0.headBlocks = headBlocks; $0.nextChunk = 0 }
    }

    /// Counts chunk `k` (what is left of it after the head, for chunk 0) into its blocks and publishes it.
    private func count(chunk k: Int, skip: Int, buffer: inout [UInt8]) {
        let head = k == 0 ? state.withLock { $0.headBlocks } : 0
        let from = k * chunkSize + head * blockSize
        count(bytes: from..<min(byteCount, (k + 1) * chunkSize), skip: skip, into: blockCounts + from / blockSize, buffer: &buffer)
        publish(chunk: k)
    }

    /// Counts `bytes` (starting on a block edge) into `counts`, one per block, from a
    /// read-only mapping of them (no copy); bytes that cannot be mapped or whose pages vanish
    /// (the file was truncated: SIGBUS, caught in C) are counted again from pread's copy.
    private func count(bytes: Range<Int>, skip: Int, into counts: UnsafeMutablePointer<Int>, buffer: inout [UInt8]) {
        guard cmc_count_chunk(fd, bytes.lowerBound, bytes.count, blockSize, skip, counts) != 0 else { return }
        if buffer.isEmpty { buffer = [UInt8](repeating: 0, count: chunkSize) }
        let n = buffer.withUnsafeMutableBytes { preadFully(fd, $0.baseAddress!, bytes.count, at: bytes.lowerBound) }
        counts.update(repeating: 0, count: (bytes.count + blockSize - 1) / blockSize)
        _ = buffer.withUnsafeBufferPointer { cmc_count_blocks($0.baseAddress!, n, blockSize, skip, counts) }
    }

    /// Runs once the file's text is gone and no thread counts any more (each holds the
    /// counter while it counts), so the descriptor is closed only when nobody reads it.
    deinit {
        close(fd)
        free(blockCounts)
        free(blockStarts)
    }

    private func publish(chunk k: Int) {
        state.withLock { p in
            p.chunkDone[k] = true
            while p.publishedChunks < chunks && p.chunkDone[p.publishedChunks] {
                let c = p.publishedChunks
                // The head's start offsets were published on opening and stay as they are.
                let first = c == 0 ? p.headBlocks : c * perChunk
                for b in first..<min(blocks, (c + 1) * perChunk) { blockStarts[b + 1] = blockStarts[b] + blockCounts[b] }
                p.publishedChunks += 1
            }
            if p.publishedChunks == chunks {
                p.done = true
                p.total = blockStarts[blocks]
            }
        }
    }

    var isDone: Bool { state.withLock { $0.done } }
    var total: Int { state.withLock { $0.total } }

    /// Blocks whose start offsets are final.
    var publishedBlocks: Int { state.withLock { publishedBlocks($0) } }

    func waitUntilDone() {
        wait { $0.done }
    }

    /// Waits until block `b`'s start offset is final.
    func waitForBlock(_ b: Int) {
        wait { $0.done || publishedBlocks($0) > min(b, blocks - 1) }
    }

    /// Returns when `ready` holds; meanwhile the count runs on two threads.
    private func wait(until ready: (Progress) -> Bool) {
        guard !state.withLock({ ready($0) }) else { return }
        startCounting()
        while !state.withLock({ ready($0) }) { usleep(200) }
    }

    /// Whether scalar `o` exists, waiting only as long as needed to know.
    func contains(_ o: Int) -> Bool {
        var answer = false
        wait { p in
            let published = publishedBlocks(p)
            if p.done { answer = o < p.total } else if published > 0 && o < blockStarts[published] { answer = true } else { return false }
            return true
        }
        return answer
    }
}
