import ScreenCore

/// The reader's styles. Each colour is paired with an attribute so the meaning survives on
/// monochrome terminals and under `NO_COLOR`.
enum Theme {
    static let status = Style(reverse: true)
    static let error = Style(foreground: .white, background: .red, bold: true)
    static let selection = Style(reverse: true)
    static let selectionUnfocused = Style(underline: true)
    static let title = Style(bold: true)
    static let border = Style(dim: true)
    static let placeholder = Style(dim: true)
    static let dimText = Style(dim: true)
    static let help = Style(bold: true)
    static let heading = Style(bold: true)
    /// The reading cursor: a reverse block, or bold underline inside a (reverse) selection.
    static let cursor = Style(bold: true, reverse: true)
    static let cursorInSelection = Style(bold: true, underline: true)
    static let gutter = Style(foreground: .yellow, bold: true)
    /// Search matches: every one on screen, and the current one (reverse, so both show without colour).
    static let searchMatch = Style(foreground: .black, background: .cyan, bold: true)
    static let searchCurrent = Style(bold: true, reverse: true, underline: true)
}
