import TextCore

/// What the headless reader asks its host to do; the reader itself never touches files or the terminal.
public enum Effect: Equatable, Sendable {
    /// Read and decode this file, then call `ReaderState.open(_:)`.
    case open(path: String)
    /// Read the open document again (it changed on disk), then call `ReaderState.reload(_:)`.
    case reload(path: String)
    /// Read the open document's annotations (a file read on demand: `ReaderDocument.annotationsOnDemand`),
    /// call `attachAnnotations(_:)` or `annotationsUnavailable(_:)`, then `carryOn(pending)`.
    case loadAnnotations(then: Pending)
    /// Save the open document's annotations, then call `annotationsSaved()` or `annotationSaveFailed(_:)`.
    case saveAnnotations
    /// Open this file with `offset` on top and the cursor there (a jump into another document):
    /// the host passes it to `open(_:resume:marks:)` as the resume point.
    case openAt(path: String, offset: Int)
    /// Remember a mark of the open document.
    case setMark(letter: String, offset: Int)
    /// Remember a jump-list entry.
    case recordJump(path: String, offset: Int)
    /// Search the open file's bytes (a file read on demand) from `offset`, then call `fileSearchFinished`.
    case searchFile(SearchQuery, from: Int, backward: Bool)
    /// Export annotations (`:export FORMAT [options]`): of the open document, or with `library`
    /// of every document in the library; the host reports with `show(_:)`.
    case export(arguments: [String], library: Bool)
    /// Search every document of the library, then call `showGrepResults(_:hits:)`.
    case grep(SearchQuery)
    case suspend
    /// Repaint every cell (after Ctrl-L or a resume).
    case redraw
    case quit

    /// What waits for a document's annotations to be read: a key's command, or a `:` command line.
    public enum Pending: Equatable, Sendable {
        case command(Command)
        case commandLine(String)
    }
}
