/// Where frames go: the ncurses terminal, or memory in tests.
///
/// The reader only ever hands over a complete `ScreenBuffer`; a screen never sees UI state.
public protocol TerminalScreen: AnyObject {
    var size: Size { get }
    func draw(_ buffer: ScreenBuffer)
}

/// A screen that keeps the last frame, for render tests.
public final class InMemoryScreen: TerminalScreen {
    public var size: Size
    public private(set) var frame: ScreenBuffer

    public init(size: Size) {
        self.size = size
        frame = ScreenBuffer(size: size)
    }

    public func draw(_ buffer: ScreenBuffer) {
        frame = buffer
    }
}
