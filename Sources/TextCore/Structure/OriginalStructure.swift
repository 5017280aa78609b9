/// The original view: every hard line of the file is a paragraph, shown as it is.
///
/// Lines longer than `maxBlockLength` scalars are laid out in slices (a row break is forced at
/// each slice edge) whose edges sit at multiples of that length in the whole text, so the slice
/// around any offset is found by reading a few slices around it: a 100 MB single-line file
/// opens, scrolls and reaches its end without being read from its start.
public final class OriginalStructure: TextStructure {
    public let text: TextSource
    public let lines: LineIndex
    /// Scalars hidden in this view (the `|` of a segmented corpus), or nil.
    public var hiddenScalar: Unicode.Scalar?
    public static let maxBlockLength = 1 << 13

    public init(text: TextSource, lines: LineIndex? = nil, hiddenScalar: Unicode.Scalar? = nil) {
        self.text = text
        self.lines = lines ?? LineIndex(text: text)
        self.hiddenScalar = hiddenScalar
    }

    public var separatesParagraphs: Bool { false }

    public func block(containing offset: Int) -> Block {
        guard !text.isEmpty else { return Block(content: 0..<0, owned: 0..<0) }
        let o = text.clampedOffset(offset)
        // The slice holding `o`, the one before and the one after decide the block; a line
        // that goes on beyond them is not read any further.
        let k = o / Self.maxBlockLength
        let window = max(0, (k - 1) * Self.maxBlockLength)
        let reach = (k + 2) * Self.maxBlockLength + Slicer.maxShift + 1
        let start = lines.start(ofLineContaining: o, notBefore: window)
        if let start, let line = lines.line(startingAt: start, endingBefore: reach) {
            return Slicer.block(of: line.content, ownedEnd: line.next, containing: o, text: text, maxLength: Self.maxBlockLength)
        }
        // A line longer than a slice. A start before the window stands in as one just before it
        // (never a slice edge, so no slice is taken for the line's first); an end beyond reach
        // as reach. From o - 1: a terminator there is the CR of the CRLF whose LF is o.
        let lower = start ?? window - 1
        let (end, next) = lines.end(ofLineFrom: max(lower, o - 1), before: reach) ?? (reach, reach)
        return Slicer.block(of: lower..<end, ownedEnd: next, containing: o, text: text, maxLength: Self.maxBlockLength)
    }

    public func displayScalars(of block: Block) -> [Unicode.Scalar] {
        let scalars = text.scalars(in: block.content)
        guard let hiddenScalar else { return scalars }
        return scalars.map { $0 == hiddenScalar ? TextStructureMarks.hidden : $0 }
    }
}

/// Cuts a long paragraph into slices of at most `maxLength` scalars at grapheme boundaries.
/// Slice edges are at multiples of `maxLength` in the whole text (moved forward off a grapheme
/// continuation), so they can be found without knowing where a huge paragraph starts.
enum Slicer {
    /// How far a slice edge moves forward to reach a grapheme boundary.
    static let maxShift = 64

    static func block(of content: Range<Int>, ownedEnd: Int, containing offset: Int, text: TextSource,
                      maxLength: Int, role: Block.Role = .text) -> Block {
        guard content.count > maxLength else {
            return Block(content: content, owned: content.lowerBound..<ownedEnd, role: role)
        }
        let o = min(max(offset, content.lowerBound), content.upperBound - 1)
        var k = o / maxLength
        var start = sliceStart(content, k, text: text, maxLength: maxLength)
        while start > o {
            k -= 1
            start = sliceStart(content, k, text: text, maxLength: maxLength)
        }
        let end = sliceStart(content, k + 1, text: text, maxLength: maxLength)
        if end >= content.upperBound {
            return Block(content: start..<content.upperBound, owned: start..<ownedEnd,
                         isParagraphStart: start == content.lowerBound, isParagraphEnd: true, role: role)
        }
        return Block(content: start..<end, owned: start..<end, isParagraphStart: start == content.lowerBound,
                     isParagraphEnd: false, role: role)
    }

    /// Start of slice `k` (at `k × maxLength` in the text) within `content`, moved forward off
    /// any grapheme continuation.
    static func sliceStart(_ content: Range<Int>, _ k: Int, text: TextSource, maxLength: Int) -> Int {
        var s = k * maxLength
        guard s > content.lowerBound else { return content.lowerBound }
        var steps = 0
        while s < content.upperBound && steps < maxShift {
            let v = text.scalar(at: s)
            let prev = text.scalar(at: s - 1)
            if CellWidth.glibc(v.value) != 0 && prev != "\u{200D}" && v != "\u{200D}" { break }
            s += 1
            steps += 1
        }
        return min(s, content.upperBound)
    }
}
