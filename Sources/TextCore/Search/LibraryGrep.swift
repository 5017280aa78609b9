import CGlibcExtras
import Dispatch
import Glibc
import Synchronization

/// One match found by `pizhu grep` or `:grep`.
public struct GrepHit: Equatable, Sendable {
    public var path: String
    /// Source scalar offsets.
    public var range: Range<Int>
    /// 1-based line and scalar column in the source.
    public var line: Int
    public var column: Int
    /// The text around the match (line breaks as spaces): before, match, after.
    public var before: String
    public var match: String
    public var after: String
}

/// Searches every document of a library, decoded and in the view that suits each (reflow
/// joins and `|` separators apply), in parallel. A literal query first checks that every
/// character of the pattern occurs in a UTF-8 file's bytes, so most files of a large library
/// are rejected without decoding. Files too large to hold as scalars are searched as bytes.
public enum LibraryGrep {
    /// Files at least this large are searched by `ByteSearch` (original view, literal only).
    public static let streamingBytes = 64 << 20
    public static let context = 20

    public struct Report: Sendable {
        public var hits: [GrepHit]
        /// Files that could not be read or decoded, with the reason.
        public var failures: [(path: String, reason: String)]
    }

    public static func search(_ query: SearchQuery, in files: [String], limitPerFile: Int = 10_000) -> Report {
        let results = Mutex<[Int: ([GrepHit], String?)]>([:])
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let outcome = searchFile(files[i], query, limit: limitPerFile)
            results.withLock { $0[i] = outcome }
        }
        var hits: [GrepHit] = []
        var failures: [(String, String)] = []
        results.withLock { all in
            for i in files.indices {
                guard let (h, failure) = all[i] else { continue }
                hits += h
                if let failure { failures.append((files[i], failure)) }
            }
        }
        return Report(hits: hits, failures: failures)
    }

    static func searchFile(_ path: String, _ query: SearchQuery, limit: Int) -> ([GrepHit], String?) {
        var st = stat()
        if stat(path, &st) == 0, Int(st.st_size) >= streamingBytes { return (streamed(path, query, limit: limit), nil) }
        let bytes: [UInt8]
        do {
            bytes = try DocumentLoader.readAll(path)
        } catch {
            return ([], "\(error)")
        }
        let isUTF8 = bytes.withUnsafeBufferPointer { UTF8Validator.isValid($0, allowTruncatedEnd: false) }
        if isUTF8 && !query.isRegex && !query.foldsCase && !mayContain(bytes, query.pattern) { return ([], nil) }
        if isUTF8 && !query.isRegex && query.foldsCase && !mayContain(bytes, String(query.pattern.unicodeScalars.filter { !$0.properties.isAlphabetic || $0.value > 0x24F })) { return ([], nil) }
        let decoded: DecodedText
        do { decoded = try TextDecoder.decode(bytes) } catch { return ([], "\(error)") }
        let views = DocumentViews(text: decoded.text)
        let view = ViewText(structure: views.structure(views.profile.suggestedView))
        guard let ranges = try? TextSearch.matches(query, in: view) else { return ([], nil) }
        return (hits(path, decoded.text.storage, ranges.prefix(limit)), nil)
    }

    /// Every character of the pattern (line breaks and `|` aside) occurs somewhere in the bytes.
    public static func mayContain(_ bytes: [UInt8], _ pattern: String) -> Bool {
        var seen = Set<Unicode.Scalar>()
        for s in pattern.unicodeScalars where seen.insert(s).inserted {
            let needle = Array(String(s).utf8)
            let found = bytes.withUnsafeBytes { b in needle.withUnsafeBytes { n in memmem(b.baseAddress, b.count, n.baseAddress, n.count) != nil } }
            if !found { return false }
        }
        return true
    }

    static func hits(_ path: String, _ text: [Unicode.Scalar], _ ranges: ArraySlice<Range<Int>>) -> [GrepHit] {
        var out: [GrepHit] = []
        var line = 1, lineStart = 0, scanned = 0
        for r in ranges {
            while scanned < r.lowerBound {
                if text[scanned] == "\n" || (text[scanned] == "\r" && (scanned + 1 >= text.count || text[scanned + 1] != "\n")) {
                    line += 1
                    lineStart = scanned + 1
                }
                scanned += 1
            }
            out.append(GrepHit(path: path, range: r, line: line, column: r.lowerBound - lineStart + 1,
                               before: flat(text[max(0, r.lowerBound - context)..<r.lowerBound]),
                               match: flat(text[r]),
                               after: flat(text[r.upperBound..<min(text.count, r.upperBound + context)])))
        }
        return out
    }

    static func streamed(_ path: String, _ query: SearchQuery, limit: Int) -> [GrepHit] {
        guard !query.isRegex, let text = try? UTF8FileText(path: path) else { return [] }
        let search = ByteSearch(path: path, pattern: query.pattern)
        var out: [GrepHit] = []
        var from = 0
        var line = 1, counted = 0
        while out.count < limit, case .found(let byte) = search.find(from: from) {
            line += search.newlines(from: counted, to: byte)
            counted = byte
            let start = text.scalarOffset(ofByte: byte)
            let end = start + query.pattern.unicodeScalars.count
            let lineStart = (text.lastTerminator(before: start) ?? -1) + 1
            out.append(GrepHit(path: path, range: start..<end, line: line, column: start - lineStart + 1,
                               before: flat(ArraySlice(text.scalars(in: max(0, start - context)..<start))),
                               match: query.pattern,
                               after: flat(ArraySlice(text.scalars(in: end..<end + context)))))
            from = byte + max(1, search.pattern.count)
        }
        return out
    }

    static func flat(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        for s in scalars {
            if s == "\n" || s == "\r" || s == "\t" { view.append(" ") } else if let p = Placeholder.text(for: s) { view.append(contentsOf: p.unicodeScalars) } else { view.append(s) }
        }
        return String(view)
    }
}
