/// Builds the structure for a view of a decoded document.
///
/// One place decides which `TextStructure` a view uses, so the reader, `pizhu cat` and
/// `pizhu info` always agree.
public final class DocumentViews {
    public let text: TextSource
    public let lines: LineIndex
    public let profile: DocumentProfile

    public init(text: TextSource) {
        self.text = text
        lines = LineIndex(text: text)
        profile = DocumentProfile.measure(text, lines: lines)
    }

    /// The structure for `view`; `showSegments` shows the `|` of a segmented corpus.
    public func structure(_ view: ReadingView, showSegments: Bool = false) -> TextStructure {
        structure(view, showSegments: showSegments, text: text, lines: lines)
    }

    /// The structure for `view` of a piece of this document decoded on its own (the end of a
    /// large file not yet counted), as the whole document's profile has it.
    public func structure(_ view: ReadingView, showSegments: Bool, of piece: TextSource) -> TextStructure {
        structure(view, showSegments: showSegments, text: piece, lines: LineIndex(text: piece))
    }

    private func structure(_ view: ReadingView, showSegments: Bool, text: TextSource, lines: LineIndex) -> TextStructure {
        let hidden: Unicode.Scalar? = profile.isSegmented && !showSegments ? "|" : nil
        switch view {
        case .original:
            return OriginalStructure(text: text, lines: lines, hiddenScalar: hidden)
        case .reflow:
            if profile.isSegmented { return SegmentedStructure(text: text, lines: lines, hiddenScalar: hidden) }
            return ReflowStructure(text: text, lines: lines, profile: profile)
        }
    }
}
