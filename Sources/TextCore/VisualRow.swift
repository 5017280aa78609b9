/// One screen row of laid-out text and the source scalars it owns.
///
/// The rows of a document partition its scalars: every offset belongs to exactly one row
/// (trailing spaces consumed at a break, hidden separators and line terminators included), so
/// an offset always finds its row and a row always names the offsets it shows.
public struct VisualRow: Equatable, Sendable {
    /// The source scalars this row owns. Empty only for spacer rows between paragraphs.
    public var range: Range<Int>
    /// The cells to draw, left to right, starting at column 0 of the measure.
    public var cells: [RowCell]
    /// For each cluster in the row, its first scalar offset and the column where it is drawn.
    public var clusterColumns: [ClusterColumn]
    /// True for the first row of a paragraph (a hard line of the source).
    public var isParagraphStart: Bool
    /// True for a blank row inserted between paragraphs.
    public var isSpacer: Bool
    /// True for the rows of a heading.
    public var isHeading = false

    public struct ClusterColumn: Equatable, Sendable {
        public var offset: Int
        public var column: Int
    }

    public init(range: Range<Int>, cells: [RowCell], clusterColumns: [ClusterColumn],
                isParagraphStart: Bool, isSpacer: Bool = false) {
        self.range = range
        self.cells = cells
        self.clusterColumns = clusterColumns
        self.isParagraphStart = isParagraphStart
        self.isSpacer = isSpacer
    }

    /// The same row with every offset moved by `delta`.
    public func shifted(by delta: Int) -> VisualRow {
        var row = self
        row.range = (range.lowerBound + delta)..<(range.upperBound + delta)
        for i in row.cells.indices { row.cells[i].offset += delta }
        for i in row.clusterColumns.indices { row.clusterColumns[i].offset += delta }
        return row
    }

    /// Width of the row in cells.
    public var width: Int { cells.count }

    /// The drawn text, as a test or `pizhu cat` sees it.
    public var text: String {
        // The glyphs' UTF-8 in one buffer: an array of the glyphs joined was a fifth of `pizhu cat`.
        var utf8: [UInt8] = []
        utf8.reserveCapacity(cells.count * 3)
        for cell in cells { utf8.append(contentsOf: cell.glyph.utf8) }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// The source offset shown at `column`, or nil past the end of the row.
    public func offset(atColumn column: Int) -> Int? {
        column >= 0 && column < cells.count ? cells[column].offset : nil
    }

    /// The column where the cluster holding `offset` is drawn; offsets that draw nothing (a
    /// consumed space, a hidden separator, the line terminator) map to where the next
    /// visible cluster starts, or to the end of the row.
    public func column(ofOffset offset: Int) -> Int? {
        guard range.contains(offset) else { return nil }
        var best: ClusterColumn?
        for c in clusterColumns where c.offset <= offset { best = c }
        guard let b = best else { return 0 }
        return b.column
    }
}
