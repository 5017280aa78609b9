import TextCore

/// The current search of the open document: the query, every match (source ranges in text
/// order) in the view it ran on, and which one the cursor is at.
public struct SearchState: Equatable {
    public var query: SearchQuery
    public var matches: [Range<Int>]
    public var current: Int?
    public var view: ReadingView
    /// True for `?` (n goes backward).
    public var backward: Bool

    /// Index of the first match starting after (or before, going back) `offset`, wrapping; and whether it wrapped.
    func next(after offset: Int, backward: Bool) -> (index: Int, wrapped: Bool)? {
        guard !matches.isEmpty else { return nil }
        if backward {
            if let i = matches.lastIndex(where: { $0.lowerBound < offset }) { return (i, false) }
            return (matches.count - 1, true)
        }
        if let i = matches.firstIndex(where: { $0.lowerBound > offset }) { return (i, false) }
        return (0, true)
    }
}
