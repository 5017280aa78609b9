import TextCore

/// A frame of the whole screen as a value: views draw into it, a backend copies it out.
///
/// Drawing never leaves a wide glyph half inside a region or on the last single cell of a
/// row, and every string drawn is sanitized first, so no control character or escape
/// sequence can reach the terminal through the UI.
public struct ScreenBuffer: Equatable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: max(0, size.width * size.height))
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * size.width + x]
    }

    /// Writes one cell (and its continuation for a wide glyph) if it fits entirely in `clip`.
    public mutating func set(_ cell: Cell, x: Int, y: Int, clip: Rect? = nil) {
        let c = clip ?? Rect(x: 0, y: 0, width: size.width, height: size.height)
        let w = max(1, cell.width)
        guard y >= max(0, c.y), y < min(size.height, c.maxY), x >= max(0, c.x), x + w <= min(size.width, c.maxX) else { return }
        clearHalf(x: x, y: y)
        if w == 2 { clearHalf(x: x + 1, y: y) }
        cells[y * size.width + x] = cell
        if w == 2 { cells[y * size.width + x + 1] = Cell(glyph: "", width: 0, style: cell.style) }
    }

    /// Draws a string from (x, y), clipped to `width` cells; returns the column after it.
    @discardableResult
    public mutating func put(_ string: String, x: Int, y: Int, style: Style = .plain, width: Int? = nil,
                             ambiguous: AmbiguousWidth = .narrow) -> Int {
        let limit = x + (width ?? (size.width - x))
        var col = x
        for rc in ClusterCells.cells(of: string, ambiguous: ambiguous) where rc.kind != .continuation {
            if col + rc.width > limit { break }
            var s = style
            if rc.kind == .placeholder { s.dim = true }
            set(Cell(glyph: rc.glyph, width: rc.width, style: s), x: col, y: y)
            col += rc.width
        }
        return col
    }

    /// Fills a rectangle with blanks in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        for y in max(0, rect.y)..<min(size.height, rect.maxY) {
            for x in max(0, rect.x)..<min(size.width, rect.maxX) {
                cells[y * size.width + x] = Cell(glyph: " ", width: 1, style: style)
            }
        }
    }

    /// Row `y` as text, continuation cells skipped (what `tmux capture-pane` would show).
    public func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<size.width where !self[x, y].isContinuation { s += self[x, y].glyph }
        return s
    }

    /// All rows as text, trailing blanks trimmed.
    public var lines: [String] {
        (0..<size.height).map { y in
            var l = line(y)
            while l.last == " " { l.removeLast() }
            return l
        }
    }

    /// The screen column where `text` first appears on row `y`, counting cells, or nil.
    public func column(of text: String, inRow y: Int) -> Int? {
        let needle = text.unicodeScalars.count
        for x in 0..<size.width where !self[x, y].isContinuation {
            var candidate = ""
            var k = x
            while k < size.width && candidate.unicodeScalars.count < needle {
                if !self[k, y].isContinuation { candidate += self[k, y].glyph }
                k += 1
            }
            if candidate.hasPrefix(text) { return x }
        }
        return nil
    }

    private mutating func clearHalf(x: Int, y: Int) {
        // Overwriting either half of a wide glyph blanks the other half.
        let i = y * size.width + x
        if cells[i].isContinuation, x > 0 { cells[i - 1] = .blank }
        if cells[i].width == 2, x + 1 < size.width { cells[i + 1] = .blank }
    }
}
