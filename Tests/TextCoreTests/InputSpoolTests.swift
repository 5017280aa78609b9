import Foundation
import Glibc
import Testing
@testable import TextCore

/// Input that can be read once (a pipe, a FIFO) held in a memory file that opens like any file.
@Suite("InputSpool")
struct InputSpoolTests {
    /// Bytes of every value, longer than one read chunk (1 MiB), so the copy takes several reads.
    static let bytes: [UInt8] = (0..<(3 << 20) + 12_345).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }

    /// Reads a whole file by path, as the loader does.
    static func contents(of path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map(Array.init)
    }

    @Test("a FIFO is copied whole: the copy opens by path, again and again, as a regular file with the same bytes")
    func fifo() throws {
        let folder = NSTemporaryDirectory() + "spool-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fifo = folder + "/in"
        try #require(mkfifo(fifo, 0o600) == 0)
        #expect(InputSpool.isNeeded(for: fifo))
        // The writer blocks in open until the reader opens the FIFO.
        let writer = Thread {
            let fd = open(fifo, O_WRONLY)
            Self.bytes.withUnsafeBytes { var done = 0; while done < $0.count { let n = write(fd, $0.baseAddress! + done, $0.count - done); if n <= 0 { break }; done += n } }
            close(fd)
        }
        writer.start()
        var reported: [Int] = []
        let spool = try InputSpool.copy(fifo) { reported.append($0) }
        #expect(spool.name == fifo)
        #expect(!spool.fromStandardInput)
        #expect(spool.byteCount == Self.bytes.count)
        #expect(reported.last == Self.bytes.count)
        #expect(reported == reported.sorted())
        var st = stat()
        #expect(stat(spool.path, &st) == 0 && st.st_mode & S_IFMT == S_IFREG && Int(st.st_size) == Self.bytes.count)
        #expect(!InputSpool.isNeeded(for: spool.path))
        #expect(Self.contents(of: spool.path) == Self.bytes)
        #expect(Self.contents(of: spool.path) == Self.bytes, "opened a second time")
        close(Int32(spool.path.split(separator: "/").last!)!)
    }

    @Test("what splice cannot take (a regular file, as `pizhu - < FILE` gives) is copied by reading, just as whole")
    func regularFile() throws {
        let path = NSTemporaryDirectory() + "spool-\(UUID().uuidString)"
        try Data(Self.bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let spool = try InputSpool.copy(path)
        #expect(spool.byteCount == Self.bytes.count)
        #expect(Self.contents(of: spool.path) == Self.bytes)
        close(Int32(spool.path.split(separator: "/").last!)!)
    }

    @Test("regular files and folders are read in place; `-` and a missing path are told apart")
    func needed() {
        #expect(InputSpool.isNeeded(for: "-"))
        #expect(!InputSpool.isNeeded(for: "/etc/hostname"))
        #expect(!InputSpool.isNeeded(for: "/tmp"))
        #expect(!InputSpool.isNeeded(for: "/no/such/file"))
        #expect(!InputSpool.isNeeded(for: "/dev/zero"), "a device is not a stream that ends")
    }

    @Test("a device is refused, not read for ever")
    func device() {
        #expect(throws: InputSpool.SpoolError.unreadable("/dev/zero", "it is a terminal or a device, not a stream of text")) {
            try InputSpool.copy("/dev/zero")
        }
    }

    @Test("an unreadable path is an error that names it")
    func unreadable() {
        #expect(throws: InputSpool.SpoolError.unreadable("/no/such/fifo", "No such file or directory")) {
            try InputSpool.copy("/no/such/fifo")
        }
    }
}
