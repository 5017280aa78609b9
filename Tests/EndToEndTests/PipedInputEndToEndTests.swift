import Foundation
import Testing
import TmuxDriver

/// Text that comes through a pipe (`cmd | pizhu`, `-`, `<(cmd)`), read as a user would.
@Suite("piped input")
struct PipedInputEndToEndTests {
    static let seed = TmuxSession.root + "/seeds/001_eb026acd6131a322.txt"
    static let first = "习近平总书记在党的十九大报告中强调"
    static var bin: String { Shell.quote(TmuxSession.binary) }

    @Test("cmd | pizhu: the text reads and scrolls with keys from the terminal; it is neither annotated nor remembered")
    func pipeIntoReader() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let state = tmp.path + "/state"
        let s = TmuxSession(width: 80, height: 24, command: "cat \(Shell.quote(Self.seed)) | "
                            + TmuxSession.pizhu(environment: "LANG=C.UTF-8 XDG_STATE_HOME=\(Shell.quote(state))"))
        let screen = try #require(s.waitFor(text: Self.first))
        #expect(screen.contains("standard input"))
        #expect(screen.contains("reflow"), "hard-wrapped seed 001 reflows as it does from its file")
        s.send(keys: "G")
        #expect(s.waitFor(text: "100%") != nil)
        s.send(keys: "v", "l", "1")
        #expect(s.waitFor(text: "not a file") != nil)
        s.send(keys: "m", "a", "q")
        #expect(s.exitStatus() == 0)
        // The store keeps nothing of a copy that vanished with the reader.
        let kept = Shell.run("cat \(Shell.quote(state))/pizhu/* 2>/dev/null | grep -ac /proc/self/fd").output
        #expect(kept.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    /// Starts `command` in tmux: `before` must show first if given, then `reading` (by default
    /// the seed's text), with `shown` on the screen, and `q` must quit cleanly.
    static func expectReads(_ command: String, showing shown: String, reading: String = first, after before: String? = nil) throws {
        let s = TmuxSession(width: 80, height: 24, command: command)
        if let before { try #require(s.waitFor(text: before) != nil, "\(before) first") }
        let screen = try #require(s.waitFor(text: reading))
        #expect(screen.contains(shown))
        s.send(keys: "q")
        #expect(s.exitStatus() == 0)
    }

    @Test("while a slow producer has not finished, standard error says what is being read; then the text shows")
    func slowProducer() throws {
        // Nothing more comes for 2 s after the first bytes, as from pdftotext busy with a long PDF.
        try Self.expectReads("(cat \(Shell.quote(Self.seed)); sleep 2) | " + TmuxSession.pizhu(), showing: "standard input",
                             after: "pizhu: reading standard input… 0 MB")
    }

    @Test("a pipe on standard input beside a file to open: the file opens, and keys come from the terminal")
    func pipeBesideFile() throws {
        try Self.expectReads("echo 不读 | " + TmuxSession.pizhu(Shell.quote(Self.seed)), showing: "001_eb026acd6131a322.txt")
    }

    @Test("a GB18030 pipe is detected as GB18030, as its file would be")
    func legacyPipe() throws {
        try Self.expectReads("iconv -f UTF-8 -t GB18030 \(Shell.quote(Self.seed)) | " + TmuxSession.pizhu("-"), showing: "GB18030")
    }

    @Test("a binary pipe is refused under the name the user knows it by, not its copy's /proc path")
    func binaryPipe() throws {
        try Self.expectReads("(printf 'ELF\\0\\0\\0'; cat \(Shell.quote(Self.seed))) | " + TmuxSession.pizhu(), showing: "standard input │", reading: "pizhu: standard input: this looks like a binary")
        let printed = Shell.run("printf 'ELF\\0\\0\\0' | \(Self.bin) cat - 2>&1")
        #expect(printed.output.hasPrefix("pizhu: standard input: this looks like a binary file"))
    }

    @Test("a device on standard input or as a path is refused at once, not read for ever")
    func devices() {
        let fromStandardInput = Shell.run("timeout 10 \(Self.bin) cat - < /dev/zero 2>&1")
        #expect(fromStandardInput.status == 1)
        #expect(fromStandardInput.output.contains("standard input: cannot be read (it is a terminal or a device"))
        let asPath = Shell.run("timeout 10 \(Self.bin) cat /dev/zero 2>&1")
        #expect(asPath.status == 1)
        #expect(asPath.output.contains("not a regular file"))
    }

    @Test("<(cmd) opens under the name the shell gave it")
    func processSubstitution() throws {
        try Self.expectReads("bash -c " + Shell.quote(TmuxSession.pizhu("<(cat \(Shell.quote(Self.seed)))")), showing: "/dev/fd/")
    }

    @Test("pizhu cat - and pizhu info - read standard input as they read the file")
    func catAndInfo() throws {
        let seed = Shell.quote(Self.seed)
        #expect(Shell.run("\(Self.bin) cat - < \(seed)").output == Shell.run("\(Self.bin) cat \(seed)").output)
        let info = Shell.run("cat \(seed) | \(Self.bin) info --json -")
        #expect(info.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(info.output.utf8)) as? [String: Any])
        #expect(object["path"] as? String == "standard input")
        let digest = Shell.run("sha256sum \(seed) | cut -d' ' -f1").output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(object["sha256"] as? String == digest)
    }

    @Test("a pipe with no terminal to take keys from (no controlling terminal) is refused with the way to print it")
    func noTerminal() {
        let s = TmuxSession(width: 100, height: 24, command: "cat \(Shell.quote(Self.seed)) | setsid -w " + TmuxSession.pizhu("-"))
        #expect(s.exitStatus() == 2)
        let printed = s.scrollback().replacingOccurrences(of: "\n", with: "")
        #expect(printed.contains("keys must come from one (standard input or /dev/tty)"))
        #expect(printed.contains("pizhu cat FILE"))
    }
}
