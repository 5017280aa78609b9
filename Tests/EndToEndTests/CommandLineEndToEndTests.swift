import Foundation
import Testing
import TmuxDriver

/// The command-line subcommands, run as a user would.
@Suite("pizhu info and cat on real-world files")
struct CommandLineEndToEndTests {
    static let seed001 = TmuxSession.root + "/seeds/001_eb026acd6131a322.txt"

    /// Seed 001 re-encoded as GB18030 with iconv, in `tmp`.
    static func gb18030Seed(in tmp: TemporaryDirectory) throws -> String {
        let gb = tmp.path + "/gb.txt"
        try #require(Shell.run("iconv -f UTF-8 -t GB18030 \(Shell.quote(seed001)) > \(Shell.quote(gb))").status == 0)
        return gb
    }

    @Test("info --json on a GB18030 re-encoding: encoding, counts and the same SHA-256 as sha256sum")
    func infoJSON() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let gb = try Self.gb18030Seed(in: tmp)
        let r = Shell.run("\(Shell.quote(TmuxSession.binary)) info --json \(Shell.quote(gb))")
        #expect(r.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.output.utf8)) as? [String: Any])
        #expect(object["encoding"] as? String == "GB18030")
        #expect(object["view"] as? String == "reflow")
        #expect(object["hard_wrapped"] as? Bool == true)
        #expect(object["scalars"] as? Int == 3059)
        let digest = Shell.run("sha256sum \(Shell.quote(gb)) | cut -d' ' -f1").output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(object["sha256"] as? String == digest)
    }

    @Test("cat --view chooses the view; the default is the one that suits the document")
    func catViews() throws {
        let bin = Shell.quote(TmuxSession.binary)
        let original = Shell.run("\(bin) cat --view original --width 200 \(Shell.quote(Self.seed001))").output
        let reflow = Shell.run("\(bin) cat --width 1000 \(Shell.quote(Self.seed001))").output
        let originalLines = original.split(separator: "\n")
        let reflowLines = reflow.split(separator: "\n")
        #expect(originalLines.contains { $0.hasSuffix("省科") }, "original view: \(originalLines.count) lines")
        #expect(reflowLines.contains { $0.contains("省科学技术协会作为全省广大科技工作者的群众组织") }, "reflow view: \(reflowLines.count) lines")
    }

    @Test("cat prints each line as it is laid out: `| head` ends it at once, with the same first lines")
    func catStreams() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        // Seed 001 two hundred times over (1.6 MB): seconds of layout for this build.
        let big = tmp.path + "/big.txt"
        try #require(Shell.run("for i in $(seq 200); do cat \(Shell.quote(Self.seed001)); done > \(Shell.quote(big))").status == 0)
        let command = "\(Shell.quote(TmuxSession.binary)) cat --view original \(Shell.quote(big))"
        let out = Shell.quote(tmp.path + "/out.txt")
        var started = Date()
        let whole = Shell.run("\(command) > \(out); head -n 3 \(out)")
        let wholeSeconds = Date().timeIntervalSince(started)
        started = Date()
        let head = Shell.run("\(command) | head -n 3")
        let headSeconds = Date().timeIntervalSince(started)
        #expect(head.output == whole.output)
        #expect(head.output.filter { $0 == "\n" }.count == 3)
        // Printed only at the end, the first lines waited for the whole layout.
        #expect(headSeconds * 4 < wholeSeconds, "head \(headSeconds) s, whole \(wholeSeconds) s")
    }

    @Test("a binary file is refused with exit status 1 unless --force")
    func binary() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let dir = tmp.path
        let file = dir + "/blob.bin"
        _ = FileManager.default.createFile(atPath: file, contents: Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2, 0x41]))
        let refused = Shell.run("\(Shell.quote(TmuxSession.binary)) cat \(Shell.quote(file))")
        #expect(refused.status == 1)
        #expect(refused.output.contains("binary"))
        #expect(refused.output.contains("--force"))
        let forced = Shell.run("\(Shell.quote(TmuxSession.binary)) cat --force \(Shell.quote(file))")
        #expect(forced.status == 0)
        #expect(forced.output.contains("^@"))
    }

    @Test("the reader shows a Big5 file's encoding and r switches views")
    func readerEncodingAndView() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let dir = tmp.path
        let big5 = dir + "/big5.txt"
        let traditional = "中國科協黨組傳達學習近期中央有關重要會議和指示精神。會議指出，中共中央政治局會議對中央書記處指導群團工作和推動群團改革等方面的工作給予充分肯定，對做好今年各項工作提出了明確要求。\n"
        _ = FileManager.default.createFile(atPath: dir + "/utf8.txt", contents: Data(String(repeating: traditional, count: 3).utf8))
        #expect(Shell.run("iconv -f UTF-8 -t BIG5-HKSCS \(Shell.quote(dir + "/utf8.txt")) > \(Shell.quote(big5))").status == 0)
        let s = TmuxSession(width: 100, height: 24, command: TmuxSession.pizhu(Shell.quote(big5)))
        #expect(s.waitFor(text: "中國科協黨組傳達") != nil)
        #expect(s.waitFor(text: "BIG5-HKSCS") != nil)
        #expect(s.waitFor(text: "原文 original") != nil)
        s.send(keys: "r")
        #expect(s.waitFor(text: "重排 reflow") != nil)
        s.send(keys: "q")
        #expect(s.exitStatus() == 0)
    }

    @Test("cat --encoding reads a file as told; --show-segments shows the separators")
    func catEncodingAndSegments() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let gbk = tmp.path + "/short.txt"
        // Four characters: too short to detect reliably, so the override matters.
        #expect(Shell.run("printf '中文排版' | iconv -f UTF-8 -t GBK > \(Shell.quote(gbk))").status == 0)
        let r = Shell.run("\(Shell.quote(TmuxSession.binary)) cat --encoding gbk \(Shell.quote(gbk))")
        #expect(r.status == 0)
        #expect(r.output == "中文排版\n")
        let seed = TmuxSession.root + "/seeds/000_8b9b7713cf26d312.txt"
        let hidden = Shell.run("\(Shell.quote(TmuxSession.binary)) cat --width 200 \(Shell.quote(seed))").output
        let shown = Shell.run("\(Shell.quote(TmuxSession.binary)) cat --show-segments --width 200 \(Shell.quote(seed))").output
        #expect(!hidden.contains("|"))
        #expect(shown.hasPrefix("为|疫情|防控|"))
    }

    @Test("PIZHU_TRACE records the start-up phases in order, the first frame, and how the reader ended")
    func trace() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let trace = tmp.path + "/trace"
        let s = TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu(Shell.quote(Self.seed001), environment: "LANG=C.UTF-8 PIZHU_TRACE=" + Shell.quote(trace)))
        try #require(s.waitFor(text: "F1 help") != nil)
        s.send(keys: "q")
        #expect(s.exitStatus() == 0)
        let lines = ((try? String(contentsOfFile: trace, encoding: .utf8)) ?? "").split(separator: "\n")
        let phases = lines.compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(phases == ["library-ms", "loaded-ms", "stored-ms", "opened-ms", "first-frame-ms", "exit"], "\(lines)")
        let times = lines.dropLast().compactMap { Double($0.split(separator: " ")[1]) }
        #expect(times == times.sorted(), "each phase ends after the one before")
        #expect(lines.last == "exit quit")
    }

    @Test("ICU is loaded only for a file that needs detection: not for UTF-8, and for GB18030 on first use")
    func icuLoadedOnDemand() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let gb = try Self.gb18030Seed(in: tmp)
        // The dynamic loader reports each library it loads, at start-up or later.
        let bin = "LD_DEBUG=files \(Shell.quote(TmuxSession.binary))"
        let utf8 = Shell.run("\(bin) info \(Shell.quote(Self.seed001))")
        #expect(utf8.status == 0)
        #expect(utf8.output.contains("UTF-8"))
        #expect(!utf8.output.contains("libicu"), "ICU was loaded for a UTF-8 file")
        let detected = Shell.run("\(bin) info \(Shell.quote(gb))")
        #expect(detected.status == 0)
        #expect(detected.output.contains("GB18030"))
        #expect(detected.output.contains("libicui18n.so"))
    }

    @Test("ncursesw, tinfo and SQLite are linked in, not loaded: the loader has no shared copy of them to bind")
    func staticLibraries() {
        let loaded = Shell.run("ldd \(Shell.quote(TmuxSession.binary))")
        #expect(loaded.status == 0)
        #expect(loaded.output.contains("libc.so"))
        for library in ["libsqlite3", "libncursesw", "libtinfo"] {
            #expect(!loaded.output.contains(library), "\(library) is loaded as a shared library")
        }
    }
}

@Suite("pizhu grep")
struct GrepCommandEndToEndTests {
    @Test("FILE:LINE:COLUMN: context output, -c counts, exit status 1 when nothing matches")
    func grep() {
        let bin = Shell.quote(TmuxSession.binary)
        let seeds = Shell.quote(TmuxSession.root + "/seeds")
        let r = Shell.run("\(bin) grep 经济社会发展 \(seeds)")
        #expect(r.status == 0)
        #expect(r.output.contains("000_8b9b7713cf26d312.txt:1:11: ") && r.output.contains("【经济社会|发展】"))
        let c = Shell.run("\(bin) grep -c 科技 \(seeds)")
        #expect(c.output.split(separator: "\n").count == 5)
        #expect(Shell.run("\(bin) grep 这个短语不存在于种子中 \(seeds)").status == 1)
        #expect(Shell.run("\(bin) grep --regex '(' \(seeds)").status == 2)
        // Smart case: a lower-case pattern matches any case, unless --case-sensitive.
        #expect(Shell.run("\(bin) grep cell \(seeds)").output.contains("【Cell】"))
        #expect(Shell.run("\(bin) grep --case-sensitive cell \(seeds)").status == 1)
        #expect(Shell.run("\(bin) grep --case-sensitive Cell \(seeds)").status == 0)
    }

    @Test("a pipe is searched as a file would be (a PDF extraction's phrase across its hard wraps), under the name standard input")
    func grepPipe() {
        let bin = Shell.quote(TmuxSession.binary)
        let seed = Shell.quote(TmuxSession.root + "/seeds/001_eb026acd6131a322.txt")
        // Seed 001 breaks 省科学技术协会 after 省科; reflow joins it.
        let fromFile = Shell.run("\(bin) grep 省科学技术协会 \(seed)")
        let piped = Shell.run("cat \(seed) | \(bin) grep 省科学技术协会")
        #expect(piped.status == 0)
        #expect(piped.output.hasPrefix("standard input:"))
        #expect(piped.output.replacingOccurrences(of: "standard input:", with: "\(TmuxSession.root)/seeds/001_eb026acd6131a322.txt:") == fromFile.output)
        let counted = Shell.run("\(bin) grep -c 科技 \(seed)").output
        #expect(Shell.run("cat \(seed) | \(bin) grep -c 科技 -").output == counted.replacingOccurrences(of: "\(TmuxSession.root)/seeds/001_eb026acd6131a322.txt:", with: "standard input:"))
        #expect(counted.hasSuffix(":32\n"))
    }
}
