import Foundation
import Testing
import TmuxDriver

/// Reading positions across runs, through the real binary and its SQLite store.
@Suite("resuming where you left off", .serialized)
struct ResumeEndToEndTests {
    func topLine(_ screen: String) -> String {
        screen.split(separator: "\n", omittingEmptySubsequences: false).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    }

    @Test("read to the middle, quit, reopen at another width (and after an edit above): the same passage is on top; marks persist")
    func resume() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let doc = tmp.path + "/report.txt"
        try FileManager.default.copyItem(atPath: TmuxSession.root + "/seeds/004_97efbe3f29f870fa.txt", toPath: doc)
        let env = "LANG=C.UTF-8 XDG_STATE_HOME=\(Shell.quote(tmp.path + "/state")) XDG_DATA_HOME=\(Shell.quote(tmp.path + "/data"))"
        let s = TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu(Shell.quote(doc), environment: env))
        let first = try #require(s.waitFor { $0.contains("report.txt") && $0.contains("%") })
        s.send(keys: "Space", "Space", "j", "j")
        let moved = try #require(s.waitFor { self.topLine($0) != self.topLine(first) && !self.topLine($0).isEmpty && $0.contains("%") })
        let probe = String(topLine(moved).prefix(8))
        s.send(keys: "m", "a", "q")
        #expect(s.exitStatus() == 0)

        let wide = TmuxSession(width: 120, height: 40, command: TmuxSession.pizhu(Shell.quote(doc), environment: env))
        let reopened = try #require(wide.waitFor { self.topLine($0).contains(probe) || $0.contains(probe) })
        #expect(topLine(reopened).contains(String(probe.prefix(4))) || reopened.split(separator: "\n").first?.contains(probe.prefix(4)) == true,
                "top line \(topLine(reopened)) should start with \(probe)")
        wide.send(keys: "g")
        try #require(wide.waitFor { !$0.contains(probe) || self.topLine($0) != self.topLine(reopened) } != nil)
        wide.send(keys: "'", "a")
        #expect(wide.waitFor(text: probe) != nil, "mark a brings the passage back")
        wide.send(keys: "q")
        #expect(wide.exitStatus() == 0)

        // An edit above the place: two paragraphs inserted at the top.
        let original = try String(contentsOfFile: doc, encoding: .utf8)
        try ("新增的第一段文字，用来测试位置。\n新增的第二段。\n" + original).write(toFile: doc, atomically: false, encoding: .utf8)
        let edited = TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu(Shell.quote(doc), environment: env))
        let afterEdit = try #require(edited.waitFor { $0.contains(probe) })
        #expect(topLine(afterEdit).contains(String(probe.prefix(4))), "after the edit the top line is \(topLine(afterEdit))")
        edited.send(keys: "q")
        #expect(edited.exitStatus() == 0)
    }
}
