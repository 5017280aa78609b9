import Foundation
import Testing
import TmuxDriver
@testable import DocumentStore

@Suite("The document store")
struct DocumentStoreTests {
    @Test("a state saved is found again by path, and by content after a rename")
    func findByPathAndContent() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let (store, warning) = DocumentStore.open(folder: tmp.path + "/state")
        let s = try #require(store)
        #expect(warning == nil)
        #expect(s.save(DocumentState(path: "/a/report.txt", sha256: "abc", position: 120, positionQuote: "会议指出", cursor: 130, progress: 37, lastOpened: 10)))
        let byPath = try #require(s.state(path: "/a/report.txt", sha256: ""))
        #expect(byPath.position == 120 && byPath.positionQuote == "会议指出" && byPath.progress == 37)
        // Renamed: same bytes, new path.
        var moved = try #require(s.state(path: "/b/renamed.txt", sha256: "abc"))
        #expect(moved.position == 120)
        moved.path = "/b/renamed.txt"
        moved.lastOpened = 11
        #expect(s.save(moved))
        #expect(s.state(path: "/a/report.txt", sha256: "")?.id == nil)
        #expect(s.recent().map(\.path) == ["/b/renamed.txt"])
        // Edited: new bytes, same path.
        #expect(s.state(path: "/b/renamed.txt", sha256: "def")?.position == 120)
    }

    @Test("marks and the jump list persist; the jump list keeps the newest 100")
    func marksAndJumps() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let s = try #require(DocumentStore.open(folder: tmp.path).store)
        let id = try #require(s.id(of: DocumentState(path: "/x.txt")))
        s.setMark(Mark(letter: "a", position: 5, quote: "甲"), document: id)
        s.setMark(Mark(letter: "a", position: 9, quote: "乙"), document: id)
        #expect(s.marks(document: id) == [Mark(letter: "a", position: 9, quote: "乙")])
        for i in 0..<150 { s.pushJump(Jump(path: "/x.txt", position: i)) }
        let reopened = try #require(DocumentStore.open(folder: tmp.path).store)
        #expect(reopened.jumps().count == 100 && reopened.jumps().last?.position == 149)
        #expect(reopened.marks(document: id).first?.position == 9)
    }

    @Test("two connections writing at once lose nothing (WAL, busy timeout)")
    func concurrentWriters() async throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let folder = tmp.path
        _ = DocumentStore.open(folder: folder)
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    let s = DocumentStore.open(folder: folder).store!
                    for i in 0..<200 { s.save(DocumentState(path: "/w\(writer)/\(i).txt", position: i, lastOpened: i + 1)) }
                }
            }
        }
        #expect(DocumentStore.open(folder: folder).store?.all().count == 400)
    }

    @Test("a corrupt database is moved aside with a timestamp and a new one started; an unwritable folder gives a warning")
    func damaged() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        try Data(repeating: 0x42, count: 8192).write(to: URL(fileURLWithPath: tmp.path + "/state.db"))
        let (store, warning) = DocumentStore.open(folder: tmp.path)
        #expect(store != nil)
        #expect(warning?.contains("moved aside") == true)
        let names = try FileManager.default.contentsOfDirectory(atPath: tmp.path)
        #expect(names.contains { $0.hasPrefix("state.db.corrupt-") })
        #expect(store?.save(DocumentState(path: "/p")) == true)

        let blocked = tmp.path + "/file-not-folder"
        FileManager.default.createFile(atPath: blocked, contents: Data())
        let (none, why) = DocumentStore.open(folder: blocked + "/pizhu")
        #expect(none == nil && why?.contains("not saved") == true)
    }

    @Test("a store from a newer pizhu is left alone")
    func newer() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        _ = DocumentStore.open(folder: tmp.path)
        #expect(Shell.run("sqlite3 \(Shell.quote(tmp.path + "/state.db")) 'PRAGMA user_version = 9' 2>&1 || python3 -c \"import sqlite3; c=sqlite3.connect('\(tmp.path)/state.db'); c.execute('PRAGMA user_version = 9'); c.commit()\"").status == 0)
        let (store, warning) = DocumentStore.open(folder: tmp.path)
        #expect(store == nil && warning?.contains("newer") == true)
    }
}

@Suite("Store migrations")
struct StoreMigrationTests {
    @Test("a version-1 store is migrated in place to version 2 and keeps its rows; settings are stored per document")
    func migrate() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let file = tmp.path + "/state.db"
        let v1 = DocumentStore.migrations[0].replacingOccurrences(of: "\n", with: " ")
        let script = "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.execute(\"INSERT INTO documents(path, position) VALUES ('/old.txt', 77)\"); c.execute('PRAGMA user_version = 1'); c.commit()"
        #expect(Shell.run("python3 -c \(Shell.quote(script)) \(Shell.quote(file)) \(Shell.quote(v1))").status == 0)
        let s = try #require(DocumentStore.open(folder: tmp.path).store)
        var old = try #require(s.state(path: "/old.txt", sha256: ""))
        #expect(old.position == 77 && old.settings == nil)
        old.settings = "measure=40"
        #expect(s.save(old))
        #expect(s.state(path: "/old.txt", sha256: "")?.settings == "measure=40")
        #expect(Shell.run("python3 -c \"import sqlite3; print(sqlite3.connect('\(file)').execute('PRAGMA user_version').fetchone()[0])\"").output.hasPrefix("2"))
    }
}
