import CSQLite
import Glibc

/// A thin, safe wrapper over one SQLite connection: statements with bound values, rows as
/// arrays of values, errors with SQLite's own message.
final class SQLiteDatabase {
    enum Value: Equatable {
        case null
        case int(Int)
        case text(String)

        var int: Int? { if case .int(let i) = self { return i } else { return nil } }
        var text: String? { if case .text(let s) = self { return s } else { return nil } }
    }

    struct Failure: Error, CustomStringConvertible {
        var code: Int32
        var message: String
        var description: String { message }
        /// The file is not a database, or is damaged.
        var isCorrupt: Bool { code == SQLITE_CORRUPT || code == SQLITE_NOTADB }
    }

    private var handle: OpaquePointer?

    init(path: String, readOnly: Bool = false) throws {
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_FULLMUTEX
        let rc = sqlite3_open_v2(path, &handle, flags, nil)
        guard rc == SQLITE_OK else {
            let failure = Failure(code: rc, message: handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open \(path)")
            sqlite3_close(handle)
            handle = nil
            throw failure
        }
        sqlite3_busy_timeout(handle, 5000)
    }

    deinit { sqlite3_close(handle) }

    /// Runs one or more statements without results.
    func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &error)
        if rc != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? "SQLite error \(rc)"
            sqlite3_free(error)
            throw Failure(code: rc, message: message)
        }
    }

    /// Runs a statement with bound values and returns its rows.
    @discardableResult
    func query(_ sql: String, _ values: [Value] = []) throws -> [[Value]] {
        var statement: OpaquePointer?
        var rc = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard rc == SQLITE_OK else { throw failure(rc) }
        defer { sqlite3_finalize(statement) }
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            switch value {
            case .null: sqlite3_bind_null(statement, index)
            case .int(let n): sqlite3_bind_int64(statement, index, sqlite3_int64(n))
            case .text(let s): sqlite3_bind_text(statement, index, s, -1, csqlite_transient())
            }
        }
        var rows: [[Value]] = []
        while true {
            rc = sqlite3_step(statement)
            if rc == SQLITE_DONE { return rows }
            guard rc == SQLITE_ROW else { throw failure(rc) }
            var row: [Value] = []
            for c in 0..<sqlite3_column_count(statement) {
                switch sqlite3_column_type(statement, c) {
                case SQLITE_INTEGER: row.append(.int(Int(sqlite3_column_int64(statement, c))))
                case SQLITE_NULL: row.append(.null)
                default: row.append(.text(sqlite3_column_text(statement, c).map { String(cString: $0) } ?? ""))
                }
            }
            rows.append(row)
        }
    }

    private func failure(_ rc: Int32) -> Failure {
        Failure(code: rc, message: String(cString: sqlite3_errmsg(handle)))
    }
}
