/// Everything a key can do. Raw values are the names users see in help and could bind in a config.
public enum Command: String, CaseIterable, Sendable {
    case scrollDown, scrollUp, pageDown, pageUp, halfPageDown, halfPageUp, goToTop, goToBottom
    case toggleView, toggleSegments
    case openSelected, showLibrary, toggleLibrary, cycleFocus
    case showHelp, enterCommandLine, redraw, suspend, interrupt, quit

    /// One line of help, shown next to the keys in the help overlay.
    public var help: String {
        switch self {
        case .scrollDown: return "down one line (library: next document)"
        case .scrollUp: return "up one line (library: previous document)"
        case .pageDown: return "down one page"
        case .pageUp: return "up one page"
        case .halfPageDown: return "down half a page"
        case .halfPageUp: return "up half a page"
        case .goToTop: return "to the top"
        case .goToBottom: return "to the end"
        case .toggleView: return "switch between the original lines and reflowed paragraphs"
        case .toggleSegments: return "show or hide the | word separators of a segmented text"
        case .openSelected: return "open the selected document (library)"
        case .showLibrary: return "back to the library"
        case .toggleLibrary: return "show or hide the library pane"
        case .cycleFocus: return "move focus to the next pane"
        case .showHelp: return "this help"
        case .enterCommandLine: return "command line (:open, :goto, :set, :q)"
        case .redraw: return "redraw the screen"
        case .suspend: return "suspend to the shell (fg resumes)"
        case .interrupt: return "cancel (does not quit)"
        case .quit: return "quit"
        }
    }
}
