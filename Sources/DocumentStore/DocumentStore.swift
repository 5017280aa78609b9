import Glibc
import TextCore

/// The per-user document store: reading positions, progress, per-document choices, marks and
/// the jump list, in SQLite under `$XDG_STATE_HOME/pizhu/state.db`.
///
/// A document is found by the SHA-256 of its bytes first (a moved or renamed file keeps its
/// state) and by its path second (an edited file keeps its state). WAL and a busy timeout let
/// two pizhu processes (two SSH logins) write at once. The store never stops the reader: if it
/// cannot be opened, `open` returns a warning instead; a corrupt database is moved aside with a
/// timestamp and a new one started.
public final class DocumentStore {
    /// The schema this build writes; `migrations[n]` takes version n to n+1.
    public static let schemaVersion = 2
    static let migrations: [String] = [
        """
        CREATE TABLE documents(
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            sha256 TEXT NOT NULL DEFAULT '',
            size_bytes INTEGER NOT NULL DEFAULT 0,
            title TEXT NOT NULL DEFAULT '',
            encoding TEXT NOT NULL DEFAULT '',
            encoding_override TEXT,
            view TEXT,
            position INTEGER NOT NULL DEFAULT 0,
            position_quote TEXT NOT NULL DEFAULT '',
            cursor INTEGER NOT NULL DEFAULT 0,
            progress INTEGER NOT NULL DEFAULT 0,
            last_opened INTEGER NOT NULL DEFAULT 0,
            annotation_count INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX documents_sha256 ON documents(sha256);
        CREATE INDEX documents_last_opened ON documents(last_opened);
        CREATE TABLE marks(
            document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            letter TEXT NOT NULL,
            position INTEGER NOT NULL,
            quote TEXT NOT NULL DEFAULT '',
            PRIMARY KEY(document, letter));
        CREATE TABLE jumps(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            path TEXT NOT NULL,
            position INTEGER NOT NULL);
        """,
        // v2: per-document layout settings (`:set`), as `LayoutSettings.text`.
        "ALTER TABLE documents ADD COLUMN settings TEXT;",
    ]
    /// Jump-list entries kept.
    public static let jumpLimit = 100

    public let path: String
    private let db: SQLiteDatabase

    /// Why the store could not be used, or what happened to a damaged one.
    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    /// `$XDG_STATE_HOME/pizhu`, else `~/.local/state/pizhu`.
    public static func defaultFolder() -> String {
        let env = { (name: String) in getenv(name).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } }
        return (env("XDG_STATE_HOME") ?? ((env("HOME") ?? "/tmp") + "/.local/state")) + "/pizhu"
    }

    /// Opens (creating and migrating as needed) the store in `folder`. Returns the store, or nil,
    /// and a line for the user when something was wrong.
    public static func open(folder: String = defaultFolder()) -> (store: DocumentStore?, warning: String?) {
        if let failure = makeFolder(folder) {
            return (nil, "reading positions are not saved: cannot create \(folder): \(failure)")
        }
        let file = folder + "/state.db"
        do {
            return (try DocumentStore(path: file), nil)
        } catch let failure as SQLiteDatabase.Failure where failure.isCorrupt {
            let aside = file + ".corrupt-" + utcStamp()
            rename(file, aside)
            unlink(file + "-wal")
            unlink(file + "-shm")
            do {
                return (try DocumentStore(path: file), "the reading-position store was damaged; moved aside to \(aside) and started anew")
            } catch {
                return (nil, "reading positions are not saved: \(error)")
            }
        } catch {
            return (nil, "reading positions are not saved: \(file): \(error)")
        }
    }

    init(path: String) throws {
        self.path = path
        db = try SQLiteDatabase(path: path)
        try db.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;")
        let version = try db.query("PRAGMA user_version").first?.first?.int ?? 0
        guard version <= Self.schemaVersion else {
            throw Problem(description: "\(path) was written by a newer pizhu (schema \(version)); it is left alone")
        }
        if version < Self.schemaVersion {
            try db.execute("BEGIN IMMEDIATE")
            do {
                // Another process may have migrated meanwhile.
                let now = try db.query("PRAGMA user_version").first?.first?.int ?? 0
                for v in now..<Self.schemaVersion { try db.execute(Self.migrations[v]) }
                try db.execute("PRAGMA user_version = \(Self.schemaVersion); COMMIT")
            } catch {
                try? db.execute("ROLLBACK")
                throw error
            }
        }
    }

    // MARK: Documents

    static let columns = "id, path, sha256, size_bytes, title, encoding, encoding_override, view, position, position_quote, cursor, progress, last_opened, annotation_count, settings"

    /// The state of a document: by content first (moved or renamed), else by path (edited).
    public func state(path: String, sha256: String) -> DocumentState? {
        if !sha256.isEmpty, let row = try? db.query("SELECT \(Self.columns) FROM documents WHERE sha256 = ? ORDER BY path = ? DESC, last_opened DESC LIMIT 1",
                                                    [.text(sha256), .text(path)]).first {
            return Self.state(row)
        }
        return (try? db.query("SELECT \(Self.columns) FROM documents WHERE path = ?", [.text(path)]).first).map(Self.state)
    }

    /// Stores a document's state under its path (a row found by content moves to the new path).
    @discardableResult
    public func save(_ s: DocumentState) -> Bool {
        let values: [SQLiteDatabase.Value] = [.text(s.path), .text(s.sha256), .int(s.sizeBytes), .text(s.title), .text(s.encoding),
                                              s.encodingOverride.map { .text($0) } ?? .null, s.view.map { .text($0) } ?? .null,
                                              .int(s.position), .text(s.positionQuote), .int(s.cursor), .int(s.progress),
                                              .int(s.lastOpened), .int(s.annotationCount), s.settings.map { .text($0) } ?? .null]
        do {
            if s.id != 0 {
                // The same row, perhaps under a new path; a stale row holding that path gives way.
                try db.execute("BEGIN IMMEDIATE")
                try db.query("DELETE FROM documents WHERE path = ? AND id != ?", [.text(s.path), .int(s.id)])
                try db.query("""
                    UPDATE documents SET path = ?, sha256 = ?, size_bytes = ?, title = ?, encoding = ?, encoding_override = ?, view = ?,
                    position = ?, position_quote = ?, cursor = ?, progress = ?, last_opened = ?, annotation_count = ?, settings = ? WHERE id = ?
                    """, values + [.int(s.id)])
                try db.execute("COMMIT")
            } else {
                try db.query("""
                    INSERT INTO documents(path, sha256, size_bytes, title, encoding, encoding_override, view, position, position_quote,
                    cursor, progress, last_opened, annotation_count, settings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256, size_bytes = excluded.size_bytes, title = excluded.title,
                    encoding = excluded.encoding, encoding_override = excluded.encoding_override, view = excluded.view,
                    position = excluded.position, position_quote = excluded.position_quote, cursor = excluded.cursor,
                    progress = excluded.progress, last_opened = excluded.last_opened, annotation_count = excluded.annotation_count,
                    settings = excluded.settings
                    """, values)
            }
            return true
        } catch {
            try? db.execute("ROLLBACK")
            return false
        }
    }

    /// The row id of a document's state, storing a new one if needed.
    public func id(of s: DocumentState) -> Int? {
        if s.id != 0 { return s.id }
        if state(path: s.path, sha256: "") == nil { save(s) }
        return state(path: s.path, sha256: "")?.id
    }

    /// Documents by last opening, newest first.
    public func recent(limit: Int = 100) -> [DocumentState] {
        ((try? db.query("SELECT \(Self.columns) FROM documents WHERE last_opened > 0 ORDER BY last_opened DESC LIMIT ?", [.int(limit)])) ?? [])
            .map(Self.state)
    }

    /// Every stored document, by path.
    public func all() -> [String: DocumentState] {
        let rows = (try? db.query("SELECT \(Self.columns) FROM documents")) ?? []
        return Dictionary(rows.map(Self.state).map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    }

    static func state(_ r: [SQLiteDatabase.Value]) -> DocumentState {
        DocumentState(id: r[0].int ?? 0, path: r[1].text ?? "", sha256: r[2].text ?? "", sizeBytes: r[3].int ?? 0,
                      title: r[4].text ?? "", encoding: r[5].text ?? "", encodingOverride: r[6].text, view: r[7].text,
                      position: r[8].int ?? 0, positionQuote: r[9].text ?? "", cursor: r[10].int ?? 0, progress: r[11].int ?? 0,
                      lastOpened: r[12].int ?? 0, annotationCount: r[13].int ?? 0, settings: r[14].text)
    }

    // MARK: Marks

    public func marks(document id: Int) -> [Mark] {
        ((try? db.query("SELECT letter, position, quote FROM marks WHERE document = ? ORDER BY letter", [.int(id)])) ?? [])
            .map { Mark(letter: $0[0].text ?? "", position: $0[1].int ?? 0, quote: $0[2].text ?? "") }
    }

    @discardableResult
    public func setMark(_ mark: Mark, document id: Int) -> Bool {
        (try? db.query("INSERT INTO marks(document, letter, position, quote) VALUES (?, ?, ?, ?) ON CONFLICT(document, letter) DO UPDATE SET position = excluded.position, quote = excluded.quote",
                       [.int(id), .text(mark.letter), .int(mark.position), .text(mark.quote)])) != nil
    }

    // MARK: The jump list

    public func jumps() -> [Jump] {
        ((try? db.query("SELECT path, position FROM jumps ORDER BY id")) ?? []).map { Jump(path: $0[0].text ?? "", position: $0[1].int ?? 0) }
    }

    /// Appends a jump, keeping the newest `jumpLimit`.
    public func pushJump(_ jump: Jump) {
        _ = try? db.query("INSERT INTO jumps(path, position) VALUES (?, ?)", [.text(jump.path), .int(jump.position)])
        _ = try? db.query("DELETE FROM jumps WHERE id <= (SELECT MAX(id) FROM jumps) - ?", [.int(Self.jumpLimit)])
    }

    // MARK: Helpers

    static func makeFolder(_ folder: String) -> String? {
        if let why = FilePaths.makeFolders(folder, mode: 0o700) { return why }
        return access(folder, W_OK) == 0 ? nil : "the folder is not writable"
    }

    static func utcStamp() -> String {
        var t = time(nil)
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))T\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))Z"
    }
}
