/// One terminal cell of laid-out text, with the source offset it shows.
///
/// The cell↔offset map is the contract search, selection, annotations and reading positions
/// build on: every cell that shows text names the scalar offset of the cluster it draws.
public struct RowCell: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// Text drawn as itself.
        case text
        /// A visible stand-in (`^[`, `<200B>`) for a character that must not reach the terminal raw.
        case placeholder
        /// The right half of a two-cell glyph; draws nothing.
        case continuation
    }

    /// What to draw: one base character plus up to four combining marks; "" for a continuation.
    public var glyph: String
    /// 2 for the left half of a wide glyph, 1 for a narrow one, 0 for a continuation.
    public var width: Int
    /// Scalar offset into the decoded source of the cluster this cell belongs to.
    public var offset: Int
    public var kind: Kind

    public init(glyph: String, width: Int, offset: Int, kind: Kind) {
        self.glyph = glyph
        self.width = width
        self.offset = offset
        self.kind = kind
    }
}
