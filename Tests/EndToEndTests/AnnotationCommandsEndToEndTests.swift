import Foundation
import Testing
import TmuxDriver

/// The scripting commands and the sidecar guarantees, run as separate processes.
@Suite("Annotation commands, concurrent writers, crashes and git merges")
struct AnnotationCommandsEndToEndTests {
    static let seed = TmuxSession.root + "/seeds/002_140b22afd5af11f9.txt"

    /// A private folder holding a copy of a seed, and the command prefix that runs pizhu on it.
    struct Workspace {
        let tmp: TemporaryDirectory
        let doc: String
        var sidecar: String { doc + ".pizhu.json" }
        var pizhu: String { "cd \(Shell.quote(tmp.path)) && PIZHU_AUTHOR=tester XDG_DATA_HOME=\(Shell.quote(tmp.path + "/data")) \(Shell.quote(TmuxSession.binary))" }

        init() throws {
            tmp = try TemporaryDirectory()
            doc = tmp.path + "/doc.txt"
            try FileManager.default.copyItem(atPath: AnnotationCommandsEndToEndTests.seed, toPath: doc)
        }

        func run(_ arguments: String) -> (status: Int32, output: String) { Shell.run("\(pizhu) \(arguments)") }

        func sidecarJSON() throws -> [String: Any] {
            let data = try #require(FileManager.default.contents(atPath: sidecar))
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }

        func liveIDs() throws -> Set<String> {
            let annotations = try sidecarJSON()["annotations"] as? [[String: Any]] ?? []
            return Set(annotations.filter { $0["deleted"] as? Bool == false }.compactMap { $0["id"] as? String })
        }
    }

    @Test("annotate by quote and range, list, filter by parent tag, count tags, unannotate")
    func scripting() throws {
        let w = try Workspace()
        defer { w.tmp.remove() }
        let first = w.run("annotate doc.txt --quote 科学 --nth 2 --tag 政策/科技 --color green --note '第二处'")
        #expect(first.status == 0, "\(first.output)")
        let id = first.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id.count == 36)
        let all = w.run("annotate doc.txt --quote 科学 --all --tag 关键词")
        let allIDs = all.output.split(separator: "\n").map(String.init)
        #expect(all.status == 0 && allIDs.count > 2)
        #expect(allIDs.contains(id), "the second occurrence was edited, not duplicated")
        let ranged = w.run("annotate doc.txt --range 0:4 --tag 经济")
        #expect(ranged.status == 0)

        let listed = w.run("annotations doc.txt --tag 政策")
        #expect(listed.output.contains(id) && listed.output.contains("#政策/科技") && listed.output.contains("「科学」"))
        #expect(!listed.output.contains("#经济"))
        let json = w.run("annotations . --json --tag 经济")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(items.count == 1 && (items[0]["target"] as? [String: Any])?["start"] as? Int == 0)

        let tags = w.run("tags .")
        #expect(tags.output.contains("政策/科技") && tags.output.contains("关键词"))
        #expect(tags.output.split(separator: "\n").contains { $0.hasSuffix("政策") && $0.contains("1") })

        #expect(w.run("unannotate doc.txt \(id)").status == 0)
        #expect(try !w.liveIDs().contains(id))
        try SchemaValidationE2E.expectValid(w.sidecar)
    }

    @Test("distinct exit codes: usage 64, not found 65, unreadable document 66, unusable sidecar 74")
    func exitCodes() throws {
        let w = try Workspace()
        defer { w.tmp.remove() }
        #expect(w.run("annotate doc.txt").status == 64)
        #expect(w.run("annotate doc.txt --quote a --range 1:2").status == 64)
        #expect(w.run("annotate doc.txt --quote 科学 --color mauve").status == 64)
        let missing = w.run("annotate doc.txt --quote 这句话不在文中")
        #expect(missing.status == 65 && missing.output.contains("not found"))
        #expect(w.run("annotate doc.txt --quote 科学 --nth 100000").status == 65)
        #expect(w.run("annotate doc.txt --range 0:99999999").status == 65)
        #expect(w.run("unannotate doc.txt 0000").status == 65)
        #expect(w.run("annotate nothere.txt --range 0:1").status == 66)
        try "{ broken".write(toFile: w.sidecar, atomically: false, encoding: .utf8)
        let corrupt = w.run("annotate doc.txt --range 0:1")
        #expect(corrupt.status == 74)
        #expect(corrupt.output.contains("doc.txt.pizhu.json") && corrupt.output.contains("will not overwrite"))
        #expect(try String(contentsOfFile: w.sidecar, encoding: .utf8) == "{ broken")
        try #"{"format": "pizhu-sidecar", "schema_version": 99, "document": {}}"#.write(toFile: w.sidecar, atomically: false, encoding: .utf8)
        let newer = w.run("annotate doc.txt --range 0:1")
        #expect(newer.status == 74 && newer.output.contains("newer"))
    }

    @Test("four processes adding 200 annotations each at the same time leave 800 (PIZHU_WRITERS=N for another number)")
    func concurrentWriters() throws {
        let w = try Workspace()
        defer { w.tmp.remove() }
        let writers = Int(ProcessInfo.processInfo.environment["PIZHU_WRITERS"] ?? "") ?? 4
        let loop = { (base: Int) in
            "(for i in $(seq \(base) \(base + 199)); do \(w.pizhu) annotate doc.txt --range $i:$((i+1)) >/dev/null || echo FAIL; done)"
        }
        let r = Shell.run((0..<writers).map { loop($0 * 200) }.joined(separator: " & ") + " & wait")
        #expect(!r.output.contains("FAIL"), "\(r.output.prefix(500))")
        #expect(try w.liveIDs().count == 200 * writers)
        #expect(try w.sidecarJSON()["revision"] as? Int == 200 * writers)
    }

    @Test("a writer killed with SIGKILL at random moments never leaves a broken sidecar or loses a reported annotation")
    func crashes() throws {
        let w = try Workspace()
        defer { w.tmp.remove() }
        // 1,000 kills (about a minute); PIZHU_CRASH_ROUNDS=N for another number.
        let rounds = Int(ProcessInfo.processInfo.environment["PIZHU_CRASH_ROUNDS"] ?? "") ?? 1000
        let script = """
        cd \(Shell.quote(w.tmp.path))
        killed=0
        for i in $(seq 1 \(rounds)); do
          PIZHU_AUTHOR=tester \(Shell.quote(TmuxSession.binary)) annotate doc.txt --range $i:$((i+2)) > out.$i 2>/dev/null &
          pid=$!
          sleep "0.$(printf '%03d' $((RANDOM % 120)))"
          kill -9 $pid 2>/dev/null
          wait $pid
          status=$?
          if [ $status -eq 0 ]; then cat out.$i >> reported; elif [ $status -eq 137 ]; then killed=$((killed+1)); else echo "status $status"; fi
          rm -f out.$i
        done
        echo "killed $killed"
        """
        let r = Shell.run("bash -c \(Shell.quote(script))")
        let killed = Int(r.output.split(separator: "\n").last { $0.hasPrefix("killed ") }?.dropFirst(7) ?? "") ?? 0
        #expect(!r.output.contains("status "), "a writer failed instead of saving or dying: \(r.output.prefix(400))")
        let reported = Set(((try? String(contentsOfFile: w.tmp.path + "/reported", encoding: .utf8)) ?? "").split(separator: "\n").map(String.init))
        #expect(killed > 20 && reported.count > 20, "killed \(killed), reported \(reported.count): the kills should land both before and after saves")
        let stored = try w.liveIDs()
        #expect(reported.isSubset(of: stored), "lost: \(reported.subtracting(stored).prefix(5))")
        try SchemaValidationE2E.expectValid(w.sidecar)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: w.tmp.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.count <= 1, "abandoned temporaries are cleaned on the next save: \(leftovers)")
    }

    @Test("pizhu merge-sidecar as a git merge driver: both branches' annotations, valid JSON, no conflict markers")
    func gitMergeDriver() throws {
        let w = try Workspace()
        defer { w.tmp.remove() }
        let git = "cd \(Shell.quote(w.tmp.path)) && git -c user.name=t -c user.email=t@example.com"
        #expect(Shell.run("cd \(Shell.quote(w.tmp.path)) && git init -q -b main && git config merge.pizhu.driver \(Shell.quote("\(Shell.quote(TmuxSession.binary)) merge-sidecar %O %A %B")) && echo '*.pizhu.json merge=pizhu' > .gitattributes").status == 0)
        let base = w.run("annotate doc.txt --range 0:2 --tag 共同")
        #expect(Shell.run("\(git) add -A && \(git) commit -qm base && \(git) checkout -qb other").status == 0)
        let theirs = w.run("annotate doc.txt --range 10:12 --tag 他们")
        #expect(w.run("annotate doc.txt --range 0:2 --note 他们的注").status == 0)
        #expect(Shell.run("\(git) commit -qam theirs && \(git) checkout -q main").status == 0)
        let ours = w.run("annotate doc.txt --range 20:22 --tag 我们")
        #expect(w.run("annotate doc.txt --range 0:2 --color red").status == 0)
        #expect(Shell.run("\(git) commit -qam ours").status == 0)
        let merge = Shell.run("\(git) merge -q other -m merge")
        #expect(merge.status == 0, "\(merge.output)")
        let ids = try w.liveIDs()
        for out in [base, theirs, ours] { #expect(ids.contains(out.output.trimmingCharacters(in: .whitespacesAndNewlines))) }
        #expect(ids.count == 3)
        let shared = (try w.sidecarJSON()["annotations"] as? [[String: Any]])?.first { ($0["tags"] as? [String]) == ["共同"] }
        #expect(shared?["note"] as? String == "他们的注" && shared?["color"] as? String == "red")
        try SchemaValidationE2E.expectValid(w.sidecar)
    }

    @Test("a read-only folder: annotations go to $XDG_DATA_HOME/pizhu/sidecars with a message and are found again")
    func readOnlyFolder() throws {
        let w = try Workspace()
        defer { _ = Shell.run("chattr -i \(Shell.quote(w.tmp.path + "/ro")) 2>/dev/null; chmod 755 \(Shell.quote(w.tmp.path + "/ro")) 2>/dev/null"); w.tmp.remove() }
        try FileManager.default.createDirectory(atPath: w.tmp.path + "/ro", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: w.doc, toPath: w.tmp.path + "/ro/doc.txt")
        // As root, only the immutable attribute makes a folder read-only; otherwise file modes do.
        let locked = Shell.run("chattr +i \(Shell.quote(w.tmp.path + "/ro")) 2>/dev/null || { [ $(id -u) -ne 0 ] && chmod 555 \(Shell.quote(w.tmp.path + "/ro")); }")
        try #require(locked.status == 0, "cannot make a read-only folder here")
        let r = w.run("annotate ro/doc.txt --range 3:5 --tag 只读")
        #expect(r.status == 0, "\(r.output)")
        #expect(r.output.contains("read-only") && r.output.contains("/data/pizhu/sidecars/"))
        #expect(!FileManager.default.fileExists(atPath: w.tmp.path + "/ro/doc.txt.pizhu.json"))
        let listed = w.run("annotations ro/doc.txt")
        #expect(listed.output.contains("#只读"))
    }
}

/// JSON Schema validation of sidecars written by the binary.
enum SchemaValidationE2E {
    static func expectValid(_ file: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let schema = TmuxSession.root + "/Annotations/pizhu-sidecar.schema.json"
        let script = "import json,sys,jsonschema; s=json.load(open(sys.argv[1])); jsonschema.Draft202012Validator(s).validate(json.load(open(sys.argv[2]))); print('valid')"
        let r = Shell.run("python3 -c \(Shell.quote(script)) \(Shell.quote(schema)) \(Shell.quote(file))")
        #expect(r.status == 0 && r.output.contains("valid"), "\(r.output)", sourceLocation: sourceLocation)
    }
}

@Suite("pizhu export and import")
struct ExportCommandEndToEndTests {
    /// A private folder whose lib/ holds copies of seeds, and the prefix that runs pizhu there.
    struct Library {
        let tmp: TemporaryDirectory
        let bin = Shell.quote(TmuxSession.binary)
        var cd: String { "cd \(Shell.quote(tmp.path)) && PIZHU_AUTHOR=t XDG_DATA_HOME=\(Shell.quote(tmp.path + "/data"))" }

        init(_ copies: [(seed: String, name: String)]) throws {
            tmp = try TemporaryDirectory()
            try FileManager.default.createDirectory(atPath: tmp.path + "/lib", withIntermediateDirectories: true)
            for c in copies { try tmp.copySeed(c.seed, as: "lib/" + c.name) }
        }
    }

    @Test("export writes ./Annotations/NAME.FORMAT by default; a corrupt sidecar is skipped with exit 3; json → import → json is identical")
    func exportImport() throws {
        let library = try Library(["001_eb026acd6131a322.txt", "003_49d197ff665d3f42.txt"].map { ($0, $0) })
        let (tmp, bin, cd) = (library.tmp, library.bin, library.cd)
        defer { tmp.remove() }
        #expect(Shell.run("\(cd) \(bin) annotate lib/001_eb026acd6131a322.txt --quote 科学精神 --tag 政策/科技 --note '要点, \"引\"'").status == 0)
        #expect(Shell.run("\(cd) \(bin) annotate lib/003_49d197ff665d3f42.txt --range 5:15 --tag 会议").status == 0)
        for format in ["md", "html", "csv", "json", "w3c", "txt"] {
            #expect(Shell.run("\(cd) \(bin) export --format \(format) lib").status == 0, "\(format)")
        }
        #expect(Shell.run("\(cd) \(bin) export --format brat lib").status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: tmp.path + "/Annotations").sorted()
        #expect(names == ["lib-brat", "lib.csv", "lib.html", "lib.json", "lib.jsonld", "lib.md", "lib.txt"])
        let md = try String(contentsOfFile: tmp.path + "/Annotations/lib.md", encoding: .utf8)
        #expect(md.contains("#政策/科技") && md.contains("**科学精神**"))
        #expect(Shell.run("\(cd) \(bin) export --format md --tag 政策 -o - lib").output.contains("科学精神"))

        // JSON round trip through the sidecars.
        let first = try String(contentsOfFile: tmp.path + "/Annotations/lib.json", encoding: .utf8)
        for seed in ["001_eb026acd6131a322.txt", "003_49d197ff665d3f42.txt"] { try FileManager.default.removeItem(atPath: tmp.path + "/lib/" + seed + ".pizhu.json") }
        #expect(Shell.run("\(cd) \(bin) import Annotations/lib.json").status == 0)
        #expect(Shell.run("\(cd) \(bin) export --format json -o again.json lib").status == 0)
        #expect(try String(contentsOfFile: tmp.path + "/again.json", encoding: .utf8) == first)

        // A corrupt sidecar: reported, skipped, the rest exported, exit status 3.
        try "{ broken".write(toFile: tmp.path + "/lib/003_49d197ff665d3f42.txt.pizhu.json", atomically: false, encoding: .utf8)
        let r = Shell.run("\(cd) \(bin) export --format txt -o - lib")
        #expect(r.status == 3 && r.output.contains("skipped") && r.output.contains("科学精神"))
    }

    @Test("--group-by tag heads each tag's passages; --stamp records the time; more than 20 documents report progress")
    func groupingStampAndProgress() throws {
        let names = (0..<25).map { String(format: "doc%02d.txt", $0) }
        let library = try Library(names.map { ("001_eb026acd6131a322.txt", $0) })
        let (tmp, bin, cd) = (library.tmp, library.bin, library.cd)
        defer { tmp.remove() }
        for (i, name) in names.enumerated() {
            #expect(Shell.run("\(cd) \(bin) annotate lib/\(name) --quote 科学精神 --tag \(i % 2 == 0 ? "甲" : "乙")").status == 0)
        }
        let grouped = Shell.run("\(cd) \(bin) export --format md --group-by tag -o - lib")
        #expect(grouped.status == 0)
        #expect(grouped.output.contains("grouped by tag") && grouped.output.contains("\n## #甲\n") && grouped.output.contains("\n## #乙\n"))
        // Progress goes to standard error, every tenth document.
        let progress = Shell.run("\(cd) \(bin) export --format csv -o out.csv lib 2>&1 >/dev/null")
        #expect(progress.output.contains("exporting 1/25") && progress.output.contains("exporting 21/25"), "\(progress.output)")
        // Without --stamp the same input gives the same bytes; with it, the time is recorded.
        let plain = Shell.run("\(cd) \(bin) export --format md -o - lib").output
        #expect(Shell.run("\(cd) \(bin) export --format md -o - lib").output == plain)
        let stamped = Shell.run("\(cd) \(bin) export --format md --stamp -o - lib").output
        #expect(!plain.contains("Exported at") && stamped.contains("- Exported at 20"))
    }
}
