import Foundation
import Testing
import TmuxDriver

/// Search in a file read on demand (≥ 4 MiB): bytes scanned with memmem, progress, wrap-around.
@Suite("search in a large file", .serialized)
struct LargeFileSearchEndToEndTests {
    @Test("/ finds a marker at the end of a 6 MB file; n wraps around to it again")
    func searchLargeFile() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let file = tmp.path + "/big.txt"
        let line = "这是一行用于测试大文件搜索的中文文字，重复很多次。\n"
        var text = String(repeating: line, count: 90_000)
        text += "终点标记ENDMARK在这里\n"
        try text.write(toFile: file, atomically: false, encoding: .utf8)
        let s = TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu(Shell.quote(file)))
        try #require(s.waitFor(text: "这是一行用于测试") != nil)
        s.send(keys: "/")
        s.type("终点标记")
        s.send(keys: "Enter")
        let found = s.waitFor(text: "ENDMARK")
        #expect(found != nil)
        #expect(s.waitFor(text: "found at") != nil)
        s.send(keys: "n")
        #expect(s.waitFor(text: "wrapped") != nil)
        s.send(keys: "q")
        #expect(s.exitStatus() == 0)
    }
}

@Suite("incremental search in a large file", .serialized)
struct LargeFileIncrementalSearchEndToEndTests {
    @Test("in a file read on demand (under 100 MB) the match shows while typing, before Enter")
    func incremental() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let file = tmp.path + "/big.txt"
        var text = String(repeating: "这是一行用于测试大文件搜索的中文文字，重复很多次。\n", count: 90_000)
        text += "终点标记ENDMARK在这里\n"
        try text.write(toFile: file, atomically: false, encoding: .utf8)
        let s = TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu(Shell.quote(file)))
        try #require(s.waitFor(text: "这是一行用于测试") != nil)
        s.send(keys: "/")
        s.type("终点标")
        #expect(s.waitFor(text: "ENDMARK") != nil, "shown before Enter")
        s.send(keys: "Escape")
        #expect(s.waitFor { !$0.contains("ENDMARK") } != nil, "Esc goes back")
        s.send(keys: "q")
        #expect(s.exitStatus() == 0)
    }
}
