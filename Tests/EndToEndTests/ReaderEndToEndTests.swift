import Foundation
import Testing
import TmuxDriver

/// The real binary in tmux: what needs a real terminal (locale, input decoding, resize, signals).
@Suite("end to end in tmux", .serialized)
struct ReaderEndToEndTests {
    static let seed = "seeds/003_49d197ff665d3f42.txt"
    static let title = "中国科协党组传达学习近期中央有关重要会议和指示精神"

    @Test("with no arguments the seeds library shows, and Enter opens a document")
    func library() throws {
        let s = TmuxSession(width: 120, height: 40, command: TmuxSession.pizhu())
        let screen = try #require(s.waitFor(text: "001_eb026acd6131a322.txt"))
        #expect(screen.contains("Library"))
        s.send(keys: "j", "Enter")
        #expect(s.waitFor(text: "习近平总书记在党的十九大报告中强调") != nil)
        s.send(keys: "q")
        #expect(s.exitStatus() == 0)
    }

    @Test("a seed at 80×24 and 120×40: text in place, CJK at the expected columns")
    func columns() throws {
        let s = TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu(Self.seed))
        var screen = try #require(s.waitFor(text: Self.title))
        // 80 columns: no side pane, measure 72, margin (80 - 72) / 2 = 4
        #expect(s.column(of: "中国科协党组", in: screen) == 4)
        #expect(s.column(of: "指示精神", in: screen) == 4 + 2 * 21)
        s.send(keys: "q")
        #expect(s.exitStatus() == 0)

        let wide = TmuxSession(width: 120, height: 40, command: TmuxSession.pizhu(Self.seed))
        screen = try #require(wide.waitFor(text: Self.title))
        // 120 columns: library 32 + border, text pane 87 wide, margin 7
        #expect(wide.column(of: "中国科协党组", in: screen) == 40)
        #expect(screen.contains("003_49d197ff665d3f42.txt"))
        wide.send(keys: "q")
        #expect(wide.exitStatus() == 0)
    }

    @Test("resize to 60×20 and back keeps the place and re-lays the text")
    func resize() throws {
        let s = TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu(Self.seed))
        try #require(s.waitFor(text: Self.title) != nil)
        s.send(keys: "j", "j")   // reflow view: title, spacer, then the first paragraph
        let firstLine = { (screen: String) in
            screen.split(separator: "\n", omittingEmptySubsequences: false).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        }
        let before = try #require(s.waitFor { firstLine($0).hasPrefix("1月29日") })
        let topLine = firstLine(before)
        let probe = String(topLine.prefix(6))
        s.resize(width: 60, height: 20)
        let narrow = try #require(s.waitFor { screen in
            screen.split(separator: "\n").allSatisfy { $0.count <= 60 } && screen.contains(probe)
        })
        #expect(narrow.split(separator: "\n", omittingEmptySubsequences: false).first?.contains(probe) == true)
        s.resize(width: 80, height: 24)
        #expect(s.waitFor(text: probe) != nil)
        s.send(keys: "q")
        #expect(s.exitStatus() == 0)
    }

    @Test("Chinese typed into the : prompt arrives intact")
    func chinesePrompt() throws {
        let s = TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu(Self.seed))
        try #require(s.waitFor(text: Self.title) != nil)
        s.send(keys: ":")
        s.type("open 不存在的文件.txt")
        #expect(s.waitFor(text: ":open 不存在的文件.txt") != nil)
        s.send(keys: "Enter")
        #expect(s.waitFor(text: "不存在的文件.txt: no such file") != nil)
        s.send(keys: ":")
        s.type("goto 100%")
        s.send(keys: "Enter")
        #expect(s.waitFor(text: "100%") != nil)
        s.send(keys: "q")
        #expect(s.exitStatus() == 0)
    }

    @Test("with LANG and LC_ALL unset Chinese still renders (C.UTF-8 fallback)")
    func noLocale() throws {
        let command = "env -u LANG -u LC_ALL -u LC_CTYPE -u LANGUAGE XDG_STATE_HOME=\"$(mktemp -d)\" \(Shell.quote(TmuxSession.binary)) \(Self.seed)"
        let s = TmuxSession(width: 80, height: 24, command: command)
        let screen = try #require(s.waitFor(text: Self.title))
        #expect(s.column(of: "中国科协党组", in: screen) == 4)
        s.send(keys: "q")
        #expect(s.exitStatus() == 0)
    }

    @Test("a locale that is not installed falls back too")
    func missingLocale() throws {
        let s = TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu(Self.seed, environment: "LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8"))
        #expect(s.waitFor(text: Self.title) != nil)
        s.send(keys: "q")
        #expect(s.exitStatus() == 0)
    }

    @Test("TERM=vt100 works without colour", arguments: ["vt100", "xterm", "screen", "linux", "xterm-256color"])
    func terminals(term: String) throws {
        let s = TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu(Self.seed, environment: "LANG=C.UTF-8 TERM=\(term)"))
        #expect(s.waitFor(text: Self.title) != nil)
        #expect(s.waitFor(text: "F1 help") != nil)
        s.send(keys: "q")
        #expect(s.exitStatus() == 0)
    }

    @Test("an unknown TERM is a clear error with exit status 2")
    func unknownTerm() throws {
        let s = TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu(Self.seed, environment: "LANG=C.UTF-8 TERM=no-such-terminal")
                            + " 2> \(Shell.quote(NSTemporaryDirectory()))pizhu-term-\(getpid()).err")
        #expect(s.exitStatus() == 2)
        let path = NSTemporaryDirectory() + "pizhu-term-\(getpid()).err"
        defer { unlink(path) }
        let message = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        #expect(message.contains("unknown terminal type 'no-such-terminal'"))
    }

    @Test("q leaves the terminal as it was: the alternate screen is gone")
    func quitRestores() throws {
        let s = TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu(Self.seed))
        try #require(s.waitFor(text: Self.title) != nil)
        s.send(keys: "q")
        #expect(s.exitStatus() == 0)
        #expect(s.display("#{alternate_on}") == "0")
        #expect(!s.capture().contains(Self.title))
    }

    @Test("SIGTERM and SIGHUP restore the terminal and exit", arguments: ["TERM", "HUP"])
    func signals(name: String) throws {
        let s = TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu(Self.seed))
        try #require(s.waitFor(text: Self.title) != nil)
        Shell.run("kill -\(name) \(s.programPID)")
        #expect(s.exitStatus() == (name == "TERM" ? 143 : 129))
        #expect(s.display("#{alternate_on}") == "0")
    }

    @Test("Ctrl-C does not kill the reader")
    func ctrlC() throws {
        let s = TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu(Self.seed))
        try #require(s.waitFor(text: Self.title) != nil)
        s.send(keys: "C-c")
        #expect(s.waitFor(text: "Interrupted") != nil)
        #expect(s.display("#{pane_dead}") == "0")
        s.send(keys: "q")
        #expect(s.exitStatus() == 0)
    }

    @Test("a full repaint (Ctrl-L) goes to the terminal in one or two writes, not one a row")
    func oneWriteAFrame() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let trace = tmp.path + "/trace"
        let s = TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu(Self.seed, environment: "LANG=C.UTF-8 PIZHU_TRACE=" + Shell.quote(trace)))
        try #require(s.waitFor(text: Self.title) != nil)
        let pid = s.programPID
        /// Write system calls the reader has made so far (the kernel counts them per process).
        func writes() -> Int? {
            let io = (try? String(contentsOfFile: "/proc/\(pid)/io", encoding: .utf8)) ?? ""
            return io.split(separator: "\n").first { $0.hasPrefix("syscw:") }.flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) }
        }
        /// Presses Ctrl-L and waits until the reader has logged `n` keys.
        func repaint(_ n: Int) throws {
            s.send(keys: "C-l")
            try #require(s.waitFor(timeout: 15) { _ in
                ((try? String(contentsOfFile: trace, encoding: .utf8)) ?? "").components(separatedBy: "key-ms").count - 1 >= n
            } != nil)
        }
        // The first key also stores the reading position, after its trace line: the count is
        // read once the second key is logged, when that write is surely done (the second key
        // stores nothing, its position being the same); the third writes only the screen.
        try repaint(1)
        try repaint(2)
        let before = try #require(writes())
        try repaint(3)
        let after = try #require(writes())
        // The repaint (the screen cleared and all 24 rows drawn), the trace line for the key,
        // and at most one more; ncurses in its initial state made one write per row and more.
        #expect(after - before <= 3, "\(after - before) writes for one full repaint")
        s.send(keys: "q")
        #expect(s.exitStatus() == 0)
    }

    @Test("Ctrl-Z suspends to the shell and fg redraws everything")
    func suspend() throws {
        let s = TmuxSession(width: 80, height: 24, command: "env -i PATH=/usr/bin:/bin HOME=/tmp TERM=tmux-256color PS1='$ ' bash --norc --noprofile -i")
        try #require(s.waitFor(text: "$") != nil)
        s.type("LANG=C.UTF-8 XDG_STATE_HOME=$(mktemp -d) \(Shell.quote(TmuxSession.binary)) \(Self.seed)")
        s.send(keys: "Enter")
        try #require(s.waitFor(text: Self.title) != nil)
        s.send(keys: "C-z")
        #expect(s.waitFor(text: "Stopped") != nil)
        s.type("fg")
        s.send(keys: "Enter")
        let back = s.waitFor { $0.contains(Self.title) && $0.contains("F1 help") }
        #expect(back != nil)
        s.send(keys: "q")
        #expect(s.waitFor { !$0.contains("F1 help") } != nil)
        s.type("exit")
        s.send(keys: "Enter")
        #expect(s.exitStatus() == 0)
    }
}

@Suite("colour and NO_COLOR", .serialized)
struct ColourEndToEndTests {
    /// An error message is drawn white on red where colour is allowed; with NO_COLOR only
    /// attributes (reverse, bold) carry it.
    @Test("NO_COLOR turns colour off, attributes stay", arguments: [false, true])
    func noColor(disabled: Bool) throws {
        // The test runner's own environment may carry NO_COLOR: set or unset it explicitly.
        let env = (disabled ? "NO_COLOR=1" : "-u NO_COLOR") + " LANG=C.UTF-8"
        let s = TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu(ReaderEndToEndTests.seed, environment: env))
        try #require(s.waitFor(text: ReaderEndToEndTests.title) != nil)
        s.send(keys: ":")
        s.type("frobnicate")
        s.send(keys: "Enter")
        try #require(s.waitFor(text: "Unknown command") != nil)
        let screen = s.capture(escapes: true)
        #expect(screen.contains("\u{1B}[41m") == !disabled)
        #expect(screen.contains("\u{1B}[7m"))
        s.send(keys: "q")
        #expect(s.exitStatus() == 0)
    }
}
