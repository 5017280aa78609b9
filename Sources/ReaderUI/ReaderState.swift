import AnnotationCore
import ScreenCore
import TextCore

/// The whole reader as a value the tests can drive: library, open document, prompt, help.
///
/// `handle(_:)` changes state and returns effects for the host to carry out; `render()`
/// draws the current state into a `ScreenBuffer`. Nothing here touches files or the terminal.
public final class ReaderState {
    /// Built when the first key arrives (or help is shown), not before the first screen.
    public lazy var keymap: Keymap = .standard
    public private(set) var size: Size
    public var settings: LayoutSettings

    /// The library as shown: filtered and sorted.
    public private(set) var library: [LibraryEntry]
    /// Every entry the host listed.
    public private(set) var libraryEntries: [LibraryEntry] = []
    public internal(set) var libraryOrder: LibraryOrder = .name
    /// Typed in the library's `/` prompt: entries whose name or title contain it.
    public internal(set) var libraryFilter = ""
    public private(set) var libraryTitle: String
    public private(set) var selection = 0
    public internal(set) var focus: Pane = .library
    public private(set) var libraryVisible = true
    public private(set) var helpVisible = false
    public private(set) var helpScroll = 0
    public private(set) var viewport: TextViewport?
    public internal(set) var commandLine: LineEditor?
    public private(set) var history: [String] = []
    private var historyIndex: Int?
    public private(set) var message: Message?

    // Annotating
    /// Who annotates (`PIZHU_AUTHOR`, git's user.name, `$USER`): asked of `authorProvider` the
    /// first time it is needed (finding git's user.name costs a process, not worth it at start-up).
    public var author: String {
        get {
            if let resolvedAuthor { return resolvedAuthor }
            let name = authorProvider?() ?? "unknown"
            resolvedAuthor = name
            return name
        }
        set { resolvedAuthor = newValue }
    }
    public var authorProvider: (() -> String)?
    private var resolvedAuthor: String?
    /// Tags used in the library's other documents, offered by tag completion (set by the host).
    public var libraryTags: [String] = []
    /// Where a selection started (`v`); the cursor is its other end.
    public internal(set) var markAnchor: Int?
    /// What the bottom-line prompt (`commandLine`) is for.
    public internal(set) var promptKind: PromptKind = .command
    public internal(set) var noteEditor: NoteEditor?
    /// The first key of a two-key binding (`]a`, `[a`), waiting for the second.
    public internal(set) var pendingPrefix: Key?
    /// Undo steps: each is the changes of one command (`:tag-all` makes many at once).
    var undoStack: [[AnnotationChange]] = []
    var redoStack: [[AnnotationChange]] = []
    /// Set when the sidecar could not be written: annotating waits until `:save` succeeds.
    public internal(set) var annotationsBlocked: String?
    /// The confirmation shown once the pending save succeeds.
    var pendingSaveMessage: String?
    /// The annotation pane's highlighted row and filter.
    public internal(set) var annotationPaneIndex = 0
    public internal(set) var annotationFilter: String?
    /// The range the tag prompt or note editor acts on, fixed when it opened.
    var promptRange: Range<Int>?
    /// The tag prompt edits an annotation from the pane (`e`): its text replaces the tags, then the note editor opens.
    var editingAnnotation = false

    // Marks and the jump list
    /// Marks of the open document: letter → offset.
    public internal(set) var marks: [String: Int] = [:]
    /// Places jumped from and to, across documents (Ctrl-O back, Ctrl-I / Tab forward).
    public internal(set) var jumpList: [JumpPlace] = []
    /// Where Ctrl-O has taken us in `jumpList`; nil when at the newest place.
    var jumpIndex: Int?

    // Search
    public internal(set) var search: SearchState?
    /// The results of the last `:grep`, and the highlighted one.
    public internal(set) var grepResults: (query: SearchQuery, hits: [GrepHit])?
    public internal(set) var grepIndex = 0
    /// The open document's headings (found on first use) and the highlighted one.
    public internal(set) var outline: [DocumentOutline.Heading]?
    public internal(set) var outlineIndex = 0
    /// Where the view and cursor were when the search prompt opened (Esc goes back there).
    var searchOrigin: (top: Int, cursor: Int)?

    /// A line for the status bar; errors are drawn so they stand out even without colour.
    public struct Message: Equatable, Sendable {
        public var text: String
        public var isError: Bool
    }

    public init(size: Size, settings: LayoutSettings = LayoutSettings(), keymap: Keymap? = nil) {
        self.size = size
        self.settings = settings
        library = []
        libraryTitle = ""
        if let keymap { self.keymap = keymap }
    }

    // MARK: Host calls

    public func resize(_ newSize: Size) {
        viewport?.settleEnd(waiting: true)
        size = newSize
    }

    public func setLibrary(title: String, entries: [LibraryEntry]) {
        libraryTitle = title
        libraryEntries = entries
        refreshLibrary()
        if viewport == nil { focus = .library }
    }

    /// Re-applies the library's order and filter, keeping the selected document selected.
    func refreshLibrary() {
        let selectedPath = library.indices.contains(selection) ? library[selection].path : nil
        let needle = libraryFilter.lowercased()
        let shown = libraryEntries.filter { needle.isEmpty || $0.name.lowercased().contains(needle) || $0.title.lowercased().contains(needle) }
        library = libraryOrder.sorted(shown)
        selection = selectedPath.flatMap { p in library.firstIndex { $0.path == p } } ?? min(selection, max(0, library.count - 1))
    }

    /// Shows a document the host has read, at its top, with the focus on the text.
    public func open(_ document: ReaderDocument, resume: ResumePoint? = nil, marks: [String: Int] = [:]) {
        let frame = FrameLayout(size: size, libraryVisible: libraryVisible, focus: .text, settings: settings)
        viewport = TextViewport(document: document, settings: frame.layoutSettings(settings),
                                width: frame.measure, height: frame.text.height)
        focus = .text
        markAnchor = nil
        search = nil
        outline = nil
        undoStack.removeAll()
        redoStack.removeAll()
        self.marks = marks
        if let resume, let viewport {
            if let view = resume.view { viewport.show(view, segments: false) }
            layOut()
            let top = ResumePoint.locate(resume.quote, near: resume.position, in: document.text)
            viewport.go(toOffset: top)
            viewport.setCursor(max(top, resume.cursor + (top - resume.position)))
        }
        if let i = library.firstIndex(where: { $0.path == document.path }) { selection = i }
        if document.invalidSequences > 0 {
            show("\(document.invalidSequences) invalid byte sequences shown as �", error: true)
        }
    }

    /// Replaces the open document with a fresh read of it, keeping the passage on top.
    public func reload(_ document: ReaderDocument) {
        let offset = viewport?.topOffset ?? 0
        open(document)
        layOut()
        viewport?.go(toOffset: document.text.clampedOffset(offset))
        show("Reloaded \(document.name)")
    }

    /// The host found the open file changed on disk since it was read.
    public func documentChangedOnDisk() {
        show("文件已更改 \(viewport?.document.name ?? "the file") changed on disk — :reload reads it again", error: true)
    }

    public func show(_ text: String, error: Bool = false) {
        message = Message(text: text, isError: error)
    }

    // MARK: Keys

    public func handle(_ key: Key) -> [Effect] {
        // Every key acts on real offsets: a provisional end (`G` on a file still being counted) waits for the count here.
        viewport?.settleEnd(waiting: true)
        if key == .resize { return [] }
        message = nil
        if noteEditor != nil { return handleNoteEditor(key) }
        if commandLine != nil { return handleCommandLine(key) }
        if helpVisible { return handleHelp(key) }
        if let prefix = pendingPrefix {
            pendingPrefix = nil
            return handleSecondKey(key, after: prefix)
        }
        if key == .escape && focus == .text && markAnchor != nil {
            markAnchor = nil
            show("Selection cancelled")
            return []
        }
        guard let command = keymap.command(for: key, in: focus) else {
            show("No command on \(key.notation) — F1 for help")
            return []
        }
        return perform(command)
    }

    public func perform(_ command: Command) -> [Effect] {
        if command.needsAnnotations, viewport?.document.annotationsOnDemand == true {
            return [.loadAnnotations(then: .command(command))]
        }
        layOut()
        let page = max(1, (viewport?.height ?? 1) - 1)
        switch command {
        case .scrollDown: move(1, 1)
        case .scrollUp: move(-1, -1)
        case .pageDown: move(page, libraryPage)
        case .pageUp: move(-page, -libraryPage)
        case .halfPageDown: move(max(1, page / 2), max(1, libraryPage / 2))
        case .halfPageUp: move(-max(1, page / 2), -max(1, libraryPage / 2))
        case .goToTop:
            if focus == .library { selection = 0 } else if focus == .annotations { annotationPaneIndex = 0 } else {
                let effects = recordJumpFromHere()
                viewport?.goToTop()
                return effects
            }
        case .goToBottom:
            if focus == .library { selection = max(0, library.count - 1) } else if focus == .annotations {
                annotationPaneIndex = max(0, annotationPaneItems.count - 1)
            } else {
                let effects = recordJumpFromHere()
                viewport?.goToBottom()
                return effects
            }
        case .toggleView:
            guard let viewport else { show("No document is open", error: true); return [] }
            viewport.show(viewport.view == .original ? .reflow : .original, segments: viewport.showsSegments)
            show(viewport.view == .reflow ? "重排 reflow view: paragraphs joined" : "原文 original view: lines as in the file")
        case .toggleSegments:
            guard let viewport else { show("No document is open", error: true); return [] }
            guard viewport.document.views.profile.isSegmented else { show("This document has no | word separators"); return [] }
            viewport.show(viewport.view, segments: !viewport.showsSegments)
            show(viewport.showsSegments ? "word separators shown" : "word separators hidden")
        case .openSelected:
            guard library.indices.contains(selection) else { return [] }
            return [.open(path: library[selection].path)]
        case .showLibrary:
            libraryVisible = true
            focus = .library
        case .toggleLibrary:
            libraryVisible.toggle()
            if !libraryVisible && viewport != nil { focus = .text }
            if libraryVisible && viewport == nil { focus = .library }
        case .cycleFocus:
            if focus == .text && canJumpForward { return jump(back: false) }
            if focus == .text {
                libraryVisible = true
                focus = .library
            } else if viewport != nil {
                focus = .text
            }
        case .showHelp:
            helpVisible = true
            helpScroll = 0
        case .enterCommandLine:
            commandLine = LineEditor()
            promptKind = .command
            historyIndex = nil
        case .redraw: return [.redraw]
        case .suspend: return [.suspend]
        case .interrupt: show("Interrupted. Press q or type :q to quit")
        case .quit: return [.quit]
        default: return performAnnotating(command)
        }
        return []
    }

    private var libraryPage: Int { max(1, size.height - 3) }

    private func move(_ textRows: Int, _ libraryRows: Int) {
        switch focus {
        case .library: selection = min(max(0, selection + libraryRows), max(0, library.count - 1))
        case .annotations: moveInAnnotationPane(libraryRows)
        case .outline: outlineIndex = min(max(0, outlineIndex + libraryRows), max(0, (outline?.count ?? 1) - 1))
        case .results: grepIndex = min(max(0, grepIndex + libraryRows), max(0, (grepResults?.hits.count ?? 1) - 1))
        case .text: viewport?.moveCursorRows(textRows)
        }
    }

    private func handleHelp(_ key: Key) -> [Effect] {
        switch key {
        case .char("j"), .down, .enter: helpScroll += 1
        case .char("k"), .up: helpScroll = max(0, helpScroll - 1)
        case .char(" "), .pageDown, .ctrl("f"): helpScroll += max(1, size.height - 4)
        case .char("b"), .pageUp, .ctrl("b"): helpScroll = max(0, helpScroll - max(1, size.height - 4))
        case .ctrl("c"): helpVisible = false
        case .ctrl("z"): return [.suspend]
        default:
            helpVisible = false
        }
        return []
    }

    // MARK: Command line

    private func handleCommandLine(_ key: Key) -> [Effect] {
        guard var editor = commandLine else { return [] }
        switch key {
        case .enter:
            commandLine = nil
            let line = editor.text.trimmingSpaces
            if promptKind == .search || promptKind == .searchBackward {
                let backward = promptKind == .searchBackward
                promptKind = .command
                return finishSearch(editor.text, backward: backward)
            }
            if promptKind != .command { return finishPrompt(promptKind, line) }
            if !line.isEmpty && history.last != line { history.append(line) }
            return execute(line)
        case .escape, .ctrl("c"), .ctrl("g"):
            commandLine = nil
            if promptKind == .search || promptKind == .searchBackward { cancelSearch() }
            if promptKind == .libraryFilter { libraryFilter = ""; refreshLibrary() }
            if promptKind != .command { show("Cancelled") }
            promptKind = .command
            return []
        case .backspace:
            if editor.characters.isEmpty && promptKind == .command { commandLine = nil; return [] }
            editor.deleteBackward()
        case .delete, .ctrl("d"): editor.deleteForward()
        case .left, .ctrl("b"): editor.moveLeft()
        case .right, .ctrl("f"): editor.moveRight()
        case .home, .ctrl("a"): editor.moveHome()
        case .end, .ctrl("e"): editor.moveEnd()
        case .ctrl("u"): editor.clearToStart()
        case .up: editor = recall(-1) ?? editor
        case .down: editor = recall(1) ?? editor
        case .tab: if promptKind == .tags { editor = completeTag(editor) }
        case .char(let c): editor.insert(c)
        default: break
        }
        commandLine = editor
        if promptKind == .search || promptKind == .searchBackward {
            previewSearch(editor.text, backward: promptKind == .searchBackward)
        }
        if promptKind == .libraryFilter {
            libraryFilter = editor.text
            refreshLibrary()
        }
        return []
    }

    private func recall(_ step: Int) -> LineEditor? {
        guard !history.isEmpty else { return nil }
        let i = (historyIndex ?? history.count) + step
        guard i >= 0 else { return nil }
        if i >= history.count {
            historyIndex = nil
            return LineEditor()
        }
        historyIndex = i
        return LineEditor(history[i])
    }

    /// Runs one `:` command line.
    public func execute(_ line: String) -> [Effect] {
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let word = words.first else { return [] }
        guard let command = ColonCommand.named(word) else {
            show("Unknown command :\(word) — F1 lists the commands", error: true)
            return []
        }
        let argument = words.dropFirst().joined(separator: " ")
        switch command.name {
        case "open":
            guard !argument.isEmpty else { show("Usage: :open PATH", error: true); return [] }
            return [.open(path: argument)]
        case "reload":
            guard let viewport else { show("No document is open", error: true); return [] }
            return [.reload(path: viewport.document.path)]
        case "goto":
            let effects = recordJumpFromHere()
            goto(argument)
            return effects
        case "set": set(Array(words.dropFirst()))
        case "library": _ = perform(.showLibrary)
        case "outline": return perform(.toggleOutline)
        case "export":
            guard !argument.isEmpty else { show("Usage: :export md|html|csv|json|w3c|brat|txt [--tag T] [--group-by tag] …", error: true); return [] }
            let library = focus == .library || viewport == nil
            show("Exporting…")
            return [.export(arguments: words.dropFirst().map { $0 }, library: library)]
        case "grep":
            guard !argument.isEmpty else { show("Usage: :grep TEXT", error: true); return [] }
            show("Searching \(library.count) documents for \(argument)…")
            return [.grep(SearchQuery.parse(argument))]
        case "highlight", "tag", "tag-all", "note", "next", "annotations", "save", "undo", "redo":
            return executeAnnotating(command.name, argument)
        case "help": _ = perform(.showHelp)
        case "quit": return [.quit]
        default: break
        }
        return []
    }

    private func goto(_ argument: String) {
        guard let viewport else { show("No document is open", error: true); return }
        let words = argument.split(separator: " ")
        if words.first == "heading" {
            guard words.count == 2, let n = Int(words[1]), n >= 1 else { show("Usage: :goto heading 3", error: true); return }
            let headings = documentOutline()
            guard n <= headings.count else { show("This document has \(headings.count) headings", error: true); return }
            viewport.go(toOffset: headings[n - 1].offset)
            show("标题 \(n)/\(headings.count): \(headings[n - 1].title)")
            return
        }
        let digits = argument.hasSuffix("%") ? String(argument.dropLast()) : argument
        guard let p = Double(digits), p >= 0, p <= 100 else {
            show("Usage: :goto 37%", error: true)
            return
        }
        layOut()
        let count = viewport.document.text.count
        viewport.go(toOffset: Int((Double(count) * p / 100).rounded(.down)))
        show("\(argument.hasSuffix("%") ? argument : argument + "%")")
    }

    private func set(_ words: [String]) {
        guard words.count == 2 else {
            show("Usage: :set measure N | ambiguous narrow|wide | linebreak none|basic|strict | hanging on|off | spacing on|off", error: true)
            return
        }
        let (name, value) = (words[0], words[1])
        let on = ["on", "yes", "true", "1"].contains(value)
        let off = ["off", "no", "false", "0"].contains(value)
        switch name {
        case "measure":
            guard let n = Int(value), n >= 10, n <= 1000 else { show("measure must be 10…1000 cells", error: true); return }
            settings.measure = n
        case "ambiguous":
            guard let a = AmbiguousWidth(rawValue: value) else { show("ambiguous is narrow or wide", error: true); return }
            settings.ambiguous = a
        case "linebreak":
            guard let s = LineBreakStrictness(rawValue: value) else { show("linebreak is none, basic or strict", error: true); return }
            settings.strictness = s
        case "hanging", "spacing":
            guard on || off else { show("\(name) is on or off", error: true); return }
            if name == "hanging" { settings.hanging = on } else { settings.paragraphSpacing = on }
        default:
            show("Unknown setting \(name)", error: true)
            return
        }
        show("\(name) = \(value)")
    }

    // MARK: Layout

    /// True while the text shown waits for a large file's count: the end shown is provisional,
    /// or the percentage is not known yet. The run loop then looks again soon.
    public var awaitsCount: Bool {
        guard let viewport else { return false }
        return viewport.showsProvisionalEnd || viewport.document.text.knownCount == nil
    }

    /// Puts the real end in place of a provisional one if the count is done; true if the
    /// screen changed (the end, or the percentage now known), so it should be drawn again.
    public func settleCount() -> Bool {
        guard let viewport else { return false }
        return viewport.settleEnd(waiting: false) || viewport.document.text.knownCount != nil
    }

    /// Where the panes are on the screen as it stands.
    public var frame: FrameLayout {
        FrameLayout(size: size, libraryVisible: libraryVisible, focus: focus, settings: settings)
    }

    /// Brings the viewport in line with the current size and settings.
    func layOut() {
        guard let viewport else { return }
        viewport.configure(settings: frame.layoutSettings(settings), width: frame.measure, height: frame.text.height)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
