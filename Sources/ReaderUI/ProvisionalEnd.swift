import TextCore

/// The last screen of a large file shown before the background count has reached its end.
///
/// Scalar offsets at the end of a file read on demand are known only once every byte before
/// them is counted (about 0.1 s per GB). So that `G` right after opening does not wait for
/// that, the viewport lays out the file's last bytes on their own (`TextSource.uncountedEnd`) and
/// shows their last page; as soon as the count is done, or a key needs real offsets, the
/// real end replaces it. Its rows carry offsets moved past any real offset (`offsetBase`), so
/// no annotation, search hit, selection or cursor is drawn on them in the meantime.
struct ProvisionalEnd {
    static let offsetBase = 1 << 56
    let layout: DocumentLayout

    /// Bytes read from the end for a pane of `width` × `height` cells: at least 64 KiB, and
    /// twice the most a full pane can show (4 bytes a cell), since the tail starts at a line
    /// start up to halfway in, so the last page lies wholly inside it.
    static func tailBytes(width: Int, height: Int) -> Int { max(64 << 10, 8 * width * height) }

    /// The layout of `end` (the text's end decoded on its own) in `view`, as the whole document's profile has it.
    init(end: TextSource, views: DocumentViews, view: ReadingView, showSegments: Bool, settings: LayoutSettings, width: Int) {
        layout = DocumentLayout(structure: views.structure(view, showSegments: showSegments, of: end),
                                settings: settings, width: width)
    }

    /// The last `height` rows, offsets moved by `offsetBase`.
    func rows(height: Int) -> [(RowPosition, VisualRow)] {
        guard !layout.text.isEmpty else { return [] }
        return layout.rows(from: layout.lastPageTop(height: height), count: height).map { ($0.0, $0.1.shifted(by: Self.offsetBase)) }
    }
}
