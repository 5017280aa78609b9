/// Where sentences begin and end, for sentence motions and selection.
///
/// A Chinese sentence ends at 。！？ or …… (and ！？ runs), together with the closing quotes
/// and brackets after them (。」 ？” ！）); a Latin one at ! ? or at a full stop followed by a
/// space, a line end or a Han character (so 3.14 does not end one). Text scanned per call is
/// bounded, so a document with no punctuation cannot stall a key press.
public enum SentenceBoundaries {
    static let chineseEnds: Set<Unicode.Scalar> = ["。", "！", "？", "…", "｡", "‼", "⁇", "⁈", "⁉"]
    static let latinEnds: Set<Unicode.Scalar> = [".", "!", "?"]
    static let closers: Set<Unicode.Scalar> = ["”", "’", "」", "』", "）", "》", "〉", "】", "〕", "〗", "\"", "'", ")", "]", "»"]
    /// Scalars scanned at most in either direction.
    public static let scanLimit = 1 << 16

    /// The end of the sentence containing `offset` (just past its terminator and closers).
    public static func end(from offset: Int, in text: TextSource) -> Int {
        var i = max(0, offset)
        let limit = i + scanLimit
        while text.contains(i) && i < limit {
            if let e = terminatorRunEnd(at: i, in: text) { return e }
            i += 1
        }
        return text.contains(i) ? i : max(0, min(i, text.knownCount ?? i))
    }

    /// The start of the sentence after the one containing `offset`, or nil at the end of the text.
    public static func nextStart(after offset: Int, in text: TextSource) -> Int? {
        let s = skipSpace(from: end(from: offset, in: text), in: text)
        return text.contains(s) && s > offset ? s : nil
    }

    /// The start of the sentence containing `offset`.
    public static func start(containing offset: Int, in text: TextSource) -> Int {
        var i = offset - 1
        let limit = max(0, offset - scanLimit)
        while i >= limit {
            // A terminator before `offset` whose sentence ends before it: the next one starts after.
            if isTerminator(i, in: text), let e = terminatorRunEnd(at: runStart(i, in: text), in: text), e <= offset {
                let s = skipSpace(from: e, in: text)
                if s <= offset { return s }
            }
            i -= 1
        }
        return skipSpace(from: limit, in: text) <= offset ? skipSpace(from: limit, in: text) : limit
    }

    /// The sentence holding `offset`, without the spaces after it.
    public static func sentence(containing offset: Int, in text: TextSource) -> Range<Int> {
        let s = start(containing: offset, in: text)
        return s..<max(s, end(from: max(s, offset), in: text))
    }

    /// The first offset of a terminator run that includes `i`.
    private static func runStart(_ i: Int, in text: TextSource) -> Int {
        var s = i
        while s > 0 && isTerminator(s - 1, in: text) { s -= 1 }
        return s
    }

    private static func isTerminator(_ i: Int, in text: TextSource) -> Bool {
        guard text.contains(i) else { return false }
        let c = text.scalar(at: i)
        return chineseEnds.contains(c) || latinEnds.contains(c)
    }

    /// If a sentence ends with the terminator at `i`, the offset just past it and its closers.
    private static func terminatorRunEnd(at i: Int, in text: TextSource) -> Int? {
        let c = text.scalar(at: i)
        guard chineseEnds.contains(c) || latinEnds.contains(c) else { return nil }
        var e = i + 1
        while text.contains(e) && isTerminator(e, in: text) { e += 1 }
        while text.contains(e) && closers.contains(text.scalar(at: e)) { e += 1 }
        if c == "." {
            // A full stop ends a sentence only before a space, a line end, the end of the text
            // or a Han character (Chinese text with half-width punctuation); not in 3.14 or e.g.
            guard !text.contains(e) || text.scalar(at: e).properties.isWhitespace || isHan(text.scalar(at: e)) else { return nil }
        }
        return e
    }

    private static func isHan(_ s: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value) || (0x20000...0x3FFFF).contains(s.value)
    }

    private static func skipSpace(from i: Int, in text: TextSource) -> Int {
        var s = i
        while text.contains(s) && text.scalar(at: s).properties.isWhitespace { s += 1 }
        return s
    }
}
