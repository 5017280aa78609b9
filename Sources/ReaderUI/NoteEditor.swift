/// The multi-line note editor at the bottom of the screen: lines of grapheme clusters, so
/// Chinese typed through an input method is inserted, moved over and deleted one character
/// at a time. Enter starts a new line; the reader saves on Ctrl-S and cancels on Esc.
public struct NoteEditor: Equatable, Sendable {
    public private(set) var lines: [LineEditor]
    /// The line holding the insertion point.
    public private(set) var row: Int
    /// The passage the note belongs to.
    public var range: Range<Int>
    /// The annotation being edited, if the note replaces an existing one's.
    public var annotationID: String?

    public init(text: String = "", range: Range<Int>, annotationID: String? = nil) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { LineEditor(String($0)) }
        if lines.isEmpty { lines = [LineEditor()] }
        row = lines.count - 1
        self.range = range
        self.annotationID = annotationID
    }

    public var text: String { lines.map(\.text).joined(separator: "\n") }

    public mutating func insert(_ c: Character) { lines[row].insert(c) }

    public mutating func newline() {
        let current = lines[row]
        let head = String(current.characters.prefix(current.cursor))
        let tail = String(current.characters.dropFirst(current.cursor))
        lines[row] = LineEditor(head)
        var next = LineEditor(tail)
        next.moveHome()
        lines.insert(next, at: row + 1)
        row += 1
    }

    public mutating func deleteBackward() {
        if lines[row].cursor > 0 { lines[row].deleteBackward(); return }
        guard row > 0 else { return }
        let joined = lines[row - 1].text + lines[row].text
        let column = lines[row - 1].characters.count
        lines.remove(at: row)
        row -= 1
        lines[row] = LineEditor(joined, cursor: column)
    }

    public mutating func deleteForward() {
        if lines[row].cursor < lines[row].characters.count { lines[row].deleteForward(); return }
        guard row + 1 < lines.count else { return }
        let column = lines[row].cursor
        lines[row] = LineEditor(lines[row].text + lines[row + 1].text, cursor: column)
        lines.remove(at: row + 1)
    }

    public mutating func moveLeft() { lines[row].moveLeft() }
    public mutating func moveRight() { lines[row].moveRight() }
    public mutating func moveHome() { lines[row].moveHome() }
    public mutating func moveEnd() { lines[row].moveEnd() }

    public mutating func moveUp() { moveRow(-1) }
    public mutating func moveDown() { moveRow(1) }

    private mutating func moveRow(_ delta: Int) {
        let target = row + delta
        guard lines.indices.contains(target) else { return }
        let column = lines[row].cursor
        row = target
        lines[row] = LineEditor(lines[row].text, cursor: min(column, lines[row].characters.count))
    }
}
