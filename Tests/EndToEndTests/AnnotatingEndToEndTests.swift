import Foundation
import Testing
import TmuxDriver

/// Annotating by keyboard in the real binary: select a sentence, tag it in Chinese, write a
/// Chinese note, quit, check the sidecar, reopen and see the highlight, delete and undo.
@Suite("annotating by keyboard in tmux", .serialized)
struct AnnotatingEndToEndTests {
    static let sentence = "中国科协党组书记怀进鹏主持会议。"

    func liveAnnotations(_ sidecar: String) throws -> [[String: Any]] {
        let data = try #require(FileManager.default.contents(atPath: sidecar))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (json["annotations"] as? [[String: Any]] ?? []).filter { $0["deleted"] as? Bool == false }
    }

    @Test("search a phrase, select its sentence, tag it, note it, export, quit; the sidecar holds exactly that; reopen shows it; delete and undo")
    func tagAndNote() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let doc = try tmp.copySeed("003_49d197ff665d3f42.txt", as: "report.txt")
        let environment = "LANG=C.UTF-8 PIZHU_AUTHOR=e2e XDG_DATA_HOME=\(Shell.quote(tmp.path + "/data"))"
        let s = TmuxSession(width: 100, height: 30, command: TmuxSession.pizhu(Shell.quote(doc), environment: environment))
        try #require(s.waitFor(text: "中国科协党组传达学习") != nil)
        // Search for a phrase, then select the sentence it is in.
        s.send(keys: "/")
        s.type("怀进鹏主持")
        s.send(keys: "Enter")
        try #require(s.waitFor(text: "match 1/") != nil)
        s.send(keys: "s")
        try #require(s.waitFor(text: "选择 sentence selected") != nil)
        s.send(keys: "t")
        s.type("会议/党组 怀进鹏")
        s.send(keys: "Enter")
        try #require(s.waitFor(text: "✓ 批注 added") != nil)
        s.send(keys: "c")
        s.type("主持人：怀进鹏")
        s.send(keys: "Enter")
        s.type("第二行")
        s.send(keys: "C-s")
        try #require(s.waitFor(text: "✓ 批注 edited") != nil)
        // Export what was just tagged, from the reader.
        s.send(keys: ":")
        s.type("export md --tag 会议 -o \(tmp.path)/review.md")
        s.send(keys: "Enter")
        try #require(s.waitFor(text: "✓ exported to") != nil)
        let review = try String(contentsOfFile: tmp.path + "/review.md", encoding: .utf8)
        #expect(review.contains("#会议/党组") && review.contains("**中国科协党组书记怀进鹏主持会议。**") && review.contains("主持人：怀进鹏"))
        s.send(keys: "q")
        #expect(s.exitStatus() == 0)

        var annotations = try liveAnnotations(doc + ".pizhu.json")
        #expect(annotations.count == 1)
        let target = annotations.first?["target"] as? [String: Any]
        #expect(target?["exact"] as? String == Self.sentence)
        #expect(annotations.first?["tags"] as? [String] == ["会议/党组", "怀进鹏"])
        #expect(annotations.first?["note"] as? String == "主持人：怀进鹏\n第二行")
        #expect(annotations.first?["creator"] as? String == "e2e")

        // Reopened: the passage is drawn underlined (SGR 4) and the status line shows its tags.
        let again = TmuxSession(width: 100, height: 30, command: TmuxSession.pizhu(Shell.quote(doc), environment: environment))
        try #require(again.waitFor(text: "中国科协党组传达学习") != nil)
        let styled = again.capture(escapes: true)
        let line = styled.split(separator: "\n").first { $0.contains("怀进鹏主持") } ?? ""
        #expect(line.contains("\u{1B}[4m") || line.contains(";4m") || line.contains("[4;"), "no underline in: \(line.debugDescription)")
        again.send(keys: "}", ")")
        #expect(again.waitFor(text: "#会议/党组") != nil)
        again.send(keys: "D")
        try #require(again.waitFor(text: "✓ Deleted") != nil)
        annotations = try liveAnnotations(doc + ".pizhu.json")
        #expect(annotations.isEmpty)
        again.send(keys: "u")
        try #require(again.waitFor(text: "✓ Undone") != nil)
        annotations = try liveAnnotations(doc + ".pizhu.json")
        #expect(annotations.count == 1 && (annotations.first?["note"] as? String)?.hasPrefix("主持人") == true)
        again.send(keys: "q")
        #expect(again.exitStatus() == 0)
    }
}

@Suite("a dropped connection while typing a note", .serialized)
struct NoteOnHangupEndToEndTests {
    @Test("SIGHUP while a note is being typed saves the note, restores the terminal, exits 129", arguments: ["HUP", "TERM"])
    func hangup(signal: String) throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let doc = try tmp.copySeed("003_49d197ff665d3f42.txt", as: "doc.txt")
        let s = TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu(Shell.quote(doc), environment: "LANG=C.UTF-8 PIZHU_AUTHOR=e2e"))
        try #require(s.waitFor(text: "中国科协党组") != nil)
        s.send(keys: "W", "c")
        try #require(s.waitFor(text: "Ctrl-S save") != nil)
        s.type("连接断开前写的批注")
        try #require(s.waitFor(text: "连接断开前写的批注") != nil)
        let pane = s.display("#{pane_pid}")
        Shell.run("pkill -\(signal) -P \(pane) pizhu")
        #expect(s.exitStatus() == (signal == "HUP" ? 129 : 143))
        let data = try #require(FileManager.default.contents(atPath: doc + ".pizhu.json"), "the note was saved")
        #expect(String(decoding: data, as: UTF8.self).contains("\"note\": \"连接断开前写的批注\""))
    }

    @Test("a terminal that goes away with no SIGHUP (setsid) ends the reader: the note is saved, nothing spins")
    func terminalGoneWithoutSignal() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let doc = try tmp.copySeed("003_49d197ff665d3f42.txt", as: "doc.txt")
        // setsid: the reader has a session of its own with no controlling terminal, so closing
        // the pane sends it no SIGHUP; its reads fail instead.
        let command = TmuxSession.pizhu(Shell.quote(doc), environment: "LANG=C.UTF-8 PIZHU_AUTHOR=e2e")
            .replacingOccurrences(of: Shell.quote(TmuxSession.binary), with: "setsid " + Shell.quote(TmuxSession.binary))
        let s = TmuxSession(width: 80, height: 24, command: command)
        try #require(s.waitFor(text: "中国科协党组") != nil)
        s.send(keys: "W", "c")
        try #require(s.waitFor(text: "Ctrl-S save") != nil)
        s.type("终端消失前写的批注")
        try #require(s.waitFor(text: "终端消失前写的批注") != nil)
        let pid = try #require(pid_t(s.programPID))
        defer { kill(pid, SIGKILL) }
        s.closeTerminal()
        let deadline = Date().addingTimeInterval(10)
        var running = true
        while running && Date() < deadline {
            running = kill(pid, 0) == 0
            if running { usleep(50_000) }
        }
        #expect(!running, "the reader ended once its terminal was gone")
        let data = try #require(FileManager.default.contents(atPath: doc + ".pizhu.json"), "the note was saved")
        #expect(String(decoding: data, as: UTF8.self).contains("\"note\": \"终端消失前写的批注\""))
    }
}
