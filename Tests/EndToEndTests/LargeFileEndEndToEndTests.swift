import Foundation
import Testing
import TmuxDriver

/// The end of a large file and its percentage while the background count runs.
@Suite("the end of a large file", .serialized)
struct LargeFileEndEndToEndTests {
    /// pizhu on a file of about 48 MB (counted in the background for tens of milliseconds
    /// after the first screen), its first screen shown; the folder goes when the test ends.
    static func openLargeFile() throws -> (TemporaryDirectory, TmuxSession) {
        let tmp = try TemporaryDirectory()
        let file = tmp.path + "/big.txt"
        let paragraph = String(repeating: "这是一行用于测试大文件结尾的中文文字，重复很多次。", count: 4) + "\n"
        try (String(repeating: paragraph, count: 160_000) + "终点标记ENDMARK在这里\n").write(toFile: file, atomically: false, encoding: .utf8)
        let s = TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu(Shell.quote(file)))
        try #require(s.waitFor(text: "这是一行用于测试") != nil)
        return (tmp, s)
    }

    @Test("the percentage replaces …% by itself once the count is done, without a key")
    func percentWithoutKey() throws {
        let (tmp, s) = try Self.openLargeFile()
        defer { tmp.remove() }
        #expect(s.waitFor(text: "│ 0% │") != nil)
        s.send(keys: "q")
        #expect(s.exitStatus() == 0)
    }

    @Test("G right after opening shows the end, and 100% follows without a key")
    func goToEndWhileCounting() throws {
        let (tmp, s) = try Self.openLargeFile()
        defer { tmp.remove() }
        s.send(keys: "G")
        #expect(s.waitFor(text: "ENDMARK") != nil)
        #expect(s.waitFor(text: "│ 100% │") != nil)
        s.send(keys: "k")
        #expect(s.waitFor { !$0.contains("ENDMARK") } != nil, "k scrolls up from the real end")
        s.send(keys: "q")
        #expect(s.exitStatus() == 0)
    }
}
