import TextCore

/// The visible window onto an open document: which row is on top, and how it moves.
///
/// The top is remembered as a source offset, so a new width or new settings re-lay the text
/// and the same passage stays on top.
public final class TextViewport {
    /// Changed only to give a file read on demand its annotations once they are read.
    public internal(set) var document: ReaderDocument
    public private(set) var layout: DocumentLayout
    /// The view shown (original lines or reflowed paragraphs).
    public private(set) var view: ReadingView
    /// True if a segmented corpus shows its `|` separators.
    public private(set) var showsSegments = false
    public private(set) var top: RowPosition
    /// First source offset of the top row: what survives a re-layout.
    public private(set) var topOffset: Int
    /// Rows in the pane, as of the last `configure`.
    public private(set) var height: Int
    /// The reading cursor, a source offset (set through `setCursor` and the motions).
    public internal(set) var cursor = 0
    let wordFinder: WordFinder
    private var cachedViewText: (view: ReadingView, segments: Bool, text: ViewText)?
    /// The end of a large file shown while it is still being counted (`goToBottom`); `top`,
    /// `topOffset` and `cursor` keep their values until `settleEnd` puts the real end in its place.
    private var provisionalEnd: ProvisionalEnd?

    /// True while the end shown is provisional (see `ProvisionalEnd`).
    public var showsProvisionalEnd: Bool { provisionalEnd != nil }

    /// True for a large file read from disk on demand (searched as bytes, not as view text).
    public var isReadOnDemand: Bool { document.text is UTF8FileText }

    /// The logical text of the view shown, for search (built on first use).
    public var viewText: ViewText {
        if let c = cachedViewText, c.view == view, c.segments == showsSegments { return c.text }
        let text = ViewText(structure: layout.structure)
        cachedViewText = (view, showsSegments, text)
        return text
    }

    public init(document: ReaderDocument, settings: LayoutSettings, width: Int, height: Int) {
        self.document = document
        view = document.views.profile.suggestedView
        layout = DocumentLayout(structure: document.views.structure(view), settings: settings, width: width)
        top = layout.firstPosition
        topOffset = 0
        self.height = max(1, height)
        wordFinder = WordFinder(text: document.text, segmented: document.views.profile.isSegmented)
    }

    /// Applies a pane size and settings, keeping the top offset on the top row.
    public func configure(settings: LayoutSettings, width: Int, height: Int) {
        self.height = max(1, height)
        let before = (layout.settings, layout.width)
        layout.configure(settings: settings, width: width)
        provisionalEnd?.layout.configure(settings: layout.settings, width: layout.width)
        if before != (layout.settings, layout.width) { top = layout.position(containing: topOffset) }
    }

    /// Switches the view (or the segment display), keeping the same passage on top.
    public func show(_ view: ReadingView, segments: Bool) {
        guard view != self.view || segments != showsSegments else { return }
        self.view = view
        showsSegments = segments
        layout = DocumentLayout(structure: document.views.structure(view, showSegments: segments),
                                settings: layout.settings, width: layout.width)
        top = layout.position(containing: topOffset)
    }

    public var visibleRows: [(RowPosition, VisualRow)] {
        provisionalEnd?.rows(height: height) ?? layout.rows(from: top, count: height)
    }

    /// Scrolls by `delta` rows (negative is up), stopping when the last row reaches the bottom.
    public func scroll(by delta: Int) {
        if delta < 0 {
            for _ in 0..<(-delta) {
                guard let p = layout.previous(top) else { break }
                top = p
            }
        } else {
            for _ in 0..<delta {
                guard canScrollDown, let p = layout.next(top) else { break }
                top = p
            }
        }
        syncOffset()
    }

    /// True while rows remain below the bottom of the pane.
    public var canScrollDown: Bool { layout.rows(from: top, count: height + 1).count > height }

    public func goToTop() {
        top = layout.firstPosition
        syncOffset()
        cursor = 0
    }

    /// Shows the last page. A large file not yet counted to its end shows a provisional one
    /// at once (see `ProvisionalEnd`), replaced by `settleEnd`.
    public func goToBottom() {
        if let end = document.text.uncountedEnd(maxBytes: ProvisionalEnd.tailBytes(width: layout.width, height: height)) {
            provisionalEnd = ProvisionalEnd(end: end, views: document.views, view: view, showSegments: showsSegments,
                                            settings: layout.settings, width: layout.width)
            return
        }
        top = layout.lastPageTop(height: height)
        syncOffset()
        if let last = visibleRows.last(where: { !$0.1.isSpacer })?.1 { cursor = last.clusterColumns.last?.offset ?? last.range.lowerBound }
    }

    /// Replaces a provisional end by the real one, once the count is done or, if `waiting`,
    /// after waiting for it; true if it did.
    @discardableResult
    public func settleEnd(waiting: Bool) -> Bool {
        guard provisionalEnd != nil, waiting || document.text.knownCount != nil else { return false }
        _ = document.text.count   // waits for the count if need be
        provisionalEnd = nil
        goToBottom()
        return true
    }

    /// Puts the row holding `offset` on top (the end of the text shows a full last page), and
    /// the cursor on `offset`.
    public func go(toOffset offset: Int) {
        topToRow(containing: offset)
        cursor = document.text.clampedOffset(offset)
    }

    func topToRow(containing offset: Int) {
        top = layout.position(containing: offset)
        // Only a position within a screen of the end needs the end (a large file's count).
        if !canScrollDown { top = layout.lastPageTop(height: height) }
        syncOffset()
    }

    func setTop(_ position: RowPosition) {
        top = position
        syncOffset()
    }

    /// Progress through the document: the end of the last visible row as a percentage; nil
    /// while a large file is still being counted.
    public var percent: Int? {
        guard let count = document.text.knownCount else { return nil }
        guard count > 0 else { return 100 }
        let end = visibleRows.last?.1.range.upperBound ?? 0
        return min(100, end * 100 / count)
    }

    /// "37%", or "…%" while the file is still being counted.
    public var percentLabel: String { percent.map { "\($0)%" } ?? "…%" }

    private func syncOffset() {
        let row = layout.row(at: top)
        topOffset = row.isSpacer ? max(0, row.range.lowerBound - 1) : row.range.lowerBound
    }
}
