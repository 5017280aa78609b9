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

    /// Plain values, no slice of the block's array: a slice's reference was retained and
    /// released at every copy (a tenth of the layout's time).
    fileprivate struct Cluster {
        var offset: Int
        /// Where its scalars are in the block's array.
        var start: Int
        var count: Int
        var cls: BreakClass
        var narrowWidth: Bool
        /// Consumed at a row end without cells when it does not fit.
        var consumable: Bool
    }

    /// A block being laid out: its scalars, the clusters found so far and how far rows have
    /// been made. Rows are made in order and each starts afresh, and clusters are found a
    /// stretch at a time just ahead of the rows, so a block can be laid out a few rows at a
    /// time (a screen needs only the first rows of a long one) with the same result as all at once.
    struct Progress {
        fileprivate let scalars: [Unicode.Scalar]
        fileprivate var clusters: [Cluster] = []
        /// Scalars cut into clusters so far (always at a cluster boundary).
        fileprivate var segmented = 0
        fileprivate var next = 0
        let base: Int
        let ownedEnd: Int
        let paragraphStart: Bool
        /// An empty block's one row has been made.
        fileprivate var emptyDone = false
        fileprivate var allSegmented: Bool { segmented >= scalars.count }
        /// Every row of the block has been made.
        var isDone: Bool { scalars.isEmpty ? emptyDone : allSegmented && next >= clusters.count }
    }

    /// Starts laying out `scalars` (the block's content, starting at source offset `base`).
    /// `ownedEnd` is the offset where the block's ownership ends (after its terminator, if any).
    func begin(_ scalars: [Unicode.Scalar], base: Int, ownedEnd: Int, paragraphStart: Bool) -> Progress {
        Progress(scalars: scalars, base: base, ownedEnd: ownedEnd, paragraphStart: paragraphStart)
    }

    /// Up to `count` more rows of the block (none once it is done).
    func rows(_ p: inout Progress, count: Int) -> [VisualRow] {
        if p.scalars.isEmpty {
            guard !p.emptyDone else { return [] }
            p.emptyDone = true
            return [VisualRow(range: p.base..<max(p.base, p.ownedEnd), cells: [], clusterColumns: [], isParagraphStart: p.paragraphStart)]
        }
        // Clusters wanted ahead of a row's start: a row rarely takes more than its width.
        let ahead = 2 * (width + settings.hangMargin) + 64
        var rows: [VisualRow] = []
        while !p.isDone && rows.count < count {
            if p.clusters.count - p.next < ahead { segment(&p, scalarsAtLeast: ahead) }
            var (end, row) = buildRow(p, from: p.next)
            // A row that ran into the part not cut yet is made again with more of it.
            while end >= p.clusters.count && !p.allSegmented {
                segment(&p, scalarsAtLeast: p.clusters.count - p.next + ahead)
                (end, row) = buildRow(p, from: p.next)
            }
            rows.append(row)
            p.next = end
        }
        return rows
    }

    /// Cuts at least `more` further scalars of the block into clusters (all that are left, if fewer).
    private func segment(_ p: inout Progress, scalarsAtLeast more: Int) {
        guard !p.allSegmented else { return }
        let base = p.base
        p.segmented = Self.forEachCluster(p.scalars, from: p.segmented, until: p.segmented + more) { slice in
            let first = slice.first!
            let w = max(0, CellWidth.of(first, ambiguous: settings.ambiguous))
            var cls = BreakClass.of(first, width: w)
            if w == 0 && cls != .hidden && Placeholder.text(for: first) == nil { cls = .word }
            p.clusters.append(Cluster(offset: base + slice.startIndex, start: slice.startIndex, count: slice.count, cls: cls, narrowWidth: w <= 1,
                                      consumable: cls == .space || cls == .ideographicSpace || cls == .hidden))
        }
    }

    /// Calls `body` with each grapheme cluster of `scalars`, in order. Between two plain
    /// scalars (`isPlainScalar`, and the hidden mark) there is always a cluster boundary, so runs of them (nearly
    /// all of a Chinese text) are cut one scalar a cluster; only the stretches between such
    /// boundaries go through String's grapheme breaking.
    ///
    /// Starts at `from` (a cluster boundary) and stops at the first boundary at or past
    /// `limit` where the cut is certain (between two plain scalars, or at the end); returns
    /// that position.
    @discardableResult
    static func forEachCluster(_ scalars: [Unicode.Scalar], from start: Int = 0, until limit: Int = .max,
                               _ body: (ArraySlice<Unicode.Scalar>) -> Void) -> Int {
        let n = scalars.count
        var pos = start
        while pos < n && pos < limit {
            if standsAlone(scalars[pos]) && (pos + 1 == n || standsAlone(scalars[pos + 1])) {
                body(scalars[pos...pos])
                pos += 1
                continue
            }
            var end = pos + 1
            while end < n && !(standsAlone(scalars[end - 1]) && standsAlone(scalars[end])) { end += 1 }
            let run = scalars.withUnsafeBufferPointer { String(scalars: UnsafeBufferPointer(rebasing: $0[pos..<end])) }
            for ch in run {
                let count = ch.unicodeScalars.count
                body(scalars[pos..<(pos + count)])
                pos += count
            }
        }
        return pos
    }

    /// Plain scalars and the mark a view puts where it hides a line break or an indent: a
    /// cluster boundary lies between any two of them.
    @inline(__always) private static func standsAlone(_ s: Unicode.Scalar) -> Bool {
        isPlainScalar(s) || s == TextStructureMarks.hidden
    }

    private func buildRow(_ p: Progress, from start: Int) -> (Int, VisualRow) {
        p.scalars.withUnsafeBufferPointer { scalars in
            buildRow(p.clusters, scalars, from: start, ownedEnd: p.ownedEnd, paragraphStart: p.paragraphStart && start == 0)
        }
    }

    private func buildRow(_ c: [Cluster], _ scalars: UnsafeBufferPointer<Unicode.Scalar>, from start: Int,
                          ownedEnd: Int, paragraphStart: Bool) -> (Int, VisualRow) {
        var cells: [RowCell] = []
        cells.reserveCapacity(width + settings.hangMargin + 4)
        var columns: [VisualRow.ClusterColumn] = []
        columns.reserveCapacity(width)
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
            // The cluster's cells go straight onto the row, and come off again if they do not fit.
            let column = cells.count
            ClusterCells.append(UnsafeBufferPointer(rebasing: scalars[c[j].start..<(c[j].start + c[j].count)]),
                                offset: c[j].offset, column: column, settings: settings, to: &cells)
            let fits = cells.count <= width
            if fits || (c[j].consumable && !(paragraphStart && j == start)) {
                columns.append(.init(offset: c[j].offset, column: column))
                if !fits { cells.removeSubrange(column...) }
                j += 1
                continue
            }
            if canHang(c, j, first: scalars[c[j].start], start: start, hung: hung, extra: cells.count) {
                columns.append(.init(offset: c[j].offset, column: column))
                hung = true
                j += 1
                break
            }
            // Overflow: push back to the last opportunity, else break here (emergency).
            let clusterCells = Array(cells[column...])
            cells.removeSubrange(column...)
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
    /// `first`: the first scalar of cluster `j`.
    private func canHang(_ c: [Cluster], _ j: Int, first: Unicode.Scalar, start: Int, hung: Bool, extra: Int) -> Bool {
        guard settings.hanging, !hung, j > start, extra <= width + settings.hangMargin else { return false }
        guard [0x3001, 0xFF0C, 0x3002, 0xFF0E].contains(first.value) else { return false }
        if c[j - 1].cls == .closing { return false }
        if j + 1 < c.count, c[j + 1].cls == .closing { return false }
        return true
    }
}
