import TextCore

/// The reading cursor: a source offset that motions move and that the view keeps on screen.
extension TextViewport {
    /// Where the cursor is drawn: the row index among the visible rows and the column.
    public var cursorCell: (row: Int, column: Int)? {
        for (i, item) in visibleRows.enumerated() where !item.1.isSpacer {
            let row = item.1
            if row.range.contains(cursor) || (row.range.isEmpty && row.range.lowerBound == cursor) {
                return (i, min(row.column(ofOffset: cursor) ?? 0, max(0, row.width - 1)))
            }
        }
        return nil
    }

    /// Puts the cursor on `offset` (clamped to the text) and scrolls as little as needed to show it.
    public func setCursor(_ offset: Int) {
        cursor = document.text.clampedOffset(offset)
        revealCursor()
    }

    /// Scrolls so the cursor's row is visible.
    func revealCursor() {
        let rows = visibleRows
        guard let first = rows.first?.1, let last = rows.last?.1 else { return }
        if cursor < first.range.lowerBound {
            topToRow(containing: cursor)
        } else if cursor >= last.range.upperBound && cursorCell == nil {
            var p = layout.position(containing: cursor)
            for _ in 1..<max(1, height) {
                guard let q = layout.previous(p) else { break }
                p = q
            }
            setTop(p)
        }
    }

    /// Moves the cursor by whole rows, scrolling with it (j/k, pages): the text scrolls and the
    /// cursor keeps its place on the screen; at either end of the text the cursor moves instead.
    public func moveCursorRows(_ delta: Int) {
        let (row, column) = cursorCell ?? (0, 0)
        let before = top
        scroll(by: delta)
        var target = row
        if top == before { target = row + delta }
        let rows = visibleRows.filter { !$0.1.isSpacer }
        guard !rows.isEmpty else { return }
        let clamped = min(max(0, target), rows.count - 1)
        cursor = Self.offset(in: rows[clamped].1, nearColumn: column)
    }

    /// The cluster drawn at or left of `column` in `row` (its last one if the row is shorter).
    static func offset(in row: VisualRow, nearColumn column: Int) -> Int {
        var best = row.clusterColumns.first?.offset ?? row.range.lowerBound
        for c in row.clusterColumns where c.column <= column { best = c.offset }
        return best
    }

    /// Next (`+1`) or previous (`-1`) grapheme cluster, across rows.
    public func moveCursorCharacter(_ direction: Int) {
        var p = layout.position(containing: cursor)
        let clusters = layout.row(at: p).clusterColumns.map(\.offset)
        if direction > 0 {
            if let next = clusters.first(where: { $0 > cursor }) { setCursor(next); return }
            while let q = layout.next(p) {
                p = q
                if let first = layout.row(at: q).clusterColumns.first?.offset { setCursor(first); return }
            }
        } else {
            if let previous = clusters.last(where: { $0 < cursor }) { setCursor(previous); return }
            while let q = layout.previous(p) {
                p = q
                if let last = layout.row(at: q).clusterColumns.last?.offset { setCursor(last); return }
            }
        }
    }

    /// The block (a paragraph in the reflow view, a line in the original) holding `offset`.
    func block(containing offset: Int) -> Block { layout.structure.block(containing: document.text.clampedOffset(offset)) }

    /// Word motions: `w` next word start, `b` previous word start, `e` end of the word.
    public func moveCursorWord(_ motion: WordMotion) {
        if let target = wordTarget(motion) { setCursor(target) }
    }

    func wordTarget(_ motion: WordMotion) -> Int? {
        var block = self.block(containing: cursor)
        for _ in 0..<64 {
            let words = wordFinder.words(in: block.content)
            switch motion {
            case .nextStart: if let w = words.first(where: { $0.lowerBound > cursor }) { return w.lowerBound }
            case .previousStart: if let w = words.last(where: { $0.lowerBound < cursor }) { return w.lowerBound }
            case .end: if let w = words.first(where: { $0.upperBound - 1 > cursor }) { return w.upperBound - 1 }
            }
            if motion == .previousStart {
                guard block.owned.lowerBound > 0 else { return nil }
                block = self.block(containing: block.owned.lowerBound - 1)
            } else {
                guard document.text.contains(block.owned.upperBound) else { return nil }
                block = self.block(containing: block.owned.upperBound)
            }
        }
        return nil
    }

    /// The word under the cursor (or the next one).
    public var wordAtCursor: Range<Int>? {
        let words = wordFinder.words(in: block(containing: cursor).content)
        return words.first { $0.contains(cursor) } ?? words.first { $0.lowerBound > cursor }
    }

    /// `)` next sentence, `(` start of this sentence (or the previous one when already there).
    public func moveCursorSentence(forward: Bool) {
        let text = document.text
        if forward {
            if let next = SentenceBoundaries.nextStart(after: cursor, in: text) { setCursor(next) }
        } else {
            let start = SentenceBoundaries.start(containing: cursor, in: text)
            setCursor(start < cursor ? start : SentenceBoundaries.start(containing: max(0, start - 1), in: text))
        }
    }

    /// `}` start of the next paragraph, `{` start of this one (or the previous one).
    public func moveCursorParagraph(forward: Bool) {
        if let target = paragraphStart(forward: forward) { setCursor(target) }
    }

    func paragraphStart(forward: Bool) -> Int? {
        var block = self.block(containing: cursor)
        let text = document.text
        for _ in 0..<100_000 {
            if forward {
                guard text.contains(block.owned.upperBound) else { return nil }
                block = self.block(containing: block.owned.upperBound)
            } else {
                if block.content.lowerBound < cursor && isParagraphStart(block) { return block.content.lowerBound }
                guard block.owned.lowerBound > 0 else { return 0 }
                block = self.block(containing: block.owned.lowerBound - 1)
            }
            if isParagraphStart(block) && (forward || block.content.lowerBound < cursor) { return block.content.lowerBound }
        }
        return nil
    }

    /// A block that begins a paragraph with something on it (blank lines do not count).
    func isParagraphStart(_ block: Block) -> Bool {
        guard block.isParagraphStart, !block.content.isEmpty else { return false }
        let text = document.text
        if view == .reflow || block.content.lowerBound == 0 { return hasText(block) }
        // In the original view a paragraph starts after a blank line or with an indent.
        let previous = self.block(containing: block.owned.lowerBound - 1)
        let first = text.scalar(at: block.content.lowerBound)
        return hasText(block) && (!hasText(previous) || first == "\u{3000}" || first == " " || first == "\t")
    }

    private func hasText(_ block: Block) -> Bool {
        document.text.scalars(in: block.content.lowerBound..<min(block.content.upperBound, block.content.lowerBound + 256))
            .contains { !$0.properties.isWhitespace }
    }

    /// The paragraph around the cursor, as source offsets.
    public var paragraphAtCursor: Range<Int> {
        var start = block(containing: cursor)
        while !isParagraphStart(start) && start.owned.lowerBound > 0 { start = block(containing: start.owned.lowerBound - 1) }
        var end = block(containing: cursor)
        while document.text.contains(end.owned.upperBound) {
            let next = block(containing: end.owned.upperBound)
            if isParagraphStart(next) || !hasText(next) { break }
            end = next
        }
        return start.content.lowerBound..<max(start.content.lowerBound, end.content.upperBound)
    }
}

/// The word motions.
public enum WordMotion: Sendable { case nextStart, previousStart, end }
