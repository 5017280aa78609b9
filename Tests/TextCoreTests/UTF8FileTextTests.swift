import Foundation
import Glibc
import Testing
import CMappedCount
@testable import TextCore

/// A temporary file holding `bytes`, removed when the test ends.
final class TemporaryFile {
    let path: String
    init(_ bytes: [UInt8]) {
        path = NSTemporaryDirectory() + "pizhu-test-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).txt"
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }
    deinit { unlink(path) }
}

@Suite("large files read on demand")
struct UTF8FileTextTests {
    /// About 3 MiB of mixed text, so characters straddle the 1 MiB chunk edges.
    static let big: [UInt8] = {
        var s = ""
        var i = 0
        while s.utf8.count < 3 << 20 {
            s += "第\(i)段：科协组织坚持以新时代思想为指导 😀𠀀 Latin words here.\n"
            if i % 7 == 0 { s += "\r\n\u{0C}" }
            i += 1
        }
        return Array(s.utf8)
    }()

    @Test("every scalar, every line terminator and random access agree with decoding in memory")
    func agreesWithMemory() throws {
        let file = TemporaryFile(Self.big)
        let text = try UTF8FileText(path: file.path)
        let memory = ScalarText(UTF8Validator.decode(Self.big).scalars)
        #expect(text.count == memory.count)
        #expect(text.scalars(in: 0..<text.count) == memory.storage)
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let o = Int.random(in: 0..<memory.count, using: &rng)
            #expect(text.scalar(at: o) == memory.scalar(at: o))
            #expect(text.lastTerminator(before: o) == memory.lastTerminator(before: o))
            #expect(text.firstTerminator(from: o) == memory.firstTerminator(from: o))
            let limit = o + Int.random(in: 0..<(3 << 20), using: &rng)
            #expect(text.firstTerminator(from: o, before: limit) == memory.firstTerminator(from: o, before: limit))
            let r = o..<min(memory.count, o + Int.random(in: 0..<5000, using: &rng))
            #expect(text.scalars(in: r) == memory.scalars(in: r))
            // In place or decoded first, clamped alike (the range may run past the end).
            let past = o..<(o + Int.random(in: 0..<5000, using: &rng))
            #expect(memory.withScalars(in: past, Array.init) == text.withScalars(in: past, Array.init))
            #expect(memory.withScalars(in: past, Array.init) == memory.scalars(in: past))
        }
    }

    @Test("lead bytes are counted exactly at every length and alignment (the SIMD loop and its tail)")
    func leadBytes() {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<20_000).map { _ in UInt8.random(in: 0...255, using: &rng) }
        for _ in 0..<200 {
            let from = Int.random(in: 0..<64, using: &rng)
            let to = from + Int.random(in: 0..<(bytes.count - from), using: &rng)
            let expected = bytes[from..<to].filter { $0 & 0xC0 != 0x80 }.count
            let counted = bytes.withUnsafeBufferPointer { UTF8FileText.leadBytes(UnsafeBufferPointer(rebasing: $0[from..<to])) }
            #expect(counted == expected)
        }
        // Skipping lead bytes (how a scalar's byte is found) agrees with a byte-at-a-time walk.
        for _ in 0..<300 {
            let from = Int.random(in: 0..<64, using: &rng)
            let slice = bytes[from..<(from + Int.random(in: 0..<300, using: &rng))]
            let leads = slice.indices.filter { slice[$0] & 0xC0 != 0x80 }
            var passing = Int.random(in: 0...(leads.count + 3), using: &rng)
            let asked = passing
            let found = bytes.withUnsafeBufferPointer { UTF8FileText.skipLeads(UnsafeBufferPointer(rebasing: $0[slice.indices]), &passing) }
            if asked < leads.count {
                #expect(found == leads[asked] - from && passing == asked)
            } else {
                #expect(found == slice.count && passing == asked - leads.count)
            }
        }
        // All continuation bytes for more than 255 rounds of 16: the per-lane counters must not wrap.
        let continuation = [UInt8](repeating: 0x80, count: 16 * 600 + 7)
        #expect(continuation.withUnsafeBufferPointer { UTF8FileText.leadBytes($0) } == 0)
    }

    @Test("scalars across chunk boundaries, valid or not, read the same in bulk as one by one")
    func chunkBoundaries() throws {
        let chunk = UTF8FileText.chunkSize
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: chunk - 2) + Array("😀".utf8)        // a 4-byte scalar across
        bytes += [UInt8](repeating: UInt8(ascii: "b"), count: 2 * chunk - 1 - bytes.count) + [0xE4]    // a cut sequence…
        bytes += [0xB8, 0x80, 0x80] + Array("丁\n".utf8)                                                 // …and stray continuations
        bytes += [UInt8](repeating: UInt8(ascii: "c"), count: 3 * chunk - 1 - bytes.count) + [0xF0, 0x9F]  // cut at the end of the file
        let file = TemporaryFile(bytes)
        let text = try UTF8FileText(path: file.path)
        let oneByOne = (0..<text.count).map { text.scalar(at: $0) }
        #expect(text.scalars(in: 0..<text.count) == oneByOne)
        for byte in [chunk, 2 * chunk, 3 * chunk - 2] {
            let from = text.scalarOffset(ofByte: byte) - 3
            #expect(text.scalars(in: from..<min(text.count, from + 9)) == Array(oneByOne[from..<min(text.count, from + 9)]))
        }
        #expect(oneByOne.contains("😀") && oneByOne.contains("丁") && oneByOne.last == "\u{FFFD}")
        let valid = Array(bytes.prefix(chunk + 10))
        let validFile = TemporaryFile(valid)
        let validText = try UTF8FileText(path: validFile.path)
        #expect(validText.scalars(in: 0..<validText.count) == UTF8Validator.decode(valid).scalars)
    }

    @Test("the loader's 64 KiB sample is the first chunk: a large file's first screen reads nothing twice")
    func sampleIsFirstChunk() throws {
        var bytes = Self.big
        while bytes.count < DocumentLoader.largeFileBytes { bytes += Self.big }
        let file = TemporaryFile(bytes)
        let text = try #require(try DocumentLoader.load(path: file.path).text as? UTF8FileText)
        let firstChunk = UTF8FileText.chunkSize
        // The scalars wholly inside the first chunk (a character may be cut at its end).
        let head = Array(UTF8Validator.decode(Array(bytes.prefix(firstChunk))).scalars.dropLast(2))
        let same = text.scalars(in: 0..<head.count) == head
        #expect(same)
        #expect(text.chunksRead == 0)
        // A head of another size is not taken for the first chunk.
        let identity = try Self.identity(file.path)
        let other = try UTF8FileText(path: file.path, head: .init(bytes: Array(bytes.prefix(100)), identity: identity))
        #expect(other.scalars(in: 0..<10) == Array(head.prefix(10)))
        #expect(other.chunksRead == 1)
    }

    @Test("a head read before the file was rewritten is not taken for it")
    func staleHead() throws {
        var bytes = Self.big
        while bytes.count < DocumentLoader.largeFileBytes { bytes += Self.big }
        let file = TemporaryFile(bytes)
        let before = try Self.identity(file.path)
        let oldHead = Array(bytes.prefix(UTF8FileText.chunkSize))
        // Rewritten in place between the loader's read and the opening: other text, other size.
        let rewritten = Array("改写以后的文件\n".utf8) + bytes
        #expect(FileManager.default.createFile(atPath: file.path, contents: Data(rewritten)))
        let text = try UTF8FileText(path: file.path, head: .init(bytes: oldHead, identity: before))
        #expect(text.scalars(in: 0..<7) == Array("改写以后的文件".unicodeScalars))
        #expect(text.chunksRead == 1)
    }

    /// The file's identity as the loader takes it.
    static func identity(_ path: String) throws -> UTF8FileText.FileIdentity {
        var st = stat()
        try #require(stat(path, &st) == 0)
        return UTF8FileText.FileIdentity(st)
    }

    @Test("a BOM is skipped and not counted")
    func bom() throws {
        let file = TemporaryFile([0xEF, 0xBB, 0xBF] + Array("甲乙\n丙".utf8))
        let text = try UTF8FileText(path: file.path, skipping: 3)
        #expect(text.count == 4)
        #expect(text.scalars(in: 0..<4) == Array("甲乙\n丙".unicodeScalars))
    }

    @Test("invalid bytes read as U+FFFD and never shift later offsets")
    func invalid() throws {
        let bytes = Array("甲".utf8) + [0xFF] + Array("乙".utf8) + [0xE4, 0xB8] + Array("丙".utf8) + [0x80, 0x80] + Array("丁".utf8)
        let file = TemporaryFile(bytes)
        let text = try UTF8FileText(path: file.path)
        let all = text.scalars(in: 0..<text.count)
        #expect(all.first == "甲")
        #expect(all.contains("乙") && all.contains("丙") && all.last == "丁")
        #expect(all.contains("\u{FFFD}"))
        #expect(text.scalar(at: text.count - 1) == "丁")
    }

    @Test("a file truncated while open is reported, never a crash")
    func truncated() throws {
        let file = TemporaryFile(Self.big)
        let text = try UTF8FileText(path: file.path)
        #expect(!text.hasChangedOnDisk())
        #expect(truncate(file.path, off_t(Self.big.count / 3)) == 0)
        #expect(text.hasChangedOnDisk())
        _ = text.scalars(in: (text.count - 1000)..<text.count)
        _ = text.lastTerminator(before: text.count - 1)
        #expect(text.changedOnDisk)
    }

    @Test("the loader reads large UTF-8 files on demand and small ones whole")
    func loader() throws {
        var large = Self.big
        while large.count < DocumentLoader.largeFileBytes { large += Self.big }
        let file = TemporaryFile(large)
        let loaded = try DocumentLoader.load(path: file.path)
        #expect(loaded.text is UTF8FileText)
        #expect(loaded.encoding.name == "UTF-8")
        let small = TemporaryFile(Array(Self.big.prefix(4096)))
        #expect(try DocumentLoader.load(path: small.path).text is ScalarText)
    }

    @Test("asked to, a file decoded whole from 256 KiB on is hashed while it is decoded, to the same digest; a smaller one, or one not asked for, is hashed when needed")
    func hashedWhileDecoded() throws {
        let medium = Array(Self.big.prefix(DocumentLoader.concurrentHashBytes + 12_345))
        let file = TemporaryFile(medium)
        let loaded = try DocumentLoader.load(path: file.path, hashing: true)
        #expect(loaded.text is ScalarText)
        #expect(loaded.sha256?() == SHA256.hex(medium))
        // Decoded as an override says (by iconv): hashed alongside too.
        #expect(try DocumentLoader.load(path: file.path, encoding: "GB18030", hashing: true).sha256?() == SHA256.hex(medium))
        #expect(try DocumentLoader.load(path: file.path).sha256 == nil)
        let small = TemporaryFile(Array(Self.big.prefix(4096)))
        #expect(try DocumentLoader.load(path: small.path, hashing: true).sha256 == nil)
    }

    @Test("an encoding remembered for a file is asked once and only without an override: a small file's after its bytes are read, a large UTF-8 file's after it is opened")
    func rememberedEncoding() throws {
        var large = Self.big
        while large.count < DocumentLoader.largeFileBytes { large += Self.big }
        let file = TemporaryFile(large)
        nonisolated(unsafe) var asked = 0
        let remembered = { () -> String? in asked += 1; return "GB18030" }
        let opened = try DocumentLoader.load(path: file.path, remembered: remembered)
        #expect(opened.text is UTF8FileText && asked == 0, "a large UTF-8 file opens before the store is asked")
        let big = try #require(try opened.rememberedInstead?())
        #expect(asked == 1)
        #expect(!(big.text is UTF8FileText), "a large file remembered as GB18030 is decoded whole as GB18030")
        #expect(big.encoding.name == "GB18030")
        let asUTF8 = try DocumentLoader.load(path: file.path, remembered: { asked += 1; return "utf8" })
        #expect(try asUTF8.rememberedInstead?() == nil && asked == 2, "remembered as UTF-8: kept as opened")
        #expect(try DocumentLoader.load(path: file.path, encoding: "UTF-8", remembered: remembered).rememberedInstead == nil,
                "an override is not second-guessed")
        // Invalid bytes up front: not UTF-8 by its look, but read on demand as remembered.
        let invalid = TemporaryFile([0x41, 0x80, 0xC3, 0x41] + large)
        let kept = try DocumentLoader.load(path: invalid.path, remembered: { asked += 1; return "UTF-8" })
        #expect(kept.text is UTF8FileText && asked == 3 && kept.rememberedInstead == nil)
        // A small file in valid UTF-8: decoded at once, the remembered encoding asked afterwards.
        let small = TemporaryFile(Array(Self.big.prefix(4096)))
        let smallOpened = try DocumentLoader.load(path: small.path, remembered: remembered)
        #expect(smallOpened.encoding.name == "UTF-8" && asked == 3)
        #expect(try smallOpened.rememberedInstead?()?.encoding.name == "GB18030" && asked == 4)
        let told = try DocumentLoader.load(path: small.path, encoding: "UTF-8", remembered: remembered)
        #expect(told.encoding.name == "UTF-8" && asked == 4 && told.rememberedInstead == nil, "an override is not second-guessed")
        #expect(try DocumentLoader.load(path: small.path, remembered: { nil }).rememberedInstead?() == nil)
        // A small file only statistics could place: the remembered encoding is asked first, and
        // spares the detection.
        let gb = TemporaryFile(iconvConvert(Array("科学技术协会作为全省广大科技工作者的群众组织。".utf8), from: "UTF-8", to: "GB18030"))
        let smallGB = try DocumentLoader.load(path: gb.path, remembered: remembered)
        #expect(smallGB.encoding.name == "GB18030" && smallGB.encoding.method == .override && asked == 5 && smallGB.rememberedInstead == nil)
    }

    @Test("layout of the last screen of a large file works through the on-demand text")
    func layoutAtEnd() throws {
        let file = TemporaryFile(Self.big)
        let text = try UTF8FileText(path: file.path)
        let views = DocumentViews(text: text)
        let layout = DocumentLayout(structure: views.structure(.original), settings: LayoutSettings(measure: 60), width: 60)
        let rows = layout.rows(from: layout.lastPageTop(height: 30), count: 30)
        #expect(rows.last?.1.range.upperBound == text.count)
        #expect(rows.contains { $0.1.text.contains("here.") })
    }
}

@Suite("counting a large file in the background")
struct BackgroundCountTests {
    @Test("offsets near the start are usable at once; count and contains agree with memory once counted")
    func counting() throws {
        var bytes = UTF8FileTextTests.big
        while bytes.count < 12 << 20 { bytes += UTF8FileTextTests.big }
        let file = TemporaryFile(bytes)
        let text = try UTF8FileText(path: file.path)
        #expect(text.contains(0))
        #expect(text.scalars(in: 0..<10) == Array(UTF8FileTextTests.big.prefix(200).split(separator: 0).first.map { String(decoding: $0, as: UTF8.self) }!.unicodeScalars.prefix(10)))
        let expected = UTF8Validator.decode(bytes).scalars.count
        #expect(text.count == expected)
        #expect(text.knownCount == expected)
        #expect(text.contains(expected - 1))
        #expect(!text.contains(expected))
        #expect(!text.contains(-1))
        #expect(text.scalar(at: expected - 1) == "\n")
    }

    @Test("the first 64 KiB are counted before opening returns (from the bytes the loader read, if given) and nothing behind them until asked: the first screen neither waits for a thread nor shares the machine with one",
          arguments: [false, true])
    func headAtOnce(headGiven: Bool) throws {
        var bytes = UTF8FileTextTests.big
        while bytes.count < 4 << 20 { bytes += UTF8FileTextTests.big }
        let file = TemporaryFile(bytes)
        let head = headGiven ? Array(bytes.prefix(64 << 10)) : nil
        let counter = ScalarCounter(fd: open(file.path, O_RDONLY), byteCount: bytes.count, start: 3, chunkSize: 1 << 20, blockSize: 4096, head: head)
        #expect(counter.publishedBlocks == 16, "only the head, nothing counted behind it")
        #expect(counter.blockStarts[16] == bytes[3..<(64 << 10)].filter { $0 & 0xC0 != 0x80 }.count)
        #expect(counter.contains(1000) && !counter.isDone)
        #expect(counter.workers == 0, "an offset in the head starts no thread")
        #expect(counter.contains(3 << 20))
        #expect(counter.workers == 2, "an offset behind the head starts two")
        counter.waitUntilDone()
        #expect(counter.total == bytes[3...].filter { $0 & 0xC0 != 0x80 }.count, "the rest of the first chunk counted once, without the skipped bytes")
        for b in stride(from: 0, to: counter.blocks, by: 37) {
            #expect(counter.blockStarts[b] == bytes[3..<max(3, b * 4096)].filter { $0 & 0xC0 != 0x80 }.count)
        }
    }

    /// Under the thread sanitizer (`.ci/sanitize thread`) this is the test that caught the
    /// block index being handed over under a lock the sanitizer could not see.
    @Test("threads asking while the count runs are told the truth (under TSan: the block index is handed over under a lock it sees)")
    func askedWhileCounting() throws {
        var bytes = UTF8FileTextTests.big
        while bytes.count < 4 << 20 { bytes += UTF8FileTextTests.big }
        let file = TemporaryFile(bytes)
        let expected = UTF8Validator.decode(bytes).scalars.count
        for _ in 0..<24 {
            // Small chunks: many hand-overs of the block index while the askers run.
            let counter = ScalarCounter(fd: open(file.path, O_RDONLY), byteCount: bytes.count, start: 0, chunkSize: 64 << 10, blockSize: 4096)
            let group = DispatchGroup()
            let wrong = Locked(0)
            for asker in 0..<3 {
                DispatchQueue.global().async(group: group) {
                    for o in stride(from: asker * 997, to: expected, by: 20_011) where !counter.contains(o) {
                        wrong.withLock { $0 += 1 }
                    }
                    if counter.contains(expected) { wrong.withLock { $0 += 1 } }
                }
            }
            group.wait()
            #expect(wrong.withLock { $0 } == 0)
            counter.waitUntilDone()
            #expect(counter.total == expected)
        }
    }

    @Test("a file read on demand closes its descriptor once it is released and counted")
    func closesItsFile() throws {
        var bytes = UTF8FileTextTests.big
        while bytes.count < 9 << 20 { bytes += UTF8FileTextTests.big }
        let file = TemporaryFile(bytes)
        /// Descriptors of this process open on the test's own file (other tests run alongside).
        func descriptorsOnFile() -> Int {
            ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).filter {
                (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + $0)) == file.path
            }.count
        }
        for _ in 0..<20 {
            let text = try UTF8FileText(path: file.path)
            _ = text.scalars(in: 0..<10)
            text.countInBackground()   // released while its count may still run
        }
        let deadline = Date().addingTimeInterval(10)
        while descriptorsOnFile() > 0 && Date() < deadline { usleep(10_000) }
        #expect(descriptorsOnFile() == 0)
    }

    @Test("line ends past the first 64 KiB: the bounded search agrees with memory for limits before, at and after them")
    func longLineTerminators() throws {
        // Lines of 30 k to 120 k characters (90–360 KB), CRLF and form feeds between them.
        var s = ""
        for (i, n) in [30_000, 120_000, 5, 70_000, 1].enumerated() {
            s += String(repeating: i % 2 == 0 ? "科" : "a", count: n) + (i % 2 == 0 ? "\r\n" : "\u{0C}")
        }
        let bytes = Array(s.utf8)
        let file = TemporaryFile(bytes)
        let text = try UTF8FileText(path: file.path)
        let memory = ScalarText(UTF8Validator.decode(bytes).scalars)
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let o = Int.random(in: 0..<memory.count, using: &rng)
            let limit = [Int.max, o + 1, o + Int.random(in: 1...200_000, using: &rng), memory.count + 5].randomElement(using: &rng)!
            #expect(text.firstTerminator(from: o, before: limit) == memory.firstTerminator(from: o, before: limit), "\(o) \(limit)")
            // The search leaves the read cursor where it was: reading on from o is unchanged.
            #expect(text.scalar(at: o) == memory.scalar(at: o))
        }
    }

    @Test("the end of a file decoded on its own (G before the count) has the scalars the whole file has there, from a line start")
    func tail() throws {
        let junk: [UInt8] = [0xFF, 0x80, 0xE4, 0xB8, 0x0A, 0xC0, 0xAF, 0xF0, 0x9F]
        let oneLine = Array(String(repeating: "科协组织😀a", count: 20_000).utf8)
        for bytes in [UTF8FileTextTests.big, UTF8FileTextTests.big + junk, oneLine] {
            let file = TemporaryFile(bytes)
            let text = try UTF8FileText(path: file.path)
            for maxBytes in [1001, 4096, 65_536, 1 << 20, bytes.count + 10] {
                let tail = text.tail(maxBytes: maxBytes)
                let first = tail.firstByte == bytes.count ? text.count : text.scalarOffset(ofByte: tail.firstByte)
                #expect(tail.text.storage == text.scalars(in: first..<text.count))
                #expect(tail.firstByte >= bytes.count - maxBytes)
                #expect(tail.firstByte == 0 || bytes[tail.firstByte] & 0xC0 != 0x80, "starts a scalar")
                if bytes != oneLine && maxBytes <= bytes.count {
                    let before = bytes[tail.firstByte - 1]
                    #expect([0x0A, 0x0D, 0x0C].contains(before), "starts a line")
                    #expect(!(before == 0x0D && bytes[tail.firstByte] == 0x0A), "never between the CR and LF of a CRLF")
                }
            }
        }
    }

    @Test("an empty file and a file of only a BOM have no scalars")
    func empty() throws {
        for bytes in [[], [0xEF, 0xBB, 0xBF]] as [[UInt8]] {
            let file = TemporaryFile(bytes)
            let text = try UTF8FileText(path: file.path, skipping: bytes.count)
            #expect(text.count == 0)
            #expect(text.isEmpty)
            #expect(text.scalars(in: 0..<10).isEmpty)
        }
    }
}

@Suite("counting a mapped file")
struct MappedCountTests {
    @Test("a mapping whose file is truncated under it reports -1 instead of crashing (SIGBUS caught), and counts correctly otherwise")
    func truncatedUnderTheMapping() throws {
        let bytes = Array(String(repeating: "科协组织 Latin 😀\n", count: 20_000).utf8)
        let file = TemporaryFile(bytes)
        let fd = open(file.path, O_RDONLY)
        defer { close(fd) }
        var counts = [Int](repeating: -7, count: (bytes.count + 4095) / 4096)
        #expect(cmc_count_chunk(fd, 0, bytes.count, 4096, 3, &counts) == 0)
        let expected = stride(from: 0, to: bytes.count, by: 4096).map { from in
            bytes[max(from, 3)..<min(bytes.count, from + 4096)].filter { $0 & 0xC0 != 0x80 }.count
        }
        #expect(counts == expected)
        #expect(truncate(file.path, 100) == 0)
        // Mapping the old length still works; reading past the new end raises SIGBUS.
        #expect(cmc_count_chunk(fd, 0, bytes.count, 4096, 0, &counts) == -1)
        // The guard is per call: the thread goes on reading memory normally.
        #expect(bytes.withUnsafeBufferPointer { cmc_lead_bytes($0.baseAddress!, 16) } == bytes.prefix(16).filter { $0 & 0xC0 != 0x80 }.count)
    }

    @Test("a file truncated while it is being counted: the count finishes, no crash")
    func truncatedWhileCounting() throws {
        let bytes = Array(String(repeating: "科协组织坚持以新时代思想为指导。\n", count: 400_000).utf8)
        let file = TemporaryFile(bytes)
        let text = try UTF8FileText(path: file.path)
        #expect(truncate(file.path, off_t(bytes.count / 7)) == 0)
        _ = text.count
        #expect(text.hasChangedOnDisk())
    }
}
