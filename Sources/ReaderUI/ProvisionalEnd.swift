import TextCore

/// The last screen of a large file shown before the background count has reached its end.
///
/// Scalar offsets at the end of a file read on demand are known only once every byte before
/// them is counted (about 0.1 s per GB). So that `G` right after opening does not wait for
/// that, the viewport lays out the file's last bytes on their own (`UTF8FileText.tail`) and
/// shows their last page; as soon as the count is done, or a key needs real offsets, the
/// real end replaces it. Its rows carry offsets moved past any real offset (`offsetBase`), so
/// no annotation, search hit, selection or cursor is drawn on them in the meantime.
struct ProvisionalEnd {
    static let offsetBase = 1 << 56
    /// More than the largest screen holds, so the last page lies wholly inside it.
    static let tailBytes = 256 << 10
    let layout: DocumentLayout

    init(file: UTF8FileText, views: DocumentViews, view: ReadingView, showSegments: Bool,
         settings: LayoutSettings, width: Int) {
        let tail = file.tail(maxBytes: Self.tailBytes)
        layout = DocumentLayout(structure: views.structure(view, showSegments: showSegments, of: tail.text),
                                settings: settings, width: width)
    }

    /// The last `height` rows, offsets moved by `offsetBase`.
    func rows(height: Int) -> [(RowPosition, VisualRow)] {
        guard !layout.text.isEmpty else { return [] }
        return layout.rows(from: layout.lastPageTop(height: height), count: height).map { ($0.0, $0.1.shifted(by: Self.offsetBase)) }
    }
}
