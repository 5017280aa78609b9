import Foundation
import Testing
import TmuxDriver

/// Files built to break a reader: the real binary opens each under script(1), pages to the
/// end and quits; it must not crash or hang, and no escape sequence from the file may reach
/// the terminal stream.
@Suite("hostile files", .serialized)
struct HostileFilesEndToEndTests {
    enum Kind: String, CaseIterable, Sendable {
        case combiningMarks, nulBytes, invalidUTF8, hugeLine
    }

    /// The file's bytes, and a text the first screen shows.
    static func make(_ kind: Kind, in dir: TemporaryDirectory) -> (path: String, first: String, flags: String) {
        switch kind {
        case .combiningMarks:
            // One base with 100,000 combining marks, then ordinary text.
            var bytes = Array("开头正常\n字".utf8)
            for _ in 0..<100_000 { bytes += [0xCC, 0x81] }
            bytes += Array("\n结尾正常\n".utf8)
            return (dir.write("marks.txt", Data(bytes)), "开头正常", "")
        case .nulBytes:
            var bytes = Array("含有空字节的文件\n".utf8)
            for i in 0..<4096 { bytes.append(i % 3 == 0 ? 0 : 0x41) }
            bytes += Array("\n\u{1B}]0;PWNED\u{7}尾\n".utf8)
            return (dir.write("nul.bin", Data(bytes)), "含有空字节的文件", "--force ")
        case .invalidUTF8:
            // Every prefix of 2-, 3- and 4-byte sequences cut short, and stray continuation bytes.
            // Inside an otherwise valid UTF-8 document (so it is still read as UTF-8).
            var bytes = Array(("无效字节测试\n" + String(repeating: "正常的中文内容，", count: 200) + "\n").utf8)
            for seq in [[0xC3, 0xA9], [0xE6, 0xB1, 0x89], [0xF0, 0xA0, 0x80, 0x80]] as [[UInt8]] {
                for cut in 1..<seq.count { bytes += seq.prefix(cut) + Array("字".utf8) }
            }
            bytes += [0x80, 0xBF, 0xFE, 0xFF, 0xC0, 0xAF] + Array("\n\u{1B}[2J末行\n".utf8)
            return (dir.write("invalid.txt", Data(bytes)), "无效字节测试", "")
        case .hugeLine:
            // 100 MB on one line, read on demand.
            let unit = Array(String(repeating: "超长的一行文字", count: 1000).utf8)
            var data = Data(capacity: 100 << 20)
            data.append(contentsOf: Array("长行".utf8))
            while data.count < 100 << 20 { data.append(contentsOf: unit) }
            data.append(contentsOf: Array("\u{1B}]52;c;cHduZWQ=\u{7}终点\n".utf8))
            return (dir.write("line.txt", data), "长行超长的一行", "")
        }
    }

    @Test("opened, paged to the end and closed cleanly; the terminal stream stays clean", arguments: Kind.allCases)
    func survive(kind: Kind) throws {
        let dir = try TemporaryDirectory("pizhu-hostile-\(kind.rawValue)")
        defer { dir.remove() }
        let (file, first, flags) = Self.make(kind, in: dir)
        let typescript = dir.path + "/typescript"
        let inner = TmuxSession.pizhu(flags + Shell.quote(file))
        let s = TmuxSession(width: 80, height: 24, command: "script -q -f -e -c \(Shell.quote(inner)) \(Shell.quote(typescript))")
        try #require(s.waitFor(text: first, timeout: 30) != nil, "first screen of \(kind)")
        s.send(keys: "G")
        #expect(s.waitFor(text: "100%", timeout: 60) != nil, "G reaches the end of \(kind)")
        s.send(keys: "g", "j", "q")
        #expect(s.exitStatus(timeout: 30) == 0, "\(kind) quits cleanly")
        let stream = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: typescript))) ?? Data(), as: UTF8.self)
        for forbidden in ["\u{1B}]0;PWNED", "\u{1B}]52;", "\u{1B}[2J末"] {
            #expect(!stream.contains(forbidden), "\(kind): the stream carries \(forbidden.debugDescription)")
        }
    }
}
