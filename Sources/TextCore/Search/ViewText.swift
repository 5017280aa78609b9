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
            append(block, of: structure)
            offset = max(block.owned.upperBound, offset + 1)
        }
        source.append(count)
    }

    /// Only the blocks holding `offsets` and the block after each (a match may run into the
    /// next paragraph): how a long document is searched around a few candidate places.
    public init(structure: TextStructure, around offsets: [Int]) {
        let count = structure.text.count
        var done = Set<Int>()
        for o in offsets.sorted() where o < count {
            var block = structure.block(containing: o)
            for _ in 0..<2 {
                if done.insert(block.owned.lowerBound).inserted {
                    if let last = source.last, last < block.content.lowerBound, scalars.last != "\n" {
                        scalars.append("\n")
                        source.append(last + 1)
                    }
                    append(block, of: structure)
                }
                guard block.owned.upperBound < count else { break }
                block = structure.block(containing: block.owned.upperBound)
            }
        }
        source.append(count)
    }

    private func append(_ block: Block, of structure: TextStructure) {
        let display = structure.displayScalars(of: block)
        for (i, s) in display.enumerated() where s != TextStructureMarks.hidden {
            scalars.append(s)
            source.append(block.content.lowerBound + i)
        }
        // A line break between blocks stands on the terminator that ends this one (a real scalar);
        // after the last block, with nothing after it, there is none.
        if block.content.upperBound < block.owned.upperBound {
            scalars.append("\n")
            source.append(block.content.upperBound)
        }
    }

    /// The source range of logical range `r`.
    public func sourceRange(_ r: Range<Int>) -> Range<Int> {
        guard !r.isEmpty else { return source[r.lowerBound]..<source[r.lowerBound] }
        return source[r.lowerBound]..<(source[r.upperBound - 1] + 1)
    }
}
