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
        let doc = try tmp.copySeed("004_97efbe3f29f870fa.txt", as: "report.txt")
        let env = "LANG=C.UTF-8 XDG_STATE_HOME=\(Shell.quote(tmp.path + "/state")) XDG_DATA_HOME=\(Shell.quote(tmp.path + "/data"))"
        let s = TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu(Shell.quote(doc), environment: env))
        let first = try #require(s.waitFor { $0.contains("report.txt") && $0.contains("%") })
        // One jump whose end is visible in the status line, so the capture below is the final screen.
        s.send(keys: ":")
        s.type("goto 50%")
        s.send(keys: "Enter")
        let moved = try #require(s.waitFor { self.topLine($0) != self.topLine(first) && !self.topLine($0).isEmpty && $0.contains("│ 50%") })
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

    @Test("what the first screen does not wait for still comes: the library's remembered progress shows without a key; the last run's jumps are there")
    func afterFirstScreen() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let (a, b, env) = try twoDocuments("004_97efbe3f29f870fa.txt", "003_49d197ff665d3f42.txt", in: tmp)
        let arguments = Shell.quote(a) + " " + Shell.quote(b)
        // The library sits beside the text at 120 columns; its first 32 cells are the list.
        let libraryColumn = { (screen: String) in screen.split(separator: "\n").map { String($0.prefix(32)) }.joined(separator: "\n") }
        let textColumn = { (screen: String) in screen.split(separator: "\n").first.map { String($0.dropFirst(33)) } ?? "" }
        let s = TmuxSession(width: 120, height: 30, command: TmuxSession.pizhu(arguments, environment: env))
        let first = try #require(s.waitFor { $0.contains("a.txt") && $0.contains("%") })
        let top = String(textColumn(first).trimmingCharacters(in: .whitespaces).prefix(6))
        #expect(!libraryColumn(first).contains("100%"), "nothing read yet")
        s.send(keys: "G")
        try #require(s.waitFor { $0.contains("100%") && !$0.contains(top) } != nil)
        s.send(keys: "q")
        #expect(s.exitStatus() == 0)

        let again = TmuxSession(width: 120, height: 30, command: TmuxSession.pizhu(arguments, environment: env))
        #expect(again.waitFor { libraryColumn($0).contains("100%") } != nil, "a.txt's progress in the library, no key pressed")
        again.send(keys: "C-o")
        let back = try #require(again.waitFor { $0.contains("jump") && textColumn($0).contains(top) }, "Ctrl-O goes back to where the last run's G left")
        #expect(back.contains("跳 jump"))
        again.send(keys: "q")
        #expect(again.exitStatus() == 0)
    }
}

@Suite("pizhu --recent", .serialized)
struct RecentEndToEndTests {
    @Test("documents read in other folders are listed by --recent, newest first, with their progress")
    func recent() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let env = "LANG=C.UTF-8 XDG_STATE_HOME=\(Shell.quote(tmp.path + "/state"))"
        for (folder, seed) in [("one", "001_eb026acd6131a322.txt"), ("two", "002_140b22afd5af11f9.txt")] {
            try FileManager.default.createDirectory(atPath: tmp.path + "/" + folder, withIntermediateDirectories: true)
            let doc = try tmp.copySeed(seed, as: folder + "/" + seed)
            let s = TmuxSession(width: 100, height: 24, command: TmuxSession.pizhu(Shell.quote(doc), environment: env))
            try #require(s.waitFor(text: "%") != nil)
            s.send(keys: "q")
            #expect(s.exitStatus() == 0)
        }
        let r = TmuxSession(width: 120, height: 24, command: TmuxSession.pizhu("--recent", environment: env))
        let screen = try #require(r.waitFor { $0.contains("one/001") && $0.contains("two/002") })
        let lines = screen.split(separator: "\n")
        let first = lines.firstIndex { $0.contains("two/002") } ?? 99
        let second = lines.firstIndex { $0.contains("one/001") } ?? 0
        #expect(first < second, "newest first")
        r.send(keys: "q")
        #expect(r.exitStatus() == 0)
    }
}

@Suite("per-document choices", .serialized)
struct PerDocumentChoicesEndToEndTests {
    @Test(":set measure is kept for that document only; an --encoding given once is used again")
    func settingsAndEncoding() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let (a, b, env) = try twoDocuments("003_49d197ff665d3f42.txt", "004_97efbe3f29f870fa.txt", in: tmp)
        let widest = { (screen: String) in screen.split(separator: "\n").dropLast().map { TmuxSession.width(of: String($0).trimmingCharacters(in: .whitespaces)) }.max() ?? 0 }
        let s = TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu("--encoding big5 " + Shell.quote(a), environment: env))
        try #require(s.waitFor(text: "invalid byte sequences") != nil)
        s.send(keys: "l")
        try #require(s.waitFor(text: "BIG5") != nil)
        s.send(keys: ":")
        s.type("set measure 40")
        s.send(keys: "Enter")
        try #require(s.waitFor(text: "measure = 40") != nil)
        s.send(keys: "q")
        #expect(s.exitStatus() == 0)
        let again = TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu(Shell.quote(a), environment: env))
        try #require(again.waitFor(text: "invalid byte sequences") != nil)
        again.send(keys: "l")
        let screen = try #require(again.waitFor(text: "BIG5"), "the encoding chosen once is used again")
        #expect(widest(screen) <= 40 + 2, "measure 40 restored")
        again.send(keys: "q")
        #expect(again.exitStatus() == 0)
        let other = TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu(Shell.quote(b), environment: env))
        let otherScreen = try #require(other.waitFor(text: "b.txt"))
        #expect(widest(otherScreen) > 50, "another document keeps the default measure")
        other.send(keys: "q")
        #expect(other.exitStatus() == 0)
    }

    @Test("a large UTF-8 file opened once with --encoding big5 is opened as Big5 again (the store is asked after the file is measured)")
    func largeFileEncoding() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let (a, _, env) = try twoDocuments("003_49d197ff665d3f42.txt", "004_97efbe3f29f870fa.txt", in: tmp)
        let seed = try String(contentsOfFile: a, encoding: .utf8)
        try String(repeating: seed, count: 4 << 20 / seed.utf8.count + 1).write(toFile: a, atomically: false, encoding: .utf8)
        let first = TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu("--encoding big5 " + Shell.quote(a), environment: env))
        try #require(first.waitFor(text: "invalid byte sequences") != nil)
        first.send(keys: "q")
        #expect(first.exitStatus() == 0)
        let again = TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu(Shell.quote(a), environment: env))
        try #require(again.waitFor(text: "invalid byte sequences") != nil, "opened as Big5, not as the UTF-8 it looks like")
        again.send(keys: "l")
        #expect(again.waitFor(text: "BIG5") != nil)
        again.send(keys: "q")
        #expect(again.exitStatus() == 0)
    }
}

@Suite("readers on one store", .serialized)
struct ReadersOnOneStoreEndToEndTests {
    @Test("four pizhu processes (four SSH logins) scrolling at once all keep their places (PIZHU_WRITERS=N for another number)")
    func concurrentReaders() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let readers = Int(ProcessInfo.processInfo.environment["PIZHU_WRITERS"] ?? "") ?? 4
        let env = "LANG=C.UTF-8 XDG_STATE_HOME=\(Shell.quote(tmp.path + "/state"))"
        let seeds = ["001_eb026acd6131a322.txt", "002_140b22afd5af11f9.txt", "003_49d197ff665d3f42.txt", "004_97efbe3f29f870fa.txt"]
        let docs = try (0..<readers).map { try tmp.copySeed(seeds[$0 % seeds.count], as: "doc\($0).txt") }
        let sessions = docs.map { TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu(Shell.quote($0), environment: env)) }
        for s in sessions { try #require(s.waitFor(text: "%") != nil) }
        // Every key that moves writes the position: all readers write the store at the same time.
        for _ in 0..<10 { for s in sessions { s.send(keys: "Space") } }
        for s in sessions { s.send(keys: "g") }
        for (i, s) in sessions.enumerated() {
            s.send(keys: ":")
            s.type("goto \(30 + 10 * (i % 6))%")
            s.send(keys: "Enter")
        }
        // Keys are read in order, so each reader has gone to its place before it reads q.
        for s in sessions { s.send(keys: "q") }
        for s in sessions { #expect(s.exitStatus() == 0) }
        let script = "import sqlite3,sys; print(sum(1 for r in sqlite3.connect(sys.argv[1]).execute('SELECT position FROM documents') if r[0] > 0))"
        let r = Shell.run("python3 -c \(Shell.quote(script)) \(Shell.quote(tmp.path + "/state/pizhu/state.db"))")
        #expect(r.output.trimmingCharacters(in: .whitespacesAndNewlines) == "\(readers)", "\(r.output)")
    }
}

/// Copies of two seeds as `a.txt` and `b.txt` in `tmp`, and an environment whose document
/// store is there too.
func twoDocuments(_ first: String, _ second: String, in tmp: TemporaryDirectory) throws -> (a: String, b: String, env: String) {
    let a = try tmp.copySeed(first, as: "a.txt"), b = try tmp.copySeed(second, as: "b.txt")
    return (a, b, "LANG=C.UTF-8 XDG_STATE_HOME=\(Shell.quote(tmp.path + "/state"))")
}
