/// Breaks one block of text (a hard line, or a slice of a very long one) into rows.
///
/// Greedy, with the clreq rules: a row ends at the last legal break opportunity before the
/// measure (push); with hanging on, one of 、，。． may sit in a two-cell margin; a row with
/// no legal opportunity breaks at the last cluster that fits (emergency). A row never puts a
/// two-cell cluster in its last single cell.
struct ParagraphLayout {
    let settings: LayoutSettings
    /// Row width in cells (the measure, already clamped to the pane).
    let width: Int

    private struct Cluster {
        var offset: Int
        var scalars: ArraySlice<Unicode.Scalar>
        var cls: BreakClass
        var narrowWidth: Bool
        /// Consumed at a row end without cells when it does not fit.
        var consumable: Bool
    }

    /// Rows for `scalars` (the block's content, starting at source offset `base`).
    /// `ownedEnd` is the offset where the block's ownership ends (after its terminator, if any).
    func rows(for scalars: [Unicode.Scalar], base: Int, ownedEnd: Int, paragraphStart: Bool) -> [VisualRow] {
        let clusters = segment(scalars, base: base)
        if clusters.isEmpty {
            return [VisualRow(range: base..<max(base, ownedEnd), cells: [], clusterColumns: [], isParagraphStart: paragraphStart)]
        }
        var rows: [VisualRow] = []
        var i = 0
        while i < clusters.count {
            let (end, row) = buildRow(clusters, from: i, ownedEnd: ownedEnd, paragraphStart: paragraphStart && i == 0)
            rows.append(row)
            i = end
        }
        return rows
    }

    private func segment(_ scalars: [Unicode.Scalar], base: Int) -> [Cluster] {
        var out: [Cluster] = []
        out.reserveCapacity(scalars.count)
        Self.forEachCluster(scalars) { slice in
            let first = slice.first!
            let w = max(0, CellWidth.of(first, ambiguous: settings.ambiguous))
            var cls = BreakClass.of(first, width: w)
            if w == 0 && cls != .hidden && Placeholder.text(for: first) == nil { cls = .word }
            out.append(Cluster(offset: base + slice.startIndex, scalars: slice, cls: cls, narrowWidth: w <= 1,
                               consumable: cls == .space || cls == .ideographicSpace || cls == .hidden))
        }
        return out
    }

    /// Calls `body` with each grapheme cluster of `scalars`, in order. Between two plain
    /// scalars (`isPlainScalar`) there is always a cluster boundary, so runs of them (nearly
    /// all of a Chinese text) are cut one scalar a cluster; only the stretches between such
    /// boundaries go through String's grapheme breaking.
    static func forEachCluster(_ scalars: [Unicode.Scalar], _ body: (ArraySlice<Unicode.Scalar>) -> Void) {
        let n = scalars.count
        var pos = 0
        while pos < n {
            if isPlainScalar(scalars[pos]) && (pos + 1 == n || isPlainScalar(scalars[pos + 1])) {
                body(scalars[pos...pos])
                pos += 1
                continue
            }
            var end = pos + 1
            while end < n && !(isPlainScalar(scalars[end - 1]) && isPlainScalar(scalars[end])) { end += 1 }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[pos..<end])
            for ch in String(view) {
                let count = ch.unicodeScalars.count
                body(scalars[pos..<(pos + count)])
                pos += count
            }
        }
    }

    private func buildRow(_ c: [Cluster], from start: Int, ownedEnd: Int, paragraphStart: Bool) -> (Int, VisualRow) {
        var cells: [RowCell] = []
        var columns: [VisualRow.ClusterColumn] = []
        var clusterCells: [RowCell] = []   // reused: one cluster's cells at a time
        var lastBreak: Int?
        var lastBreakState = (cells: 0, columns: 0)
        var j = start
        var hung = false
        while j < c.count {
            if j > start, BreakRules.allowsBreak(between: c[j - 1].cls, c[j].cls,
                                                 previousNarrow: c[j - 1].narrowWidth, nextNarrow: c[j].narrowWidth,
                                                 strictness: settings.strictness) {
                lastBreak = j
                lastBreakState = (cells.count, columns.count)
            }
            clusterCells.removeAll(keepingCapacity: true)
            ClusterCells.append(c[j].scalars, offset: c[j].offset, column: cells.count, settings: settings, to: &clusterCells)
            let fits = cells.count + clusterCells.count <= width
            if fits || (c[j].consumable && !(paragraphStart && j == start)) {
                columns.append(.init(offset: c[j].offset, column: cells.count))
                if fits { cells += clusterCells }
                j += 1
                continue
            }
            if canHang(c, j, start: start, hung: hung, extra: cells.count + clusterCells.count) {
                columns.append(.init(offset: c[j].offset, column: cells.count))
                cells += clusterCells
                hung = true
                j += 1
                break
            }
            // Overflow: push back to the last opportunity, else break here (emergency).
            if let b = lastBreak, b > start {
                j = b
                cells.removeSubrange(lastBreakState.cells...)
                columns.removeSubrange(lastBreakState.columns...)
            } else if j == start {
                // A single cluster wider than the row: it takes the row alone, clipped.
                columns.append(.init(offset: c[j].offset, column: 0))
                cells = Self.clip(clusterCells, to: width)
                j += 1
            }
            break
        }
        // Spaces and hidden separators that follow the break belong to this row.
        while j < c.count && j > start && (c[j].cls == .space || c[j].cls == .hidden) {
            columns.append(.init(offset: c[j].offset, column: cells.count))
            j += 1
        }
        let end = j < c.count ? c[j].offset : ownedEnd
        let row = VisualRow(range: c[start].offset..<end, cells: cells, clusterColumns: columns,
                            isParagraphStart: paragraphStart)
        return (j, row)
    }

    /// The cells that fit in `width`, never leaving half of a wide glyph.
    static func clip(_ cells: [RowCell], to width: Int) -> [RowCell] {
        var out = Array(cells.prefix(width))
        if let last = out.last, last.width == 2 { out.removeLast() }
        if out.isEmpty, let first = cells.first { out = [RowCell(glyph: "?", width: 1, offset: first.offset, kind: .placeholder)] }
        return out
    }

    /// R9a: hang one of 、，。． past the measure when the row has no hung mark yet and the
    /// mark is not part of a run of closing marks.
    private func canHang(_ c: [Cluster], _ j: Int, start: Int, hung: Bool, extra: Int) -> Bool {
        guard settings.hanging, !hung, j > start, extra <= width + settings.hangMargin else { return false }
        guard let v = c[j].scalars.first?.value, [0x3001, 0xFF0C, 0x3002, 0xFF0E].contains(v) else { return false }
        if c[j - 1].cls == .closing { return false }
        if j + 1 < c.count, c[j + 1].cls == .closing { return false }
        return true
    }
}
