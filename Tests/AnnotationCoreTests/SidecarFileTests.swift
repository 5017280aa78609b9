import Foundation
import Testing
import TmuxDriver
@testable import AnnotationCore

/// Saving, loading and refusing, on real files in a private folder.
@Suite("Sidecar files on disk")
struct SidecarFileTests {
    static let text = "一、调查方法\n　　为了解城市居民的阅读习惯，课题组设计了结构化问卷。\n"

    func document(in dir: String, _ contents: String = text, name: String = "report.txt") throws -> (String, SidecarLocator) {
        let path = dir + "/" + name
        try contents.write(toFile: path, atomically: false, encoding: .utf8)
        return (path, SidecarLocator(fallbackFolder: dir + "/data/pizhu/sidecars"))
    }

    @Test("annotate, save and open again: the same annotations; the file validates against the JSON Schema")
    func roundTrip() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let (path, locator) = try document(in: tmp.path)
        let doc = try AnnotatedDocument.open(path: path, locator: locator)
        let r = doc.occurrences(of: "阅读习惯")[0]
        let (a, created) = doc.annotate(range: r..<r + 4, tags: ["方法/抽样"], color: "yellow", note: "样本？", author: "alice")
        #expect(created)
        try doc.save(user: "alice")
        #expect(FileManager.default.fileExists(atPath: path + ".pizhu.json"))

        let again = try AnnotatedDocument.open(path: path, locator: locator)
        #expect(again.annotations.count == 1)
        #expect(again.annotations[0].id == a.id && again.annotations[0].note == "样本？")
        #expect(again.sidecar.revision == 1)
        #expect(again.sidecar.tags.map(\.name) == ["方法/抽样"])
        try SchemaValidation.expectValid(path + ".pizhu.json")
    }

    @Test("annotating the same range again edits that annotation instead of stacking a duplicate")
    func sameRange() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let (path, locator) = try document(in: tmp.path)
        let doc = try AnnotatedDocument.open(path: path, locator: locator)
        let first = doc.annotate(range: 0..<6, tags: ["a"], author: "alice")
        let second = doc.annotate(range: 0..<6, tags: ["b"], note: "n", author: "alice")
        #expect(!second.created && second.annotation.id == first.annotation.id)
        #expect(doc.annotations.count == 1 && doc.annotations[0].tags == ["a", "b"])
    }

    @Test("a GB18030 source: offsets count decoded scalars and the sidecar records the encoding")
    func gb18030() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let path = tmp.path + "/gb.txt"
        try Self.text.write(toFile: path + ".utf8", atomically: false, encoding: .utf8)
        #expect(Shell.run("iconv -f UTF-8 -t GB18030 \(Shell.quote(path + ".utf8")) > \(Shell.quote(path))").status == 0)
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(bytes.count < Self.text.utf8.count)
        let locator = SidecarLocator(fallbackFolder: tmp.path + "/fb")
        let doc = try AnnotatedDocument.open(path: path, locator: locator)
        #expect(doc.record.encoding == "gb18030")
        #expect(doc.occurrences(of: "阅读习惯") == [Array(Self.text.unicodeScalars).firstIndex(of: "阅")!])
        let r = doc.occurrences(of: "阅读习惯")[0]
        doc.annotate(range: r..<r + 4, author: "a")
        try doc.save(user: "a")
        let again = try AnnotatedDocument.open(path: path, locator: locator)
        #expect(again.annotations[0].target?.exact == "阅读习惯")
        #expect(again.sidecar.document.sizeBytes == bytes.count)
    }

    @Test("the source edited between sessions: annotations re-anchor and the next save records the new hash")
    func editedSource() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let (path, locator) = try document(in: tmp.path)
        let doc = try AnnotatedDocument.open(path: path, locator: locator)
        let r = doc.occurrences(of: "结构化问卷")[0]
        doc.annotate(range: r..<r + 5, author: "a")
        try doc.save(user: "a")
        try ("前言\n" + Self.text).write(toFile: path, atomically: false, encoding: .utf8)
        let edited = try AnnotatedDocument.open(path: path, locator: locator)
        #expect(edited.annotations[0].anchor.status == .moved)
        #expect(edited.annotations[0].target?.start == r + 3)
        try edited.save(user: "a")
        let saved = try SidecarFile(path: path + ".pizhu.json").read()!
        #expect(saved.document.sha256 == edited.record.sha256)
        #expect(saved.live[0].target?.start == r + 3)
    }

    @Test("the file mode of an existing sidecar is kept")
    func mode() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let (path, locator) = try document(in: tmp.path)
        let doc = try AnnotatedDocument.open(path: path, locator: locator)
        doc.annotate(range: 0..<2, author: "a")
        try doc.save(user: "a")
        chmod(path + ".pizhu.json", 0o640)
        doc.annotate(range: 2..<4, author: "a")
        try doc.save(user: "a")
        var st = stat()
        stat(path + ".pizhu.json", &st)
        #expect(st.st_mode & 0o777 == 0o640)
    }

    @Test("a corrupt sidecar is refused, named, and never overwritten", arguments: [
        "{ \"format\": \"pizhu-sidecar\", \"schema_version\": 1, ", // truncated
        "{\"format\": \"pizhu-sidecar\", \"schema_version\": 7, \"document\": {}}", // newer
        "not json at all",
    ])
    func refused(contents: String) throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let (path, locator) = try document(in: tmp.path)
        try contents.write(toFile: path + ".pizhu.json", atomically: false, encoding: .utf8)
        do {
            _ = try AnnotatedDocument.open(path: path, locator: locator)
            Issue.record("opened a document whose sidecar is unusable")
        } catch {
            guard case .sidecar(.unusable(let file, _)) = error else { Issue.record("wrong error \(error)"); return }
            #expect(file.hasSuffix("report.txt.pizhu.json"))
            #expect(error.description.contains("will not overwrite"))
        }
        // A save attempted through another route stops too.
        var sidecar = Sidecar(document: Fixtures.record(Self.text))
        sidecar.annotations = [Fixtures.annotation("x", 0..<2, in: Self.text)]
        #expect(throws: SidecarFileError.self) { try SidecarFile(path: path + ".pizhu.json").commit(base: nil, ours: sidecar, user: "u", host: "h") }
        #expect(try String(contentsOfFile: path + ".pizhu.json", encoding: .utf8) == contents)
    }

    @Test("a read-only folder: the sidecar goes to the data folder by hash, with a notice, and is found again")
    func readOnlyFolder() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let (path, writable) = try document(in: tmp.path)
        let folder = tmp.path
        let locator = SidecarLocator(fallbackFolder: writable.fallbackFolder, isWritable: { !$0.hasPrefix(folder + "/report") && $0 != folder })
        let doc = try AnnotatedDocument.open(path: path, locator: locator)
        #expect(doc.location.isFallback)
        #expect(doc.location.notice?.contains("read-only") == true)
        doc.annotate(range: 0..<2, tags: ["t"], author: "a")
        try doc.save(user: "a")
        #expect(!FileManager.default.fileExists(atPath: path + ".pizhu.json"))
        #expect(FileManager.default.fileExists(atPath: writable.fallbackFolder + "/" + doc.record.sha256 + ".pizhu.json"))
        #expect(try AnnotatedDocument.open(path: path, locator: locator).annotations.count == 1)
        // Edited (new hash): still found, by the source path it recorded.
        try ("补充\n" + Self.text).write(toFile: path, atomically: false, encoding: .utf8)
        let edited = try AnnotatedDocument.open(path: path, locator: locator)
        #expect(edited.annotations.count == 1 && edited.annotations[0].anchor.status == .moved)
    }

    @Test("a symlinked sidecar stays a symlink after a save")
    func symlink() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let (path, locator) = try document(in: tmp.path)
        try FileManager.default.createDirectory(atPath: tmp.path + "/real", withIntermediateDirectories: true)
        let doc = try AnnotatedDocument.open(path: path, locator: locator)
        doc.annotate(range: 0..<2, author: "a")
        try doc.save(user: "a")
        try FileManager.default.moveItem(atPath: path + ".pizhu.json", toPath: tmp.path + "/real/s.json")
        try FileManager.default.createSymbolicLink(atPath: path + ".pizhu.json", withDestinationPath: tmp.path + "/real/s.json")
        let again = try AnnotatedDocument.open(path: path, locator: locator)
        again.annotate(range: 2..<4, author: "a")
        try again.save(user: "a")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: path + ".pizhu.json")) != nil)
        #expect(try SidecarFile(path: tmp.path + "/real/s.json").read()?.live.count == 2)
    }

    @Test("two writers in one process, each from its own base: a merge keeps both sets")
    func staleBase() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let (path, locator) = try document(in: tmp.path)
        let one = try AnnotatedDocument.open(path: path, locator: locator)
        let two = try AnnotatedDocument.open(path: path, locator: locator)
        one.annotate(range: 0..<2, author: "a")
        two.annotate(range: 2..<4, author: "b")
        try one.save(user: "a")
        try two.save(user: "b")
        #expect(two.annotations.count == 2)
        let keptID = try #require(two.annotations.first { $0.creator == "b" }).id
        #expect(one.delete(id: one.annotations[0].id, author: "a"))
        try one.save(user: "a")
        let final = try SidecarFile(path: path + ".pizhu.json").read()!
        #expect(final.live.count == 1 && final.live[0].id == keptID)
        #expect(final.revision == 3)
    }
}

/// Validates a file against `Annotations/pizhu-sidecar.schema.json` with Python's `jsonschema`.
enum SchemaValidation {
    static let schema = TmuxSession.root + "/Annotations/pizhu-sidecar.schema.json"

    static func expectValid(_ file: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let script = "import json,sys,jsonschema; s=json.load(open(sys.argv[1])); jsonschema.Draft202012Validator.check_schema(s); "
            + "jsonschema.Draft202012Validator(s).validate(json.load(open(sys.argv[2]))); print('valid')"
        let r = Shell.run("python3 -c \(Shell.quote(script)) \(Shell.quote(schema)) \(Shell.quote(file))")
        #expect(r.status == 0 && r.output.contains("valid"), "\(r.output)", sourceLocation: sourceLocation)
    }
}
