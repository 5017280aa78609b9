import AnnotationCore
import CSignalFlag
import CursesTerminal
import Glibc
import ReaderUI
import ScreenCore
import Export
import TextCore

/// The run loop: keys in, effects carried out, frames out, until quit or a signal.
final class ReaderSession {
    private let screen: CursesScreen
    private let state: ReaderState
    private let started = FileSystem.monotonicMilliseconds
    private let trace = FileSystem.environment("PIZHU_TRACE")

    private let decoding: DecodingOptions
    /// The settings from the command line; a document's own `:set` choices replace them while it is open.
    private let defaultSettings: LayoutSettings
    private let memory: ReadingMemory

    init(screen: CursesScreen, memory: ReadingMemory, settings: LayoutSettings, decoding: DecodingOptions) {
        self.screen = screen
        self.memory = memory
        self.decoding = decoding
        defaultSettings = settings
        state = ReaderState(size: screen.size, settings: settings)
        state.authorProvider = AuthorName.resolve
    }

    /// Runs until the user quits (status 0) or SIGTERM/SIGHUP/SIGINT arrives (128 + signal);
    /// the terminal is restored either way.
    func run(_ startup: Startup) -> Int32 {
        spools = startup.spools
        memory.unremembered = Set(spools.map(\.path))
        if startup.recent {
            state.setLibrary(title: "recent", entries: memory.recentEntries())
            _ = state.perform(.sortLibrary)
        } else {
            // With a document to show first, what the store knows of the library waits until
            // that document is on the screen.
            state.setLibrary(title: startup.libraryTitle, entries: startup.openFirst == nil ? memory.enrich(startup.entries) : startup.entries)
        }
        log("library-ms \(FileSystem.monotonicMilliseconds - started)")
        if let file = startup.openFirst { open(file) }
        if let warning = memory.warning { state.show(warning, error: true) }
        log("opened-ms \(FileSystem.monotonicMilliseconds - started)")
        draw()
        log("first-frame-ms \(FileSystem.monotonicMilliseconds - started)")
        // The store's first write waits until the first screen is on the terminal (after each
        // key, `remember` writes it first).
        memory.recordOpening()
        finishStartup(startup)
        if annotationsWaiting { loadAnnotations() }
        while true {
            let signal = csf_take()
            if signal != 0 { return hangUp("signal \(signal)", status: 128 + signal) }
            // A terminal that went without a SIGHUP ends the reader as a SIGHUP would.
            if screen.terminalGone { return hangUp("terminal gone", status: 128 + SIGHUP) }
            // While a large file is counted, look often: its real end or percentage replaces "…" as soon as it is known.
            let counting = state.awaitsCount
            screen.pollMilliseconds = counting ? 20 : 250
            guard let key = screen.readKey() else {
                if counting && state.settleCount() { draw() }
                checkForChanges()
                continue
            }
            let keyAt = FileSystem.monotonicMilliseconds
            if key == .resize { state.resize(screen.size) }
            if carryOut(state.handle(key)) {
                memory.remember(state, defaults: defaultSettings)
                screen.stop()
                log("exit quit")
                return 0
            }
            draw()
            // Keypress to redraw, for the benchmark's latency figures (only with PIZHU_TRACE).
            if trace != nil { log("key-ms \(FileSystem.monotonicMilliseconds - keyAt)") }
            // The new position is written once the frame is on the terminal.
            memory.remember(state, defaults: defaultSettings)
            if annotationsWaiting { loadAnnotations() }
        }
    }

    /// Does what the reader asked for; true when it asked to quit.
    private func carryOut(_ effects: [Effect]) -> Bool {
        for effect in effects {
            switch effect {
            case .quit: return true
            case .open(let path): open(path)
            case .reload(let path): open(path, reload: true)
            case .suspend:
                screen.suspend()
                state.resize(screen.size)
            case .redraw: screen.forceRedraw()
            case .saveAnnotations: saveAnnotations()
            case .loadAnnotations(let pending):
                loadAnnotations()
                if carryOut(state.carryOn(pending)) { return true }
            case .openAt(let path, let offset): open(path, at: offset)
            case .setMark(let letter, let offset): memory.setMark(letter, offset: offset, in: state)
            case .recordJump(let path, let offset): memory.pushJump(path: path, offset: offset)
            case .searchFile(let query, let from, let backward): searchFile(query, from: from, backward: backward)
            case .export(let arguments, let library): export(arguments, library: library)
            case .grep(let query):
                draw()
                state.showGrepResults(query, hits: LibraryGrep.search(query, in: state.library.map(\.path)).hits)
            }
        }
        return false
    }

    /// Set when a file read on demand with a sidecar beside it is opened: its annotations are
    /// read once its first screen is drawn.
    private var annotationsWaiting = false

    /// Reads the annotations of the open file read on demand: the whole file decoded, as
    /// `pizhu annotate` does, checked to count the same characters as the reader's text (or
    /// every offset after an invalid byte would be off).
    private func loadAnnotations() {
        annotationsWaiting = false
        guard let document = state.viewport?.document, document.annotationsOnDemand else { return }
        state.show("Reading the annotations of \(document.name) (the whole file, \(FileSystem.size(document.path) >> 20) MB)…")
        draw()
        do {
            let annotations = try AnnotatedDocument.open(path: document.path, encoding: decoding.encoding, force: decoding.force)
            if annotations.text.count == document.text.count {
                state.attachAnnotations(annotations)
            } else {
                state.annotationsUnavailable("\(document.name) has invalid UTF-8, so its offsets read on demand differ from the whole file's: "
                                             + "annotate it with pizhu annotate")
            }
        } catch {
            state.annotationsUnavailable("\(error)")
        }
        draw()
    }

    /// Ends the session on a signal or a vanished terminal: the note being typed and the
    /// reading position are saved first, then the terminal (if any) is restored.
    private func hangUp(_ reason: String, status: Int32) -> Int32 {
        if state.flushPendingNote().contains(.saveAnnotations) { saveAnnotations() }
        memory.remember(state, defaults: defaultSettings)
        screen.stop()
        log("exit \(reason)")
        return status
    }

    /// What the first screen did not need: the library as the store knows it (redrawn if it
    /// is on the screen), the tags of its sidecars for completion, the jump list.
    private func finishStartup(_ startup: Startup) {
        if startup.openFirst != nil && !startup.recent {
            let enriched = memory.enrich(startup.entries)
            if enriched != state.libraryEntries {
                state.setLibrary(title: startup.libraryTitle, entries: enriched)
                if state.frame.library != nil { draw() }
            }
        }
        state.libraryTags = memory.tags(in: state.libraryEntries)
        state.setJumpList(memory.jumps)
    }

    private func draw() {
        screen.draw(state.render(), cursor: state.cursorPosition)
        // A large file's count waits until its first screen is on the terminal.
        (state.viewport?.document.text as? UTF8FileText)?.countInBackground()
    }

    private var changeReported = false
    private var lastChangeCheck = 0.0

    /// Looks (at most once a second, while idle) whether the open file changed on disk.
    private func checkForChanges() {
        let now = FileSystem.monotonicMilliseconds
        guard now - lastChangeCheck > 1000, !changeReported, let document = state.viewport?.document else { return }
        lastChangeCheck = now
        let changed = (document.text as? UTF8FileText)?.hasChangedOnDisk() ?? (FileSystem.modificationTime(document.path) != openedTimes[document.path])
        if changed {
            changeReported = true
            state.documentChangedOnDisk()
            draw()
        }
    }

    private var openedTimes: [String: Int] = [:]
    /// Input read from a pipe, `-` or a FIFO: opened like files, under their own names (the
    /// store is told not to remember them: `ReadingMemory.unremembered`).
    private var spools: [InputSpool] = []

    /// Opens a file or folder; `offset` (a jump) replaces the stored reading position.
    private func open(_ path: String, reload: Bool = false, at offset: Int? = nil) {
        let expanded = FileSystem.expandingTilde(path)
        if DocumentFiles.isDirectory(expanded) {
            state.setLibrary(title: FileSystem.lastComponent(expanded), entries: memory.enrich(DocumentFiles.list(folder: expanded)))
            state.libraryTags = memory.tags(in: state.libraryEntries)
            _ = state.perform(.showLibrary)
            return
        }
        let spool = spools.first { $0.path == expanded }
        var options = decoding
        options.hashing = spool == nil   // the hash finds a sidecar; input held in memory has none
        // Asked once the file's bytes are read, or for a large UTF-8 file once it is measured
        // (the store may still be opening).
        options.remembered = { [memory] in memory.encodingOverride(for: expanded) }
        let began = FileSystem.monotonicMilliseconds
        options.progress = { [self] fraction in
            // Long transcodes show their progress once they pass half a second.
            guard FileSystem.monotonicMilliseconds - began > 500 else { return }
            state.show("Decoding \(spool?.name ?? FileSystem.lastComponent(expanded))… \(Int(fraction * 100))%")
            draw()
        }
        do {
            let file = try DocumentFiles.load(path: expanded, spooledName: spool?.name, options: options)
            var document = file.readerDocument
            if let instead = try file.rememberedInstead() { document = instead.readerDocument }
            log("loaded-ms \(FileSystem.monotonicMilliseconds - started)")
            openedTimes[expanded] = FileSystem.modificationTime(expanded)
            changeReported = false
            // Only a sidecar beside the file is looked for: one kept elsewhere for a read-only
            // folder is found by the file's hash, which is the whole file read again.
            annotationsWaiting = document.annotationsOnDemand && FileSystem.kind(SidecarFile.path(besideSource: expanded)) == .file
            if reload {
                state.reload(document)
            } else {
                memory.remember(state, defaults: defaultSettings)
                let (resume, marks, settings) = memory.begin(document, encodingOverride: decoding.encoding)
                log("stored-ms \(FileSystem.monotonicMilliseconds - started)")
                state.settings = settings.map(defaultSettings.applying) ?? defaultSettings
                state.open(document, resume: offset.map { ResumePoint(position: $0, quote: "", cursor: $0) } ?? resume, marks: marks)
            }
        } catch {
            state.show("\(error)", error: true)
        }
    }

    /// Searches a file read on demand, as bytes, showing progress; Esc or Ctrl-C stops it.
    /// The first hit shows as soon as it is found; at the end it wraps around once.
    private func searchFile(_ query: SearchQuery, from: Int, backward: Bool) {
        guard let text = state.viewport?.document.text as? UTF8FileText else { return }
        var lastDraw = FileSystem.monotonicMilliseconds
        let outcome = text.search(query.pattern, from: from, backward: backward) { [self] fraction in
            if let key = screen.pendingKey(), key == .escape || key == .ctrl("c") { return false }
            let now = FileSystem.monotonicMilliseconds
            if now - lastDraw > 100 {
                lastDraw = now
                state.show("Searching… \(Int(fraction * 100))% (Esc or Ctrl-C stops)")
                draw()
            }
            return true
        }
        switch outcome {
        case .found(let range, let wrapped): state.fileSearchFinished(range, wrapped: wrapped, cancelled: false)
        case .notFound: state.fileSearchFinished(nil, wrapped: false, cancelled: false)
        case .cancelled: state.fileSearchFinished(nil, wrapped: false, cancelled: true)
        }
    }

    /// `:export`: the command line's own parser and exporter, for the open document or the library.
    private func export(_ arguments: [String], library: Bool) {
        guard let format = arguments.first else { return }
        let files = library ? state.library.map(\.path).filter(Exporter.hasSidecar) : (state.viewport.map { [$0.document.path] } ?? [])
        guard !files.isEmpty else { state.show("Nothing to export: no annotated documents", error: true); return }
        do {
            let command = try ExportCommand.parse(["--format", format] + arguments.dropFirst() + files)
            guard command.output != "-" else { state.show("-o - would write over the screen; give a file", error: true); return }
            let title = library ? String(state.libraryTitle.filter { $0 != "/" }) : FileSystem.lastComponent(files[0])
            let result = Exporter.export(files: files, title: title.isEmpty ? "library" : title, format: ExportFormat(rawValue: command.format)!,
                                         options: command.options, output: command.output, decoding: decoding, report: { _ in })
            state.show(result.written.map { "✓ exported to \($0)" + (result.skipped ? " (some documents skipped)" : "") } ?? "Export failed", error: result.skipped)
        } catch {
            state.show("\(ExportCommand.message(for: error))", error: true)
        }
    }

    /// Saves the open document's sidecar now (every annotation change is saved at once).
    private func saveAnnotations() {
        guard let annotations = state.viewport?.document.annotations else { return }
        do {
            try annotations.save(user: state.author)
            state.annotationsSaved()
        } catch {
            state.annotationSaveFailed("\(error)")
        }
    }

    private func log(_ line: String) {
        if let trace { FileSystem.append(line, to: trace) }
    }
}
