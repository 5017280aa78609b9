/// A unit of layout: one paragraph as a view presents it (or a slice of a very long one).
///
/// Blocks partition the text: `owned` runs from one block's start to the next block's start,
/// so every offset belongs to exactly one block. `content` (a prefix of `owned`) is what is
/// laid out; the rest of `owned` (terminators, blank and hidden lines) draws nothing.
public struct Block: Equatable, Sendable {
    public enum Role: String, Sendable { case text, heading }

    public var content: Range<Int>
    public var owned: Range<Int>
    /// True for the first block of a paragraph (false for the later slices of a long one).
    public var isParagraphStart: Bool
    /// True for the last block of a paragraph.
    public var isParagraphEnd: Bool
    public var role: Role

    public init(content: Range<Int>, owned: Range<Int>, isParagraphStart: Bool = true, isParagraphEnd: Bool = true,
                role: Role = .text) {
        self.content = content
        self.owned = owned
        self.isParagraphStart = isParagraphStart
        self.isParagraphEnd = isParagraphEnd
        self.role = role
    }
}

/// How a view cuts a text into blocks and what it shows of each.
///
/// The original view shows the lines of the file; the reflow view joins hard-wrapped lines
/// into paragraphs and hides what does not belong to the text (page numbers, indents of
/// continuation lines). Either way offsets stay those of the source.
public protocol TextStructure: AnyObject {
    var text: TextSource { get }
    /// The block that owns `offset`.
    func block(containing offset: Int) -> Block
    /// The scalars to lay out for `block.content`, one per source scalar: a scalar the view
    /// hides is replaced by `TextStructureMarks.hidden`, a line break that joins two Latin
    /// words by a space.
    func displayScalars(of block: Block) -> [Unicode.Scalar]
    /// True if the view separates paragraphs with a blank row.
    var separatesParagraphs: Bool { get }
}

/// Scalars with a special meaning inside `displayScalars`.
public enum TextStructureMarks {
    /// Stands for a source scalar the view hides: no cells, glued to what precedes it.
    /// It is the noncharacter U+FDD0, which text files do not carry; a file that does
    /// contain one has it hidden too.
    public static let hidden = Unicode.Scalar(0xFDD0)!
}
