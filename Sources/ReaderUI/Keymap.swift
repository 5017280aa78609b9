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
        KeyBinding([.pageUp, .ctrl("b")], .pageUp),
        KeyBinding([.ctrl("d")], .halfPageDown),
        KeyBinding([.ctrl("u")], .halfPageUp),
        KeyBinding([.char("g"), .home, .char("<")], .goToTop),
        KeyBinding([.char("G"), .end, .char(">")], .goToBottom),
        KeyBinding([.char("r")], .toggleView),
        KeyBinding([.char("S")], .toggleSegments),
        KeyBinding([.escape], .showLibrary, in: .text),
        KeyBinding([.char("h"), .left], .cursorLeft, in: .text),
        KeyBinding([.char("l"), .right], .cursorRight, in: .text),
        KeyBinding([.char("w")], .wordNext, in: .text),
        KeyBinding([.char("b")], .wordPrevious, in: .text),
        KeyBinding([.char("e")], .wordEnd, in: .text),
        KeyBinding([.char("(")], .sentencePrevious, in: .text),
        KeyBinding([.char(")")], .sentenceNext, in: .text),
        KeyBinding([.char("{")], .paragraphPrevious, in: .text),
        KeyBinding([.char("}")], .paragraphNext, in: .text),
        KeyBinding([.char("v")], .startSelection, in: .text),
        KeyBinding([.char("o")], .swapSelectionEnds, in: .text),
        KeyBinding([.char("W")], .selectWord, in: .text),
        KeyBinding([.char("s")], .selectSentence, in: .text),
        KeyBinding([.char("V")], .selectParagraph, in: .text),
        KeyBinding([.char("1")], .highlight1, in: .text),
        KeyBinding([.char("2")], .highlight2, in: .text),
        KeyBinding([.char("3")], .highlight3, in: .text),
        KeyBinding([.char("4")], .highlight4, in: .text),
        KeyBinding([.char("5")], .highlight5, in: .text),
        KeyBinding([.char("6")], .highlight6, in: .text),
        KeyBinding([.char("7")], .highlight7, in: .text),
        KeyBinding([.char("8")], .highlight8, in: .text),
        KeyBinding([.char("9")], .highlight9, in: .text),
        KeyBinding([.char("t")], .tagSelection, in: .text),
        KeyBinding([.char("c")], .noteSelection, in: .text),
        KeyBinding([.char("D")], .deleteAnnotation, in: .text),
        KeyBinding([.char("d"), .delete], .deleteAnnotation, in: .annotations),
        KeyBinding([.char("u")], .undo),
        KeyBinding([.ctrl("r")], .redo),
        KeyBinding([.char("A")], .toggleAnnotations),
        KeyBinding([.escape], .toggleAnnotations, in: .annotations),
        KeyBinding([.char("]")], .nextAnnotationPrefix, in: .text),
        KeyBinding([.char("[")], .previousAnnotationPrefix, in: .text),
        KeyBinding([.enter], .jumpToAnnotation, in: .annotations),
        KeyBinding([.char("e")], .editAnnotation, in: .annotations),
        KeyBinding([.char("f"), .char("/")], .filterAnnotations, in: .annotations),
        KeyBinding([.char("R")], .reattachOrphan, in: .annotations),
        KeyBinding([.char("m")], .setMarkPrefix, in: .text),
        KeyBinding([.char("'")], .goToMarkPrefix, in: .text),
        KeyBinding([.ctrl("o")], .jumpBack, in: .text),
        KeyBinding([.char("/")], .searchForward, in: .text),
        KeyBinding([.char("?")], .searchBackward, in: .text),
        KeyBinding([.char("n")], .searchNext, in: .text),
        KeyBinding([.char("N")], .searchPrevious, in: .text),
        KeyBinding([.enter, .char("o")], .openResult, in: .results),
        KeyBinding([.char("s")], .sortLibrary, in: .library),
        KeyBinding([.char("T")], .toggleOutline),
        KeyBinding([.escape], .toggleOutline, in: .outline),
        KeyBinding([.enter], .jumpToHeading, in: .outline),
        KeyBinding([.char("/")], .filterLibrary, in: .library),
        KeyBinding([.escape, .char("q")], .closeResults, in: .results),
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
