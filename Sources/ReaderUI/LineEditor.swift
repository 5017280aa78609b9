/// The text being typed at the `:` prompt, edited by grapheme cluster so that a Chinese
/// character or an emoji is inserted, moved over and deleted as one unit.
public struct LineEditor: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Insertion point, in characters.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    /// A line with the insertion point at `cursor` characters.
    public init(_ text: String, cursor: Int) {
        characters = Array(text)
        self.cursor = min(max(0, cursor), characters.count)
    }

    public var text: String { String(characters) }

    public mutating func insert(_ c: Character) {
        characters.insert(c, at: cursor)
        cursor += 1
    }

    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = characters.count }

    public mutating func clearToStart() {
        characters.removeFirst(cursor)
        cursor = 0
    }
}
