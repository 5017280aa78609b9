/// Lazy layout of a whole document: finds the rows around any offset without laying out the rest.
///
/// Only the blocks that are asked for are laid out (and cached), so the first screen of a
/// huge file costs the same as that of a small one. Positions are scalar offsets; no line
/// numbers are ever needed. What a block is (a line, a reflowed paragraph) is the view's
/// business (`TextStructure`).
public final class DocumentLayout {
    public let structure: TextStructure
    public var text: TextSource { structure.text }
    public private(set) var settings: LayoutSettings
    /// Row width in cells.
    public private(set) var width: Int

    private static let cacheLimit = 256
    /// Blocks laid out whole.
    private var cache: [Int: [VisualRow]] = [:]
    /// Blocks laid out only as far as asked so far (a screen needs the first rows of a long
    /// slice, not all of its 8,192 scalars): their rows so far and where to go on.
    private var partial: [Int: (rows: [VisualRow], progress: ParagraphLayout.Progress)] = [:]
    /// Rows made at a time when a partly laid-out block is extended.
    static let rowsPerStep = 32
    /// Rows made so far, over all blocks (what the screens shown have cost).
    private(set) var rowsMade = 0
    private var blocks: [Int: Block] = [:]

    public init(structure: TextStructure, settings: LayoutSettings, width: Int) {
        self.structure = structure
        self.settings = settings
        self.width = max(1, width)
    }

    /// Layout of the original view of `text`.
    public convenience init(text: TextSource, settings: LayoutSettings, width: Int) {
        self.init(structure: OriginalStructure(text: text), settings: settings, width: width)
    }

    /// Changes the settings or width; cached rows are dropped only if something changed.
    public func configure(settings: LayoutSettings, width: Int) {
        let w = max(1, width)
        guard settings != self.settings || w != self.width else { return }
        self.settings = settings
        self.width = w
        cache.removeAll(keepingCapacity: true)
        partial.removeAll()
    }

    // MARK: Rows

    /// The block whose owned range starts at `start`.
    public func block(startingAt start: Int) -> Block {
        if let b = blocks[start] { return b }
        let b = structure.block(containing: start)
        if blocks.count >= 4096 { blocks.removeAll(keepingCapacity: true) }
        blocks[b.owned.lowerBound] = b
        return b
    }

    /// The rows of the block that starts at `blockStart`.
    public func rows(ofBlock blockStart: Int) -> [VisualRow] {
        rows(ofBlock: blockStart, atLeast: .max)
    }

    /// The block's rows as far as laid out, at least `count` of them (or all, if it has fewer).
    private func rows(ofBlock blockStart: Int, atLeast count: Int) -> [VisualRow] {
        if let rows = cache[blockStart] { return rows }
        let block = self.block(startingAt: blockStart)
        let layout = ParagraphLayout(settings: settings, width: width)
        var (rows, progress) = partial[blockStart] ?? ([], layout.begin(
            structure.displayScalars(of: block), base: block.content.lowerBound,
            ownedEnd: block.owned.upperBound, paragraphStart: block.isParagraphStart))
        while rows.count < count && !progress.isDone {
            var more = layout.rows(&progress, count: count == .max ? .max : max(Self.rowsPerStep, count - rows.count))
            if block.role == .heading {
                for i in more.indices { more[i].isHeading = true }
            }
            rowsMade += more.count
            rows += more
        }
        guard progress.isDone else {
            if partial.count >= Self.cacheLimit { partial.removeAll(keepingCapacity: true) }
            partial[blockStart] = (rows, progress)
            return rows
        }
        partial[blockStart] = nil
        let spacing = settings.paragraphSpacing || structure.separatesParagraphs
        if spacing && block.isParagraphEnd && text.contains(block.owned.upperBound) {
            let end = block.owned.upperBound
            rows.append(VisualRow(range: end..<end, cells: [], clusterColumns: [], isParagraphStart: false, isSpacer: true))
        }
        if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
        cache[blockStart] = rows
        return rows
    }

    public func row(at position: RowPosition) -> VisualRow {
        let rows = rows(ofBlock: position.blockStart, atLeast: position.index + 1)
        return rows[min(position.index, rows.count - 1)]
    }

    /// The position of the (non-spacer) row that owns `offset`, laying out the block only as
    /// far as that row.
    public func position(containing offset: Int) -> RowPosition {
        let o = text.clampedOffset(offset)
        let start = blockStart(containing: o)
        var count = Self.rowsPerStep
        while true {
            let rows = rows(ofBlock: start, atLeast: count)
            if let index = rows.firstIndex(where: { !$0.isSpacer && $0.range.contains(o) }) {
                return RowPosition(blockStart: start, index: index)
            }
            if rows.count < count { return RowPosition(blockStart: start, index: 0) }
            count = rows.count + Self.rowsPerStep
        }
    }

    public func next(_ p: RowPosition) -> RowPosition? {
        let rows = rows(ofBlock: p.blockStart, atLeast: p.index + 2)
        if p.index + 1 < rows.count { return RowPosition(blockStart: p.blockStart, index: p.index + 1) }
        let end = block(startingAt: p.blockStart).owned.upperBound
        guard text.contains(end), end > p.blockStart else { return nil }
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

    /// Start of the block that owns `offset`.
    public func blockStart(containing offset: Int) -> Int {
        guard !text.isEmpty else { return 0 }
        let b = structure.block(containing: offset)
        blocks[b.owned.lowerBound] = b
        return b.owned.lowerBound
    }
}
