/// Lazy layout of a whole document: finds the rows around any offset without laying out the rest.
///
/// Only the blocks that are asked for are laid out (and cached), so the first screen of a
/// huge file costs the same as that of a small one. Positions are scalar offsets; no line
/// numbers are ever needed.
public final class DocumentLayout {
    public let text: TextSource
    public private(set) var settings: LayoutSettings
    /// Row width in cells.
    public private(set) var width: Int

    /// Very long lines are laid out in slices of this many scalars (a row break is forced
    /// at each slice edge), so scrolling a 100 MB single-line file stays bounded.
    public static let maxBlockLength = 1 << 16
    private static let cacheLimit = 256

    private var cache: [Int: [VisualRow]] = [:]
    private var lineCache: [Int: Line] = [:]

    /// A hard line: content up to `contentEnd`, then a terminator (LF, CR or CRLF) up to `next`.
    struct Line {
        var start: Int
        var contentEnd: Int
        var next: Int
    }

    public init(text: TextSource, settings: LayoutSettings, width: Int) {
        self.text = text
        self.settings = settings
        self.width = max(1, width)
    }

    /// Changes the settings or width; cached rows are dropped only if something changed.
    public func configure(settings: LayoutSettings, width: Int) {
        let w = max(1, width)
        guard settings != self.settings || w != self.width else { return }
        self.settings = settings
        self.width = w
        cache.removeAll(keepingCapacity: true)
    }

    // MARK: Rows

    /// The rows of the block that starts at `blockStart`.
    public func rows(ofBlock blockStart: Int) -> [VisualRow] {
        if let rows = cache[blockStart] { return rows }
        let (range, owned, isLineStart, isLineEnd) = block(startingAt: blockStart)
        let layout = ParagraphLayout(settings: settings, width: width)
        var rows = layout.rows(for: text.scalars(in: range), base: range.lowerBound, ownedEnd: owned,
                               paragraphStart: isLineStart)
        if settings.paragraphSpacing && isLineEnd && owned < text.count {
            rows.append(VisualRow(range: owned..<owned, cells: [], clusterColumns: [], isParagraphStart: false, isSpacer: true))
        }
        if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
        cache[blockStart] = rows
        return rows
    }

    public func row(at position: RowPosition) -> VisualRow {
        let rows = rows(ofBlock: position.blockStart)
        return rows[min(position.index, rows.count - 1)]
    }

    /// The position of the (non-spacer) row that owns `offset`.
    public func position(containing offset: Int) -> RowPosition {
        let o = min(max(0, offset), max(0, text.count - 1))
        let start = blockStart(containing: o)
        let rows = rows(ofBlock: start)
        let index = rows.firstIndex { !$0.isSpacer && $0.range.contains(o) } ?? 0
        return RowPosition(blockStart: start, index: index)
    }

    public func next(_ p: RowPosition) -> RowPosition? {
        let rows = rows(ofBlock: p.blockStart)
        if p.index + 1 < rows.count { return RowPosition(blockStart: p.blockStart, index: p.index + 1) }
        let end = block(startingAt: p.blockStart).owned
        guard end < text.count else { return nil }
        return RowPosition(blockStart: end, index: 0)
    }

    public func previous(_ p: RowPosition) -> RowPosition? {
        if p.index > 0 { return RowPosition(blockStart: p.blockStart, index: p.index - 1) }
        guard p.blockStart > 0 else { return nil }
        let start = blockStart(containing: p.blockStart - 1)
        return RowPosition(blockStart: start, index: rows(ofBlock: start).count - 1)
    }

    /// Up to `count` rows starting at `position`.
    public func rows(from position: RowPosition, count: Int) -> [(RowPosition, VisualRow)] {
        var out: [(RowPosition, VisualRow)] = []
        var p: RowPosition? = position
        while let q = p, out.count < count {
            out.append((q, row(at: q)))
            p = next(q)
        }
        return out
    }

    /// The top row of the last full screen of `height` rows.
    public func lastPageTop(height: Int) -> RowPosition {
        var p = position(containing: text.count - 1)
        if let last = rows(ofBlock: p.blockStart).indices.last { p.index = last }
        for _ in 1..<max(1, height) {
            guard let q = previous(p) else { break }
            p = q
        }
        return p
    }

    public var firstPosition: RowPosition { RowPosition(blockStart: 0, index: 0) }

    // MARK: Blocks and lines

    /// The block holding `offset`: its hard line, sliced if the line is very long.
    public func blockStart(containing offset: Int) -> Int {
        guard text.count > 0 else { return 0 }
        let line = self.line(containing: offset)
        let length = line.contentEnd - line.start
        guard length > Self.maxBlockLength else { return line.start }
        var k = min((offset - line.start) / Self.maxBlockLength, (length - 1) / Self.maxBlockLength)
        while k > 0 {
            let s = sliceStart(line, k)
            if s <= offset && s < line.contentEnd { return s }
            k -= 1
        }
        return line.start
    }

    private func block(startingAt start: Int) -> (range: Range<Int>, owned: Int, isLineStart: Bool, isLineEnd: Bool) {
        guard text.count > 0 else { return (0..<0, 0, true, true) }
        let line = self.line(containing: start)
        let length = line.contentEnd - line.start
        if length <= Self.maxBlockLength { return (line.start..<line.contentEnd, line.next, true, true) }
        let k = (start - line.start) / Self.maxBlockLength
        let nextStart = sliceStart(line, k + 1)
        if nextStart >= line.contentEnd { return (start..<line.contentEnd, line.next, start == line.start, true) }
        return (start..<nextStart, nextStart, start == line.start, false)
    }

    /// Start of slice `k` of a long line, moved forward off any grapheme continuation.
    private func sliceStart(_ line: Line, _ k: Int) -> Int {
        guard k > 0 else { return line.start }
        var s = line.start + k * Self.maxBlockLength
        var steps = 0
        while s < line.contentEnd && steps < 64 {
            let v = text.scalar(at: s)
            let prev = text.scalar(at: s - 1)
            if CellWidth.glibc(v.value) != 0 && prev != "\u{200D}" && v != "\u{200D}" { break }
            s += 1
            steps += 1
        }
        return min(s, line.contentEnd)
    }

    func line(containing offset: Int) -> Line {
        var start = offset
        while start > 0 {
            let p = text.scalar(at: start - 1)
            if p == "\n" { break }
            if p == "\r" {
                if start < text.count && text.scalar(at: start) == "\n" && start == offset { start -= 1; continue }
                break
            }
            start -= 1
        }
        if let cached = lineCache[start] { return cached }
        var end = start
        while end < text.count {
            let s = text.scalar(at: end)
            if s == "\n" || s == "\r" { break }
            end += 1
        }
        var next = end
        if next < text.count {
            next += (text.scalar(at: next) == "\r" && next + 1 < text.count && text.scalar(at: next + 1) == "\n") ? 2 : 1
        }
        let line = Line(start: start, contentEnd: end, next: next)
        if lineCache.count >= 4096 { lineCache.removeAll(keepingCapacity: true) }
        lineCache[start] = line
        return line
    }
}
