/// The reflow view of a `|`-segmented corpus: separators hidden, and a run of full-width
/// spaces between separators (`|　|　|`, where the source's paragraphs began) starts a new
/// paragraph, its spaces kept as the first-line indent.
///
/// The `|` stay in the source and in every offset; `wordBoundaries(in:)` gives the word
/// boundaries they mark, for word motions and selection.
public final class SegmentedStructure: TextStructure {
    public let text: TextSource
    public let lines: LineIndex
    public let hiddenScalar: Unicode.Scalar?
    private var starts: [Int: [Int]] = [:]
    /// Lines longer than this are sliced like the original view instead of being scanned.
    static let scanLimit = 1 << 22

    public init(text: TextSource, lines: LineIndex, hiddenScalar: Unicode.Scalar?) {
        self.text = text
        self.lines = lines
        self.hiddenScalar = hiddenScalar
    }

    public var separatesParagraphs: Bool { true }

    public func block(containing offset: Int) -> Block {
        guard !text.isEmpty else { return Block(content: 0..<0, owned: 0..<0) }
        let o = text.clampedOffset(offset)
        let line = lines.line(containing: o)
        guard line.contentEnd - line.start <= Self.scanLimit else {
            return Slicer.block(of: line.content, ownedEnd: line.next, containing: o, text: text,
                                maxLength: OriginalStructure.maxBlockLength)
        }
        let marks = paragraphStarts(of: line)
        let i = (marks.lastIndex { $0 <= o }) ?? 0
        let start = marks[i]
        let end = i + 1 < marks.count ? marks[i + 1] : line.contentEnd
        let owned = i + 1 < marks.count ? end : line.next
        return Slicer.block(of: start..<end, ownedEnd: owned, containing: o, text: text,
                            maxLength: OriginalStructure.maxBlockLength)
    }

    public func displayScalars(of block: Block) -> [Unicode.Scalar] {
        let scalars = text.scalars(in: block.content)
        guard let hiddenScalar else { return scalars }
        return scalars.map { $0 == hiddenScalar ? TextStructureMarks.hidden : $0 }
    }

    /// Offsets where paragraphs start in `line`: its start, and each full-width space run
    /// that follows a separator.
    func paragraphStarts(of line: LineIndex.Line) -> [Int] {
        if let cached = starts[line.start] { return cached }
        var out = [line.start]
        var o = line.start + 1
        while o < line.contentEnd {
            if text.scalar(at: o) == "\u{3000}" && text.scalar(at: o - 1) == "|"
                && (o < 2 || text.scalar(at: o - 2) != "\u{3000}") && o - 1 > out.last! {
                out.append(o)
                // Skip the rest of the run.
                while o < line.contentEnd && (text.scalar(at: o) == "\u{3000}" || text.scalar(at: o) == "|") { o += 1 }
                continue
            }
            o += 1
        }
        if starts.count >= 1024 { starts.removeAll(keepingCapacity: true) }
        starts[line.start] = out
        return out
    }

    /// Word boundaries in `range`: the offsets just after each `|`.
    public func wordBoundaries(in range: Range<Int>) -> [Int] {
        let r = range.clamped(to: 0..<text.count)
        var out: [Int] = []
        for o in r where text.scalar(at: o) == "|" { out.append(o + 1) }
        return out
    }
}
