import CGlibcExtras
import Dispatch
import Glibc

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
        let results = Locked<[Int: ([GrepHit], String?)]>([:])
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
        // UTF-8 judged from the first 64 KiB, as the loader does for large files; a legacy
        // encoding fails there and goes straight to decoding.
        let isUTF8 = bytes.withUnsafeBufferPointer {
            UTF8Validator.isValid(UnsafeBufferPointer(rebasing: $0.prefix(EncodingDetector.sampleSize)), allowTruncatedEnd: true)
        } && ByteOrderMark.sniff(bytes).map { $0.name == "UTF-8" } ?? true
        if isUTF8 && !query.isRegex && !mayMatch(bytes, query) { return ([], nil) }
        let decoded: DecodedText
        do { decoded = try TextDecoder.decode(bytes) } catch { return ([], "\(error)") }
        let views = DocumentViews(text: decoded.text)
        let structure = views.structure(views.profile.suggestedView)
        // A literal query looks only around the places its squeezed form occurs.
        let view = query.isRegex ? ViewText(structure: structure)
                                 : ViewText(structure: structure, around: candidates(decoded.text.storage, query))
        guard let ranges = try? TextSearch.matches(query, in: view) else { return ([], nil) }
        let unique = Array(Set(ranges)).sorted { $0.lowerBound < $1.lowerBound }
        return (hits(path, decoded.text.storage, unique.prefix(limit)), nil)
    }

    /// A necessary condition for a literal match in any view of a UTF-8 file: with line breaks,
    /// spaces, tabs, `|` and full-width spaces taken out of both, the file contains the pattern
    /// (folded to lower case when the query folds). Reflow and segmentation only ever remove
    /// such characters between the pattern's own (a match across a hidden page-number line is
    /// the exception this misses).
    public static func mayMatch(_ bytes: [UInt8], _ query: SearchQuery) -> Bool {
        let cased = query.foldsCase && query.pattern.unicodeScalars.contains { $0.properties.changesWhenCaseMapped }
        // Non-ASCII letters with case: only check that each character occurs, in lower case.
        if cased && query.pattern.unicodeScalars.contains(where: { $0.value > 0x7F && $0.properties.changesWhenCaseMapped }) {
            return mayContain(bytes, query.pattern.lowercased())
        }
        let pattern = squeezed(Array(query.pattern.utf8), lower: cased)
        guard !pattern.isEmpty else { return false }
        // Cheap first: without case to fold, every character of the pattern must occur as is.
        if !cased && !mayContain(bytes, String(decoding: pattern, as: UTF8.self)) { return false }
        let text = squeezed(bytes, lower: cased)
        return text.withUnsafeBytes { t in pattern.withUnsafeBytes { p in memmem(t.baseAddress, t.count, p.baseAddress, p.count) != nil } }
    }

    @inline(__always) static func asciiLower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }

    /// The bytes without LF, CR, space, tab, `|` and U+3000 (E3 80 80), ASCII lower-cased if `lower`.
    static func squeezed(_ bytes: [UInt8], lower: Bool) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: bytes.count)
        var n = 0
        bytes.withUnsafeBufferPointer { b in
            out.withUnsafeMutableBufferPointer { o in
                var i = 0
                let count = b.count
                while i < count {
                    let c = b[i]
                    if c == 0x0A || c == 0x0D || c == 0x20 || c == 0x09 || c == 0x7C { i += 1; continue }
                    if c == 0xE3 && i + 2 < count && b[i + 1] == 0x80 && b[i + 2] == 0x80 { i += 3; continue }
                    o[n] = c
                    n += 1
                    i += 1
                }
            }
        }
        out.removeSubrange(n...)
        if lower { for i in out.indices where out[i] >= 0x41 && out[i] <= 0x5A { out[i] += 0x20 } }
        return out
    }

    /// Offsets where the pattern could start, found in the text with line breaks, spaces, `|`
    /// and full-width spaces taken out (as `mayMatch` does on bytes).
    static func candidates(_ text: [Unicode.Scalar], _ query: SearchQuery) -> [Int] {
        let skip: (Unicode.Scalar) -> Bool = { $0 == "\n" || $0 == "\r" || $0 == " " || $0 == "\t" || $0 == "|" || $0 == "\u{3000}" }
        let folds = query.foldsCase
        let fold: (Unicode.Scalar) -> Unicode.Scalar = { folds ? TextSearch.fold($0) : $0 }
        let pattern: [Unicode.Scalar] = query.pattern.unicodeScalars.filter { !skip($0) }.map { fold($0) }
        guard let first = pattern.first else { return [] }
        var squeezed: [Unicode.Scalar] = []
        var origin: [Int] = []
        squeezed.reserveCapacity(text.count)
        origin.reserveCapacity(text.count)
        for (i, s) in text.enumerated() where !skip(s) {
            squeezed.append(fold(s))
            origin.append(i)
        }
        var out: [Int] = []
        var i = 0
        while i + pattern.count <= squeezed.count {
            if squeezed[i] == first && squeezed[i..<i + pattern.count].elementsEqual(pattern) { out.append(origin[i]) }
            i += 1
        }
        return out
    }

    /// Every character of the pattern occurs somewhere in the bytes.
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
