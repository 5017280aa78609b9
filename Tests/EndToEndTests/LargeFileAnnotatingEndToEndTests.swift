import Foundation
import Testing
import TmuxDriver

/// Annotating a file read on demand (≥ 4 MiB): its annotations are read when first needed, or
/// once its first screen is up when it has a sidecar.
@Suite("annotating a large file", .serialized)
struct LargeFileAnnotatingEndToEndTests {
    static let line = "这是一行用于测试大文件批注的中文文字，重复很多次。\n"

    /// A 6 MB file of `line`, with `middle` in the middle of it.
    static func bigFile(in tmp: TemporaryDirectory, middle: [UInt8] = []) throws -> String {
        let half = Array(String(repeating: line, count: 45_000).utf8)
        return tmp.write("big.txt", Data(half + middle + half))
    }

    @Test("a highlight made in the reader is saved beside the file at the right offsets, and shows again on reopening")
    func highlightAndReopen() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let file = try Self.bigFile(in: tmp)
        let s = TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu(Shell.quote(file)))
        try #require(s.waitFor(text: "这是一行用于测试") != nil)
        // At the end: far past the head, where an offset read on demand that was off would show.
        s.send(keys: "G")
        try #require(s.waitFor(text: "100%") != nil)
        s.send(keys: "v", "h", "h", "h", "3")
        #expect(s.waitFor(text: "✓") != nil)
        s.send(keys: "q")
        #expect(s.exitStatus() == 0)
        let listed = Shell.run("\(Shell.quote(TmuxSession.binary)) annotations --json \(Shell.quote(file))")
        let annotations = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
        #expect(annotations.count == 1)
        let annotation = try #require(annotations.first)
        let target = try #require(annotation["target"] as? [String: Any])
        let scalars = Array(try String(contentsOfFile: file, encoding: .utf8).unicodeScalars)
        let start = try #require(target["start"] as? Int), end = try #require(target["end"] as? Int)
        #expect(start > scalars.count / 2 && end - start == 4)
        let exact = String(String.UnicodeScalarView(scalars[start..<end]))
        #expect(target["exact"] as? String == exact)

        let again = TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu(Shell.quote(file)))
        #expect(again.waitFor(text: "1 annotation read") != nil)
        again.send(keys: "A")
        #expect(again.waitFor(text: "「\(exact)」") != nil)
        again.send(keys: "q")
        #expect(again.exitStatus() == 0)
    }

    /// Opens `file`, selects two characters and highlights them: the reader must refuse with
    /// `reason`, quit cleanly, and leave no sidecar.
    static func expectRefused(_ file: String, reason: String) throws {
        let s = TmuxSession(width: 120, height: 24, command: TmuxSession.pizhu(Shell.quote(file)))
        try #require(s.waitFor(text: "这是一行用于测试") != nil)
        s.send(keys: "v", "l", "1")
        #expect(s.waitFor(text: reason) != nil)
        s.send(keys: "q")
        #expect(s.exitStatus() == 0)
        #expect(!FileManager.default.fileExists(atPath: file + ".pizhu.json"))
    }

    @Test("a file over 256 MiB is read but not annotated in the reader, which says to use pizhu annotate")
    func tooLarge() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        // A UTF-8 head, then a hole to 300 MiB (sparse: nothing is written; it reads as NULs).
        let file = tmp.write("huge.txt", Data(String(repeating: Self.line, count: 4_000).utf8))
        try #require(Shell.run("truncate -s 300M \(Shell.quote(file))").status == 0)
        try Self.expectRefused(file, reason: "files over 256 MiB cannot be annotated")
    }

    @Test("a stray byte past the head (offsets read on demand would differ from the whole file's) is refused with the reason")
    func strayByteRefused() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        try Self.expectRefused(try Self.bigFile(in: tmp, middle: Array("中".utf8) + [0x80] + Array("文\n".utf8)), reason: "invalid UTF-8")
    }
}
