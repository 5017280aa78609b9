/// Finds the hard lines of a text around any offset, without indexing the whole text.
///
/// A line ends at LF, CR, CRLF or a form feed (a page break); the terminator belongs to the
/// line it ends. A final terminator does not start an empty last line.
public final class LineIndex {
    public let text: TextSource
    private var cache: [Int: Line] = [:]

    /// A hard line: content up to `contentEnd`, then its terminator up to `next`.
    public struct Line: Equatable, Sendable {
        public var start: Int
        public var contentEnd: Int
        public var next: Int
        public var content: Range<Int> { start..<contentEnd }
        public var isEmpty: Bool { start == contentEnd }
    }

    public init(text: TextSource) { self.text = text }

    /// The line holding `offset` (0 ≤ offset < count).
    public func line(containing offset: Int) -> Line {
        line(startingAt: start(ofLineContaining: offset))
    }

    /// Where the line holding `offset` starts (looking backwards only).
    public func start(ofLineContaining offset: Int) -> Int {
        start(ofLineContaining: offset, notBefore: 0)!
    }

    /// Where the line holding `offset` starts if that is at or after `limit`, else nil (the
    /// line began earlier): how far back a huge single line is read stays bounded.
    public func start(ofLineContaining offset: Int, notBefore limit: Int) -> Int? {
        let floor = max(0, limit - 1)   // a terminator at limit - 1 starts a line at limit
        func after(_ terminator: Int?) -> Int? { terminator.map { $0 + 1 } ?? (limit <= 0 ? 0 : nil) }
        guard let t = text.lastTerminator(before: offset, notBefore: floor) else { return after(nil) }
        if t == offset - 1 && text.scalar(at: t) == "\r" && text.contains(offset) && text.scalar(at: offset) == "\n" {
            // The LF of a CRLF belongs to the line its CR ends.
            return after(text.lastTerminator(before: t, notBefore: floor))
        }
        return t + 1
    }

    /// The line that starts at `start` (a known line start).
    public func line(startingAt start: Int) -> Line {
        line(startingAt: start, endingBefore: Int.max)!
    }

    /// The line that starts at `start` if its content ends before `limit`, else nil: how much
    /// of a huge single line is read stays bounded.
    public func line(startingAt start: Int, endingBefore limit: Int) -> Line? {
        if let cached = cache[start] { return cached.contentEnd < limit || limit == Int.max ? cached : nil }
        guard let (end, next) = end(ofLineFrom: start, before: limit) else { return nil }
        let line = Line(start: start, contentEnd: end, next: next)
        if cache.count >= 8192 { cache.removeAll(keepingCapacity: true) }
        cache[start] = line
        return line
    }

    /// Where the line that `position` is in (at or after its start) ends — its content end and
    /// the next line's start — if its terminator is before `limit` or the text ends first; else nil.
    public func end(ofLineFrom position: Int, before limit: Int) -> (contentEnd: Int, next: Int)? {
        let end: Int
        if let t = text.firstTerminator(from: position, before: limit) {
            end = t
        } else if limit == Int.max || !text.contains(limit - 1) {
            end = text.count
        } else {
            return nil
        }
        var next = end
        if text.contains(next) {
            next += (text.scalar(at: next) == "\r" && text.contains(next + 1) && text.scalar(at: next + 1) == "\n") ? 2 : 1
        }
        return (end, next)
    }

    /// The line after `line`, or nil at the end.
    public func line(after line: Line) -> Line? {
        text.contains(line.next) ? self.line(startingAt: line.next) : nil
    }

    /// The line before `line`, or nil at the start.
    public func line(before line: Line) -> Line? {
        line.start > 0 ? self.line(containing: line.start - 1) : nil
    }
}
