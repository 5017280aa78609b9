import Foundation
import Testing
import TmuxDriver

/// A document that changes under the reader: reported, reloadable, never a crash.
@Suite("files that change while open", .serialized)
struct FileChangeEndToEndTests {
    @Test("an edited file is reported and :reload shows the new text")
    func editedAndReloaded() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let dir = tmp.path
        let file = dir + "/doc.txt"
        _ = FileManager.default.createFile(atPath: file, contents: Data("第一版的文字。\n".utf8))
        let s = TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu(Shell.quote(file)))
        try #require(s.waitFor(text: "第一版的文字") != nil)
        try Data("第二版的文字，已经修改。\n".utf8).write(to: URL(fileURLWithPath: file))
        #expect(s.waitFor(text: "changed on disk") != nil)
        s.send(keys: ":")
        s.type("reload")
        s.send(keys: "Enter")
        #expect(s.waitFor(text: "第二版的文字，已经修改") != nil)
        s.send(keys: "q")
        #expect(s.exitStatus() == 0)
    }

    @Test("a large file truncated while open is reported and reading on does not crash")
    func truncatedLargeFile() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let dir = tmp.path
        let file = dir + "/big.txt"
        let line = "科协组织坚持以新时代中国特色社会主义思想为指导，围绕中心、服务大局。\n"
        var blob = Data()
        let chunk = Data(String(repeating: line, count: 10_000).utf8)
        while blob.count < 20 << 20 { blob.append(chunk) }
        blob.append(Data("最后一行的标记文字\n".utf8))
        _ = FileManager.default.createFile(atPath: file, contents: blob)
        let s = TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu(Shell.quote(file)))
        try #require(s.waitFor(text: "围绕中心") != nil)
        s.send(keys: "G")
        #expect(s.waitFor(text: "最后一行的标记文字") != nil)
        #expect(truncate(file, 1 << 20) == 0)
        #expect(s.waitFor(text: "changed on disk") != nil)
        s.send(keys: "g", "G", "k", "k", ":")
        s.type("goto 50%")
        s.send(keys: "Enter")
        #expect(s.waitFor(text: "F1 help") != nil)
        #expect(s.display("#{pane_dead}") == "0")
        s.send(keys: "q")
        #expect(s.exitStatus() == 0)
    }
}
