import ScreenCore

/// One row of the key map: the keys, the command, and so the help line.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var command: Command
    /// The pane where the binding applies; nil for everywhere.
    public var pane: Pane?

    public init(_ keys: [Key], _ command: Command, in pane: Pane? = nil) {
        self.keys = keys
        self.command = command
        self.pane = pane
    }
}

/// The reader's key bindings as data. The help overlay is generated from this table, and a
/// test proves no key is bound twice and every command is reachable.
public struct Keymap: Sendable {
    public var bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) { self.bindings = bindings }

    /// The command for `key` in `pane`: a binding for that pane wins over a global one.
    public func command(for key: Key, in pane: Pane) -> Command? {
        bindings.first { $0.pane == pane && $0.keys.contains(key) }?.command
            ?? bindings.first { $0.pane == nil && $0.keys.contains(key) }?.command
    }

    /// The first key bound to `command`, in help notation.
    public func primaryKey(for command: Command) -> String? {
        bindings.first { $0.command == command }?.keys.first?.notation
    }

    /// Less and vim habits. `?` stays free for backward search.
    public static let standard = Keymap(bindings: [
        KeyBinding([.char("j"), .down], .scrollDown),
        KeyBinding([.enter], .scrollDown, in: .text),
        KeyBinding([.enter, .char("o"), .right], .openSelected, in: .library),
        KeyBinding([.char("k"), .up], .scrollUp),
        KeyBinding([.char(" "), .pageDown, .ctrl("f"), .char("f")], .pageDown),
        KeyBinding([.char("b"), .pageUp, .ctrl("b")], .pageUp),
        KeyBinding([.ctrl("d")], .halfPageDown),
        KeyBinding([.ctrl("u")], .halfPageUp),
        KeyBinding([.char("g"), .home, .char("<")], .goToTop),
        KeyBinding([.char("G"), .end, .char(">")], .goToBottom),
        KeyBinding([.char("r")], .toggleView),
        KeyBinding([.char("S")], .toggleSegments),
        KeyBinding([.escape], .showLibrary, in: .text),
        KeyBinding([.function(2), .char("L")], .toggleLibrary),
        KeyBinding([.tab, .backTab], .cycleFocus),
        KeyBinding([.function(1), .char("H")], .showHelp),
        KeyBinding([.char(":")], .enterCommandLine),
        KeyBinding([.ctrl("l")], .redraw),
        KeyBinding([.ctrl("z")], .suspend),
        KeyBinding([.ctrl("c")], .interrupt),
        KeyBinding([.char("q"), .char("Q")], .quit),
    ])
}
