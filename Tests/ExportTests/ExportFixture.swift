import AnnotationCore
import Export
import Foundation
import TextCore
import TmuxDriver

/// A fixed fixture for the exports: three documents (UTF-8 with an emoji and a CJK Extension B
/// character, CRLF, GB18030) whose sidecars are written with fixed ids and times, holding
/// overlapping annotations, hierarchical tags, and Chinese notes with quotes, commas and
/// line breaks.
struct ExportFixture {
    let tmp: TemporaryDirectory
    var folder: String { tmp.path + "/docs" }

    static let utf8Text = "第一章 总则\n\n　　为了解城市居民的阅读习惯😀，课题组设计了结构化问卷𠀀。本研究采用分层随机抽样方法。\n"
    static let crlfText = "一、方法\r\n\r\n　　问卷回收后由两名研究人员独立录入，并对不一致之处逐条核对。\r\n"
    static let gbText = "（一）结论\n\n　　城乡之间的阅读习惯差异更为明显。\n"

    init() throws {
        tmp = try TemporaryDirectory("pizhu-export")
        try FileManager.default.createDirectory(atPath: tmp.path + "/docs", withIntermediateDirectories: true)
        try write("a-utf8.txt", Self.utf8Text, annotations: [
            ("019a0000-0000-7000-8000-000000000001", "阅读习惯😀，课题组", ["方法/抽样", "重点"], "yellow", "注意：\"样本\", 是否足够？\n第二行"),
            ("019a0000-0000-7000-8000-000000000002", "课题组", ["方法"], "blue", nil),
            ("019a0000-0000-7000-8000-000000000003", "结构化问卷𠀀", [], "green", "<script>alert(1)</script> & 引号“”"),
        ])
        try write("b-crlf.txt", Self.crlfText, annotations: [
            ("019a0000-0000-7000-8000-000000000004", "方法\r\n\r\n　　问卷", ["方法/录入"], nil, "跨行"),
            ("019a0000-0000-7000-8000-000000000005", "逐条核对", ["方法"], "pink", nil),
        ])
        let gbPath = folder + "/c-gb18030.txt"
        try Self.gbText.write(toFile: gbPath + ".utf8", atomically: false, encoding: .utf8)
        _ = Shell.run("iconv -f UTF-8 -t GB18030 \(Shell.quote(gbPath + ".utf8")) > \(Shell.quote(gbPath)) && rm \(Shell.quote(gbPath + ".utf8"))")
        try sidecar(for: gbPath, text: Self.gbText, encoding: "gb18030", annotations: [
            ("019a0000-0000-7000-8000-000000000006", "阅读习惯差异", ["结论"], "orange", "GB18030 源文件"),
        ])
    }

    func remove() { tmp.remove() }

    private func write(_ name: String, _ text: String, annotations: [(String, String, [String], String?, String?)]) throws {
        let path = folder + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        try sidecar(for: path, text: text, encoding: "utf-8", annotations: annotations)
    }

    private func sidecar(for path: String, text: String, encoding: String, annotations: [(String, String, [String], String?, String?)]) throws {
        let scalars = Array(text.unicodeScalars)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        var sidecar = Sidecar(document: DocumentRecord(filename: (path as NSString).lastPathComponent, sha256: SHA256.hex(bytes),
                                                       sizeBytes: bytes.count, encoding: encoding, bom: false,
                                                       newline: DocumentRecord.newlineStyle(of: scalars), lengthScalars: scalars.count))
        for (id, quote, tags, colour, note) in annotations {
            let start = Anchorer(text: scalars).occurrences(of: Array(quote.unicodeScalars))[0]
            sidecar.annotations.append(Annotation(id: id, target: TextTarget(range: start..<start + quote.unicodeScalars.count, in: scalars),
                                                  color: colour, tags: tags, note: note, creator: "alice", created: "2026-03-01T02:11:40Z"))
            sidecar.registerTags(tags, at: "2026-03-01T02:00:00Z")
        }
        try SidecarEncoder.encode(sidecar).write(toFile: path + ".pizhu.json", atomically: false, encoding: .utf8)
    }

    /// The fixture's documents, opened and prepared as `pizhu export` does.
    func documents(_ options: ExportOptions = ExportOptions()) throws -> [ExportDocument] {
        let locator = SidecarLocator(fallbackFolder: tmp.path + "/fallback")
        return try ["a-utf8.txt", "b-crlf.txt", "c-gb18030.txt"].map {
            ExportDocument(annotated: try AnnotatedDocument.open(path: folder + "/" + $0, locator: locator), options: options)
        }
    }
}
