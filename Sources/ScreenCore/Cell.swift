/// One cell of a screen buffer.
public struct Cell: Hashable, Sendable {
    /// The base character plus any combining marks; "" for the right half of a wide glyph.
    public var glyph: String
    /// 2 for the left half of a wide glyph, 1 for a narrow one, 0 for a continuation.
    public var width: Int
    public var style: Style

    public init(glyph: String, width: Int, style: Style) {
        self.glyph = glyph
        self.width = width
        self.style = style
    }

    public static let blank = Cell(glyph: " ", width: 1, style: .plain)
    public var isContinuation: Bool { width == 0 }
}
