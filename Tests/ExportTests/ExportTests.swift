import AnnotationCore
import Export
import Foundation
import Testing
import TextCore
import TmuxDriver

@Suite("Exports", .serialized)
struct ExportTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden").path

    /// The outputs, with the fixture's private folder written as `$FIXTURE` (JSON records paths).
    func render(_ format: ExportFormat, _ options: ExportOptions = ExportOptions()) throws -> [(name: String, bytes: [UInt8])] {
        let fixture = try ExportFixture()
        defer { fixture.remove() }
        return format.render(try fixture.documents(options), title: "fixture", options: options).map { output in
            (output.name, Array(String(decoding: output.bytes, as: UTF8.self).replacingOccurrences(of: fixture.folder, with: "$FIXTURE").utf8))
        }
    }

    @Test("every format matches its golden file byte for byte (PIZHU_UPDATE_GOLDEN=1 rewrites them)", arguments: ExportFormat.allCases)
    func goldenFiles(format: ExportFormat) throws {
        var options = ExportOptions()
        options.fullText = format == .html
        for output in try render(format, options) {
            let path = Self.golden + "/\(format.rawValue)/" + output.name
            if ProcessInfo.processInfo.environment["PIZHU_UPDATE_GOLDEN"] == "1" {
                try FileManager.default.createDirectory(atPath: Self.golden + "/\(format.rawValue)", withIntermediateDirectories: true)
                FileManager.default.createFile(atPath: path, contents: Data(output.bytes))
                continue
            }
            let expected = try #require(FileManager.default.contents(atPath: path), "no golden file \(path)")
            #expect(Array(expected) == output.bytes, "\(path) differs")
        }
    }

    @Test("the same input gives the same bytes; --stamp is the only source of change")
    func deterministic() throws {
        for format in ExportFormat.allCases {
            #expect(try render(format).map(\.bytes) == (try render(format).map(\.bytes)))
        }
    }

    @Test("CSV: a BOM, a header, one row per annotation × tag; commas, quotes and line breaks survive a real CSV parser")
    func csvRoundTrip() throws {
        let fixture = try ExportFixture()
        defer { fixture.remove() }
        let bytes = ExportFormat.csv.render(try fixture.documents(), title: "f", options: ExportOptions())[0].bytes
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let file = fixture.tmp.path + "/out.csv"
        FileManager.default.createFile(atPath: file, contents: Data(bytes))
        let script = """
        import csv, json, sys
        rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8-sig', newline='')))
        print(json.dumps(rows, ensure_ascii=False))
        """
        let r = Shell.run("python3 -c \(Shell.quote(script)) \(Shell.quote(file))")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.output.utf8)) as? [[String: String]])
        #expect(rows.count == 7, "6 annotations, one with two tags: \(rows.count)")
        let first = try #require(rows.first { $0["id"] == "019a0000-0000-7000-8000-000000000001" && $0["tag"] == "方法/抽样" })
        #expect(first["note"] == "注意：\"样本\", 是否足够？\n第二行")
        #expect(first["tag_level_1"] == "方法" && first["tag_level_2"] == "抽样")
        #expect(first["quote"] == "阅读习惯😀，课题组")
        #expect(rows.contains { $0["quote"] == "方法\r\n\r\n　　问卷" }, "CRLFs inside a quote survive")
        var perAnnotation = ExportOptions()
        perAnnotation.oneRowPerAnnotation = true
        let single = String(decoding: ExportFormat.csv.render(try fixture.documents(perAnnotation), title: "f", options: perAnnotation)[0].bytes, as: UTF8.self)
        #expect(single.contains("方法/抽样;重点"))
    }

    @Test("JSON: export → import into fresh copies → export is byte-identical")
    func jsonRoundTrip() throws {
        let fixture = try ExportFixture()
        defer { fixture.remove() }
        let first = ExportFormat.json.render(try fixture.documents(), title: "f", options: ExportOptions())[0].bytes
        let imported = try JSONExport.read(first)
        #expect(imported.count == 3)
        // Wipe the sidecars, then import.
        for d in imported { try FileManager.default.removeItem(atPath: d.path + ".pizhu.json") }
        let locator = SidecarLocator(fallbackFolder: fixture.tmp.path + "/fallback")
        for d in imported {
            let annotated = try AnnotatedDocument.open(path: d.path, locator: locator)
            annotated.merge(d.sidecar)
            try annotated.save(user: "import")
        }
        let second = ExportFormat.json.render(try fixture.documents(), title: "f", options: ExportOptions())[0].bytes
        #expect(second == first)
    }

    @Test("W3C: an AnnotationCollection whose items have the recommendation's required fields")
    func w3c() throws {
        let bytes = try render(.w3c)[0].bytes
        let root = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(root["@context"] as? String == "http://www.w3.org/ns/anno.jsonld" && root["type"] as? String == "AnnotationCollection")
        let items = try #require((root["first"] as? [String: Any])?["items"] as? [[String: Any]])
        #expect(items.count == 6 && root["total"] as? Int == 6)
        for item in items {
            #expect((item["id"] as? String)?.hasPrefix("urn:uuid:") == true && item["type"] as? String == "Annotation")
            let target = try #require(item["target"] as? [String: Any])
            let selectors = try #require(target["selector"] as? [[String: Any]])
            #expect(Set(selectors.compactMap { $0["type"] as? String }) == ["TextPositionSelector", "TextQuoteSelector"])
            #expect(item["created"] != nil && item["modified"] != nil && item["creator"] != nil)
        }
        let tagging = items.flatMap { ($0["body"] as? [[String: Any]]) ?? [] }.filter { $0["purpose"] as? String == "tagging" }
        #expect(tagging.contains { $0["value"] as? String == "方法/抽样" })
    }

    @Test("brat: the span text of every T line equals the .txt slice at its code-point offsets")
    func bratOffsets() throws {
        let files = try render(.brat)
        let byName = Dictionary(files.map { ($0.name, $0.bytes) }, uniquingKeysWith: { a, _ in a })
        #expect(byName["annotation.conf"] != nil && byName["visual.conf"] != nil)
        var checked = 0
        for (name, bytes) in byName where name.hasSuffix(".ann") {
            let text = Array(String(decoding: byName[String(name.dropLast(4)) + ".txt"]!, as: UTF8.self).unicodeScalars)
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where line.hasPrefix("T") {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                let spans = fields[1].split(separator: " ", maxSplits: 1)[1].split(separator: ";").map { $0.split(separator: " ").map { Int($0)! } }
                let expected = spans.map { TextTarget.string(text[$0[0]..<$0[1]]) }.joined(separator: " ")
                #expect(String(fields[2]) == expected, "\(line)")
                checked += 1
            }
        }
        #expect(checked == 7)
    }

    @Test("filters: a parent tag includes its children; colour and orphans")
    func filters() throws {
        var options = ExportOptions()
        options.tags = ["方法"]
        let md = String(decoding: try render(.md, options)[0].bytes, as: UTF8.self)
        #expect(md.contains("#方法/抽样") && md.contains("#方法/录入") && !md.contains("#结论"))
        var colour = ExportOptions()
        colour.color = "pink"
        #expect(try render(.txt, colour)[0].bytes.count < (try render(.txt)[0].bytes.count))
    }

    @Test("HTML opened in headless Chromium: the text renders, <script> in a note stays text, and a screenshot is taken")
    func htmlInBrowser() throws {
        let chromium = ["chromium", "chromium-browser", "google-chrome"].first { Shell.run("command -v \($0)").status == 0 }
        try #require(chromium != nil, "Chromium is needed (.ci/run installs it)")
        let fixture = try ExportFixture()
        defer { fixture.remove() }
        var options = ExportOptions()
        options.fullText = true
        let html = ExportFormat.html.render(try fixture.documents(options), title: "fixture", options: options)[0].bytes
        let file = fixture.tmp.path + "/report.html"
        FileManager.default.createFile(atPath: file, contents: Data(html))
        let flags = "--headless --no-sandbox --disable-gpu --user-data-dir=\(Shell.quote(fixture.tmp.path + "/chrome"))"
        let dom = Shell.run("timeout 120 \(chromium!) \(flags) --dump-dom file://\(file) 2>/dev/null").output
        #expect(dom.contains("阅读习惯😀，课题组"))
        #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the note's <script> is text")
        #expect(!dom.contains("<script>alert(1)</script>"))
        #expect(dom.contains("全文"), "--full-text adds the whole text")
        let shot = fixture.tmp.path + "/shot.png"
        _ = Shell.run("timeout 120 \(chromium!) \(flags) --window-size=1000,1400 --screenshot=\(Shell.quote(shot)) file://\(file) 2>/dev/null")
        let png = try #require(FileManager.default.contents(atPath: shot))
        #expect(png.count > 10_000 && png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }
}
