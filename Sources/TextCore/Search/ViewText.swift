/// The logical text of a view, for search: what the view shows, with hidden scalars left out
/// (the `|` of a segmented corpus, line breaks that reflow joined, page numbers and running
/// headers), one line break between blocks, and each scalar's source offset.
///
/// So 经济社会|发展 matches 经济社会发展, and a phrase a PDF extraction broke across lines
/// matches in the reflow view; every hit maps back to source offsets.
public final class ViewText {
    public private(set) var scalars: [Unicode.Scalar] = []
    /// `source[i]` is the source offset of `scalars[i]`; one extra entry holds the end.
    public private(set) var source: [Int] = []

    public init(structure: TextStructure) {
        let text = structure.text
        var offset = 0
        let count = text.count
        scalars.reserveCapacity(count)
        source.reserveCapacity(count + 1)
        while offset < count {
            let block = structure.block(containing: offset)
            let display = structure.displayScalars(of: block)
            for (i, s) in display.enumerated() where s != TextStructureMarks.hidden {
                scalars.append(s)
                source.append(block.content.lowerBound + i)
            }
            if block.content.upperBound < block.owned.upperBound || block.owned.upperBound >= count {
                scalars.append("\n")
                source.append(block.content.upperBound)
            }
            offset = max(block.owned.upperBound, offset + 1)
        }
        source.append(count)
    }

    /// The source range of logical range `r`.
    public func sourceRange(_ r: Range<Int>) -> Range<Int> {
        guard !r.isEmpty else { return source[r.lowerBound]..<source[r.lowerBound] }
        return source[r.lowerBound]..<(source[r.upperBound - 1] + 1)
    }
}
