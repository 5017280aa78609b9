/// The original view: every hard line of the file is a paragraph, shown as it is.
///
/// Lines longer than `maxBlockLength` scalars are laid out in slices of that size (a row
/// break is forced at each slice edge), so a 100 MB single-line file stays bounded.
public final class OriginalStructure: TextStructure {
    public let text: TextSource
    public let lines: LineIndex
    /// Scalars hidden in this view (the `|` of a segmented corpus), or nil.
    public var hiddenScalar: Unicode.Scalar?
    public static let maxBlockLength = 1 << 14

    public init(text: TextSource, lines: LineIndex? = nil, hiddenScalar: Unicode.Scalar? = nil) {
        self.text = text
        self.lines = lines ?? LineIndex(text: text)
        self.hiddenScalar = hiddenScalar
    }

    public var separatesParagraphs: Bool { false }

    public func block(containing offset: Int) -> Block {
        guard !text.isEmpty else { return Block(content: 0..<0, owned: 0..<0) }
        let o = text.clampedOffset(offset)
        let start = lines.start(ofLineContaining: o)
        // The slice holding `o` and the one after it decide the block; a line that goes on
        // beyond them is not read to its end.
        let reach = start + ((o - start) / Self.maxBlockLength + 2) * Self.maxBlockLength + Slicer.maxShift + 1
        guard let line = lines.line(startingAt: start, endingBefore: reach) else {
            return Slicer.block(of: start..<reach, ownedEnd: reach, containing: o, text: text, maxLength: Self.maxBlockLength)
        }
        return Slicer.block(of: line.content, ownedEnd: line.next, containing: o, text: text, maxLength: Self.maxBlockLength)
    }

    public func displayScalars(of block: Block) -> [Unicode.Scalar] {
        let scalars = text.scalars(in: block.content)
        guard let hiddenScalar else { return scalars }
        return scalars.map { $0 == hiddenScalar ? TextStructureMarks.hidden : $0 }
    }
}

/// Cuts a long paragraph into slices of at most `maxLength` scalars at grapheme boundaries.
enum Slicer {
    /// How far a slice edge moves forward to reach a grapheme boundary.
    static let maxShift = 64

    static func block(of content: Range<Int>, ownedEnd: Int, containing offset: Int, text: TextSource,
                      maxLength: Int, role: Block.Role = .text) -> Block {
        guard content.count > maxLength else {
            return Block(content: content, owned: content.lowerBound..<ownedEnd, role: role)
        }
        var k = min((max(offset, content.lowerBound) - content.lowerBound) / maxLength, (content.count - 1) / maxLength)
        var start = sliceStart(content, k, text: text, maxLength: maxLength)
        while k > 0 && (start > offset || start >= content.upperBound) {
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

    /// Start of slice `k`, moved forward off any grapheme continuation.
    static func sliceStart(_ content: Range<Int>, _ k: Int, text: TextSource, maxLength: Int) -> Int {
        guard k > 0 else { return content.lowerBound }
        var s = content.lowerBound + k * maxLength
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
