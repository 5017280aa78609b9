import CSignalFlag
import CursesTerminal
import Glibc
import ReaderUI
import ScreenCore
import TextCore

/// The run loop: keys in, effects carried out, frames out, until quit or a signal.
final class ReaderSession {
    private let screen: CursesScreen
    private let state: ReaderState
    private let started = FileSystem.monotonicMilliseconds
    private let trace = FileSystem.environment("PIZHU_TRACE")

    private let decoding: DecodingOptions
    private let memory = ReadingMemory()

    init(screen: CursesScreen, settings: LayoutSettings, decoding: DecodingOptions) {
        self.screen = screen
        self.decoding = decoding
        state = ReaderState(size: screen.size, settings: settings)
        state.author = AuthorName.resolve()
        state.setJumpList(memory.jumps)
    }

    /// Runs until the user quits (status 0) or SIGTERM/SIGHUP/SIGINT arrives (128 + signal);
    /// the terminal is restored either way.
    func run(_ startup: Startup) -> Int32 {
        state.setLibrary(title: startup.libraryTitle, entries: startup.entries)
        if let file = startup.openFirst { open(file) }
        if let warning = memory.warning { state.show(warning, error: true) }
        draw()
        log("first-frame-ms \(FileSystem.monotonicMilliseconds - started)")
        while true {
            let signal = csf_take()
            if signal != 0 {
                memory.remember(state)
                screen.stop()
                log("exit signal \(signal)")
                return 128 + signal
            }
            guard let key = screen.readKey() else {
                checkForChanges()
                continue
            }
            if key == .resize { state.resize(screen.size) }
            for effect in state.handle(key) {
                switch effect {
                case .quit:
                    memory.remember(state)
                    screen.stop()
                    log("exit quit")
                    return 0
                case .open(let path): open(path)
                case .reload(let path): open(path, reload: true)
                case .suspend:
                    screen.suspend()
                    state.resize(screen.size)
                case .redraw: screen.forceRedraw()
                case .saveAnnotations: saveAnnotations()
                case .openAt(let path, _): open(path)
                case .setMark(let letter, let offset): memory.setMark(letter, offset: offset, in: state)
                case .recordJump(let path, let offset): memory.pushJump(path: path, offset: offset)
                case .grep(let query):
                    draw()
                    state.showGrepResults(query, hits: LibraryGrep.search(query, in: state.library.map(\.path)).hits)
                }
            }
            memory.remember(state)
            draw()
        }
    }

    private func draw() {
        screen.draw(state.render())
        screen.placeCursor(state.cursorPosition)
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

    private func open(_ path: String, reload: Bool = false) {
        let expanded = FileSystem.expandingTilde(path)
        if DocumentFiles.isDirectory(expanded) {
            state.setLibrary(title: FileSystem.lastComponent(expanded), entries: DocumentFiles.list(folder: expanded))
            _ = state.perform(.showLibrary)
            return
        }
        var options = decoding
        let began = FileSystem.monotonicMilliseconds
        options.progress = { [self] fraction in
            // Long transcodes show their progress once they pass half a second.
            guard FileSystem.monotonicMilliseconds - began > 500 else { return }
            state.show("Decoding \(FileSystem.lastComponent(expanded))… \(Int(fraction * 100))%")
            draw()
        }
        do {
            let document = try DocumentFiles.load(path: expanded, options: options).readerDocument
            openedTimes[expanded] = FileSystem.modificationTime(expanded)
            changeReported = false
            if reload {
                state.reload(document)
            } else {
                memory.remember(state)
                let (resume, marks) = memory.begin(document)
                state.open(document, resume: resume, marks: marks)
            }
        } catch {
            state.show("\(error)", error: true)
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
