import Foundation
import Testing
import TmuxDriver

/// A document full of escape sequences must leave the screen, the title and the input alone.
@Suite("hostile bytes never reach the terminal", .serialized)
struct HostileTextEndToEndTests {
    /// Clear screen, cursor moves, window title (OSC 0/2), clipboard (OSC 52), terminal queries
    /// (CSI 6n, DA), a DCS string, C1 controls raw and in UTF-8, bidi overrides.
    static let hostile: [UInt8] = Array("标题正常\n".utf8)
        + [0x1B] + Array("[2J".utf8) + [0x1B] + Array("[H".utf8)
        + [0x1B] + Array("]0;PWNED\u{7}".utf8) + [0x1B] + Array("]2;PWNED".utf8) + [0x1B, 0x5C]
        + [0x1B] + Array("]52;c;cHduZWQ=\u{7}".utf8)
        + [0x1B] + Array("[6n".utf8) + [0x1B] + Array("[c".utf8)
        + [0x1B] + Array("P1$r".utf8) + [0x1B, 0x5C]
        + [0x9B] + Array("31m".utf8) + [0xC2, 0x9B] + Array("2J".utf8) + [0xC2, 0x9D] + Array("0;PWNED".utf8)
        + Array("\u{202E}反向\u{202C}尾行结束\n".utf8)

    static func writeHostile(in directory: TemporaryDirectory) -> String {
        directory.write("hostile.txt", Data(hostile))
    }

    @Test("the reader shows placeholders; the title, screen and input stream are untouched")
    func reader() throws {
        let dir = try TemporaryDirectory("pizhu-hostile")
        defer { dir.remove() }
        let file = Self.writeHostile(in: dir)
        let s = TmuxSession(width: 100, height: 24, command: TmuxSession.pizhu(Shell.quote(file)))
        let titleBefore = s.display("#{pane_title}")
        let screen = try #require(s.waitFor(text: "尾行结束"))
        #expect(screen.contains("标题正常"))
        #expect(screen.contains("^[[2J^[[H^[]0;PWNED^G"))
        // A raw 0x9B byte is invalid UTF-8 (shown as U+FFFD); the UTF-8 forms of C1 become placeholders.
        #expect(screen.contains("�31m<9B>2J<9D>0;PWNED"))
        #expect(screen.contains("<202E>反向<202C>尾行结束"))
        #expect(s.display("#{pane_title}") == titleBefore)
        #expect(!s.display("#{pane_title}").contains("PWNED"))
        // A query answered by the terminal would arrive as keys; nothing must have been typed.
        s.send(keys: "j")
        #expect(s.waitFor(text: "F1 help") != nil)
        #expect(!s.capture().contains("No command on"))
        s.send(keys: "q")
        #expect(s.exitStatus() == 0)
    }

    @Test("pizhu cat writes no control bytes either")
    func cat() throws {
        let dir = try TemporaryDirectory("pizhu-hostile-cat")
        defer { dir.remove() }
        let file = Self.writeHostile(in: dir)
        let out = dir.path + "/out"
        let r = Shell.run("\(Shell.quote(TmuxSession.binary)) cat --width 60 \(Shell.quote(file)) > \(Shell.quote(out))")
        #expect(r.status == 0)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: out)))
        #expect(!bytes.contains { ($0 < 0x20 && $0 != 0x0A) || $0 == 0x7F })
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.unicodeScalars.contains { (0x80..<0xA0).contains($0.value) })
        #expect(text.contains("标题正常"))
    }
}

@Suite("the byte stream sent to the terminal", .serialized)
struct TerminalStreamTests {
    @Test("recorded with script(1), the stream holds none of the document's escape sequences")
    func stream() throws {
        let dir = try TemporaryDirectory("pizhu-stream")
        defer { dir.remove() }
        let file = HostileTextEndToEndTests.writeHostile(in: dir)
        let typescript = dir.path + "/typescript"
        let inner = TmuxSession.pizhu(Shell.quote(file))
        let s = TmuxSession(width: 100, height: 24,
                            command: "script -q -f -e -c \(Shell.quote(inner)) \(Shell.quote(typescript))")
        try #require(s.waitFor(text: "尾行结束") != nil)
        s.send(keys: "q")
        #expect(s.exitStatus() == 0)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: typescript)))
        let stream = String(decoding: bytes, as: UTF8.self)
        #expect(stream.contains("尾行结束"))
        for forbidden in ["\u{1B}]0;PWNED", "\u{1B}]2;PWNED", "\u{1B}]52;", "\u{1B}[6n", "\u{1B}P1$r", "\u{1B}[c", "\u{9B}", "\u{9D}"] {
            #expect(!stream.contains(forbidden), "the stream carries \(forbidden.debugDescription)")
        }
        #expect(!stream.contains("\u{202E}"))
    }
}
