/// How strictly the Chinese line-start / line-end prohibitions (禁则) are applied.
///
/// The levels follow W3C clreq: `basic` is the recommended default, `strict` also keeps
/// `——` from starting a line, `none` keeps only word integrity.
public enum LineBreakStrictness: String, Sendable, CaseIterable {
    case none, basic, strict
}

/// Everything that changes where rows break; a change of any field means a new layout.
public struct LayoutSettings: Hashable, Sendable {
    /// Maximum row width in cells (the reading measure).
    public var measure: Int
    public var ambiguous: AmbiguousWidth
    public var strictness: LineBreakStrictness
    /// Hang one of 、，。． in a two-cell margin past the measure instead of pushing a character down.
    public var hanging: Bool
    /// Insert a blank row after each paragraph.
    public var paragraphSpacing: Bool
    public var tabWidth: Int

    public init(measure: Int = 72, ambiguous: AmbiguousWidth = .narrow, strictness: LineBreakStrictness = .basic,
                hanging: Bool = false, paragraphSpacing: Bool = false,
                tabWidth: Int = 8) {
        self.measure = measure
        self.ambiguous = ambiguous
        self.strictness = strictness
        self.hanging = hanging
        self.paragraphSpacing = paragraphSpacing
        self.tabWidth = tabWidth
    }

    /// Cells a hung mark may use past the measure.
    public var hangMargin: Int { hanging ? 2 : 0 }
}
