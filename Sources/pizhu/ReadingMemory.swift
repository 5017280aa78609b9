import AnnotationCore
import DocumentStore
import Glibc
import ReaderUI
import TextCore

/// The reader's link to the document store: where to resume a document, its marks, and
/// writing positions, marks and jumps back as the user reads. Without a store (read-only home,
/// …) every call does nothing and the reader works as before.
final class ReadingMemory {
    /// The store, opened on a thread of its own while the terminal is set up and the first
    /// document is read; the first call that needs it waits for it.
    private let opened: ThreadResult<(store: DocumentStore?, warning: String?)>
    var store: DocumentStore? { opened.value.store }
    /// Why the store is unavailable or what was repaired, for the status line.
    var warning: String? { opened.value.warning }
    private var current: DocumentState?
    /// The opening `begin` found, not written yet (see `recordOpening`).
    private var opening: DocumentState?
    private var lastWritten: (Int, Int, ReadingView, LayoutSettings)?

    /// Paths the store must never keep: input held in memory (`InputSpool`), whose copy does
    /// not outlive this run. Nothing is read or written for them: no position, marks, jumps or
    /// encoding.
    var unremembered: Set<String> = []

    init(folder: String = DocumentStore.defaultFolder()) {
        opened = ThreadResult { DocumentStore.open(folder: folder) }
    }

    /// The `--encoding` remembered for a path, used when none is given this time.
    func encodingOverride(for path: String) -> String? {
        guard !unremembered.contains(path) else { return nil }
        return store?.state(path: FilePaths.absolute(path), sha256: "")?.encodingOverride
    }

    /// The stored state of a document being opened (found by content, else path): where to
    /// resume, its marks, and its own layout settings if it has any.
    func begin(_ document: ReaderDocument, encodingOverride: String?) -> (resume: ResumePoint?, marks: [String: Int], settings: String?) {
        if unremembered.contains(document.path) {
            // Nothing to resume, and what follows (positions, marks) is not written for it.
            recordOpening()
            current = nil
            lastWritten = nil
            return (nil, [:], nil)
        }
        guard let store else { return (nil, [:], nil) }
        let path = FilePaths.absolute(document.path)
        let sha = document.annotations?.record.sha256 ?? ""
        var state = store.state(path: path, sha256: sha) ?? DocumentState(path: path)
        let resume = state.lastOpened > 0
            ? ResumePoint(position: state.position, quote: state.positionQuote, cursor: state.cursor, view: state.view.flatMap(ReadingView.init(rawValue:)))
            : nil
        state.path = path
        state.sha256 = sha
        state.sizeBytes = FileSystem.size(document.path)
        state.encoding = document.encoding
        state.title = Self.title(of: document)
        state.annotationCount = document.annotations?.annotations.count ?? 0
        if let encodingOverride { state.encodingOverride = encodingOverride }
        state.lastOpened = Self.nowMilliseconds
        current = state
        opening = state
        lastWritten = nil
        var marks: [String: Int] = [:]
        if state.id != 0 {
            for m in store.marks(document: state.id) { marks[m.letter] = ResumePoint.locate(m.quote, near: m.position, in: document.text) }
        }
        return (resume, marks, state.settings)
    }

    /// Writes what `begin` learned of the document (its opening, title, size, encoding). The
    /// reader calls this once the document's first screen is drawn: a store's first write
    /// opens its log, which takes 1–4 ms the screen need not wait for. Everything that writes
    /// calls it first, so nothing is written out of order.
    func recordOpening() {
        guard let store, let state = opening else { return }
        opening = nil
        if store.save(state) { current = store.state(path: state.path, sha256: "") ?? state }
    }

    /// Writes the reading position (and the document's own settings, when they differ from the
    /// command line's) if they changed: one UPSERT in WAL mode.
    func remember(_ state: ReaderState, defaults: LayoutSettings) {
        recordOpening()
        guard let store, var s = current, let viewport = state.viewport,
              FilePaths.absolute(viewport.document.path) == s.path else { return }
        let now = (viewport.topOffset, viewport.cursor, viewport.view, state.settings)
        if let last = lastWritten, last == now { return }
        s.settings = state.settings == defaults ? nil : state.settings.text
        s.position = viewport.topOffset
        s.positionQuote = ResumePoint.quote(at: viewport.topOffset, in: viewport.document.text)
        s.cursor = viewport.cursor
        s.view = viewport.view.rawValue
        s.progress = viewport.percent ?? s.progress
        s.annotationCount = viewport.document.annotations?.annotations.count ?? s.annotationCount
        s.lastOpened = Self.nowMilliseconds
        if store.save(s) {
            current = s
            lastWritten = now
        }
    }

    func setMark(_ letter: String, offset: Int, in state: ReaderState) {
        recordOpening()
        guard let store, let s = current, let text = state.viewport?.document.text, let id = store.id(of: s) else { return }
        store.setMark(Mark(letter: letter, position: offset, quote: ResumePoint.quote(at: offset, in: text)), document: id)
    }

    func pushJump(path: String, offset: Int) {
        guard !unremembered.contains(path) else { return }
        store?.pushJump(Jump(path: FilePaths.absolute(path), position: offset))
    }

    var jumps: [JumpPlace] { store?.jumps().map { JumpPlace(path: $0.path, offset: $0.position) } ?? [] }

    /// Library entries with what the store remembers (title, encoding, progress, last reading,
    /// annotation count); a document never opened but with a sidecar gets its annotation count from it.
    func enrich(_ entries: [LibraryEntry]) -> [LibraryEntry] {
        let known = store?.all() ?? [:]
        return entries.map { entry in
            var e = entry
            if let s = known[FilePaths.absolute(entry.path)] {
                e.title = s.title
                e.encoding = s.encoding
                e.progress = s.progress
                e.lastRead = s.lastOpened
                e.annotationCount = s.annotationCount
            } else if FileSystem.kind(SidecarFile.path(besideSource: entry.path)) == .file {
                e.annotationCount = (try? SidecarFile(path: SidecarFile.path(besideSource: entry.path)).read())??.live.count ?? 0
            }
            return e
        }
    }

    /// The tags used in the sidecars beside these documents, for tag completion in the reader.
    func tags(in entries: [LibraryEntry]) -> [String] {
        var names = Set<String>()
        for entry in entries where FileSystem.kind(SidecarFile.path(besideSource: entry.path)) == .file {
            guard let sidecar = (try? SidecarFile(path: SidecarFile.path(besideSource: entry.path)).read()) ?? nil else { continue }
            for t in sidecar.tags { names.insert(t.name) }
        }
        return names.sorted()
    }

    /// Recently read documents that still exist, newest first (`pizhu --recent`).
    func recentEntries() -> [LibraryEntry] {
        (store?.recent() ?? []).filter { FileSystem.kind($0.path) == .file }.map {
            LibraryEntry(name: $0.path.split(separator: "/").suffix(2).joined(separator: "/"), path: $0.path, sizeBytes: FileSystem.size($0.path), title: $0.title, encoding: $0.encoding,
                         progress: $0.progress, lastRead: $0.lastOpened, annotationCount: $0.annotationCount)
        }
    }

    static var nowMilliseconds: Int {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int(ts.tv_sec) * 1000 + Int(ts.tv_nsec) / 1_000_000
    }

    /// A title for the library: the first non-empty line, if short, else the file name.
    static func title(of document: ReaderDocument) -> String {
        let text = document.text
        var offset = 0
        for _ in 0..<20 {
            guard text.contains(offset) else { break }
            // Only the next 200 scalars are read: in a file that is one huge line, a search for
            // the line's end would read on (and wait for the count) before the first screen.
            let (line, end) = text.withScalars(in: offset..<(offset + 200)) { head in
                let end = head.firstIndex(where: isLineTerminator) ?? head.count
                return (String(scalars: UnsafeBufferPointer(rebasing: head[..<end])), end)
            }
            let trimmed = line.trimmingWhitespace
            if !trimmed.isEmpty { return trimmed.count <= 60 ? trimmed : document.name }
            offset += end + 1
        }
        return document.name
    }
}
