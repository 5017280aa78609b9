/// The look of one cell, in terms every terminal can honour.
///
/// Colours are optional: on a monochrome terminal (or with `NO_COLOR`) the backend drops them
/// and the attributes alone must carry the meaning, so UI code always pairs a colour with an
/// attribute where the distinction matters.
public struct Style: Hashable, Sendable {
    public enum Color: Hashable, Sendable, CaseIterable {
        case black, red, green, yellow, blue, magenta, cyan, white
    }

    public var foreground: Color?
    public var background: Color?
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(foreground: Color? = nil, background: Color? = nil, bold: Bool = false, dim: Bool = false,
                reverse: Bool = false, underline: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()
}
