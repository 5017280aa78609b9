import ScreenCore
import TextCore

/// Where each pane goes for a terminal size.
///
/// At 100 columns or more the library sits beside the text; below that it becomes an
/// overlay shown only while it has the focus. Below 40×10 nothing but a notice fits.
public struct FrameLayout: Equatable {
    public static let minimum = Size(width: 40, height: 10)
    public static let sideBySideWidth = 100
    public static let libraryWidth = 32

    public var tooSmall: Bool
    public var library: Rect?
    public var libraryIsOverlay: Bool
    public var text: Rect
    public var status: Rect
    /// Width of the reading column (the measure, clamped to the pane, hang margin excluded).
    public var measure: Int
    /// Column where the reading column starts.
    public var textLeft: Int

    public init(size: Size, libraryVisible: Bool, focus: Pane, settings: LayoutSettings) {
        tooSmall = size.width < Self.minimum.width || size.height < Self.minimum.height
        status = Rect(x: 0, y: max(0, size.height - 1), width: size.width, height: 1)
        let mainHeight = max(1, size.height - 1)
        if libraryVisible && size.width >= Self.sideBySideWidth {
            library = Rect(x: 0, y: 0, width: Self.libraryWidth, height: mainHeight)
            libraryIsOverlay = false
            text = Rect(x: Self.libraryWidth + 1, y: 0, width: size.width - Self.libraryWidth - 1, height: mainHeight)
        } else {
            library = libraryVisible && focus == .library ? Rect(x: 0, y: 0, width: size.width, height: mainHeight) : nil
            libraryIsOverlay = true
            text = Rect(x: 0, y: 0, width: size.width, height: mainHeight)
        }
        let available = max(1, text.width - 2 - settings.hangMargin)
        measure = min(settings.measure, available)
        textLeft = text.x + max(1, (text.width - measure - settings.hangMargin) / 2)
    }

    /// The settings the layout engine gets: the measure clamped to what fits.
    public func layoutSettings(_ settings: LayoutSettings) -> LayoutSettings {
        var s = settings
        s.measure = measure
        return s
    }
}
