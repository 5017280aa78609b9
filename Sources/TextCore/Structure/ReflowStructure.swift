/// The reflow view: hard-wrapped lines joined into paragraphs, with offsets into the source.
///
/// Each join is decided from two neighbouring lines and the document profile, so any
/// paragraph can be found from any offset without reading the whole file:
/// - in a hard-wrapped text, a full line (within six cells of the modal width) joins the
///   next unless that one is indented (where indents mark paragraphs), is a heading, or a
///   paragraph-separating blank line comes between;
/// - otherwise only a break in mid-sentence joins: a line of 40 cells or more ending in a
///   Han character or a comma, followed by a line starting with a Han character (paragraphs
///   broken at old page boundaries).
/// The joiner is nothing between CJK and a space between Latin words. Blank lines, page
/// numbers, running headers, the indents of continuation lines and stray BOMs are hidden.
public final class ReflowStructure: TextStructure {
    public let text: TextSource
    public let lines: LineIndex
    public let profile: DocumentProfile
    private var factsCache: [Int: LineFacts] = [:]
    private var headingCache: [Int: Bool] = [:]
    /// Paragraph extents found so far, by the start of every line they were found through
    /// (at most `extentLimit` lines, then forgotten: an entry is ~200 bytes, and reading a
    /// whole large file through once would otherwise keep one per line).
    private var extents: [Int: Extent] = [:]
    private static let extentLimit = 1 << 16

    private struct Extent {
        var first: LineFacts
        var last: LineFacts
    }

    /// A paragraph never continues across a boundary of this many scalars, which bounds the
    /// walk from any line to its paragraph's ends (a hard-wrapped file without a single
    /// paragraph break would otherwise be one paragraph).
    static let paragraphBucket = 1 << 18

    public init(text: TextSource, lines: LineIndex, profile: DocumentProfile) {
        self.text = text
        self.lines = lines
        self.profile = profile
    }

    public var separatesParagraphs: Bool { true }

    // MARK: Blocks

    public func block(containing offset: Int) -> Block {
        guard !text.isEmpty else { return Block(content: 0..<0, owned: 0..<0) }
        let o = text.clampedOffset(offset)
        let line = lines.line(containing: o)
        var anchor = facts(line)
        if isSkippable(anchor) {
            if let p = previousSignificant(before: line) { anchor = p.facts }
            else if let n = nextSignificant(after: line) { anchor = n.facts }
            else { return Block(content: 0..<text.count, owned: 0..<text.count) }
        }
        let extent = self.extent(around: anchor)
        let first = extent.first, last = extent.last
        let start = previousSignificant(before: first.line) == nil ? 0 : first.line.start
        let ownedEnd = nextSignificant(after: last.line)?.facts.line.start ?? text.count
        return Slicer.block(of: start..<last.line.contentEnd, ownedEnd: ownedEnd, containing: o, text: text,
                            maxLength: OriginalStructure.maxBlockLength, role: isHeading(first) ? .heading : .text)
    }

    private func extent(around anchor: LineFacts) -> Extent {
        if let e = extents[anchor.line.start] { return e }
        var walked = [anchor.line.start]
        var first = anchor
        while let p = previousSignificant(before: first.line), joins(p.facts, first, gap: p.gap) {
            first = p.facts
            walked.append(first.line.start)
        }
        var last = anchor
        while let n = nextSignificant(after: last.line), joins(last, n.facts, gap: n.gap) {
            last = n.facts
            walked.append(last.line.start)
        }
        let e = Extent(first: first, last: last)
        if extents.count + walked.count > Self.extentLimit { extents.removeAll(keepingCapacity: true) }
        for start in walked { extents[start] = e }
        return e
    }

    public func displayScalars(of block: Block) -> [Unicode.Scalar] {
        var out = text.scalars(in: block.content)
        guard !out.isEmpty else { return out }
        let base = block.content.lowerBound
        func hide(_ r: Range<Int>) {
            for i in r.clamped(to: block.content) { out[i - base] = TextStructureMarks.hidden }
        }
        var line = lines.line(containing: base)
        var previous: LineFacts?
        while line.start < block.content.upperBound {
            let f = facts(line)
            if isSkippable(f) {
                hide(line.start..<line.next)
            } else {
                if previous != nil, let first = f.firstSignificant { hide(line.start..<first) }
                if line.next <= block.content.upperBound, let last = f.lastSignificant {
                    hide((last + 1)..<line.next)
                    if let n = nextSignificant(after: line), needsSpace(f, n.facts),
                       block.content.contains(line.contentEnd) {
                        out[line.contentEnd - base] = " "
                    }
                }
                previous = f
            }
            guard let next = lines.line(after: line) else { break }
            line = next
        }
        for i in out.indices where out[i] == "\u{FEFF}" { out[i] = TextStructureMarks.hidden }
        return out
    }

    // MARK: Lines

    func facts(_ line: LineIndex.Line) -> LineFacts {
        if let f = factsCache[line.start] { return f }
        let f = LineFacts(line, text: text)
        if factsCache.count >= 16384 { factsCache.removeAll(keepingCapacity: true) }
        factsCache[line.start] = f
        return f
    }

    /// Blank lines and lines this view hides (page numbers, running headers).
    func isSkippable(_ f: LineFacts) -> Bool {
        f.isBlank || f.isPageNumber || (!profile.runningHeaders.isEmpty && profile.runningHeaders.contains(f.trimmed(in: text)))
    }

    /// The nearest line before `line` that is not skippable, with the number of blank lines between.
    func previousSignificant(before line: LineIndex.Line) -> (facts: LineFacts, gap: Int)? {
        significant(from: line) { self.lines.line(before: $0) }
    }

    /// The nearest line after `line` that is not skippable, with the number of blank lines between.
    func nextSignificant(after line: LineIndex.Line) -> (facts: LineFacts, gap: Int)? {
        significant(from: line) { self.lines.line(after: $0) }
    }

    private func significant(from line: LineIndex.Line, step: (LineIndex.Line) -> LineIndex.Line?) -> (facts: LineFacts, gap: Int)? {
        var gap = 0
        var current = step(line)
        while let l = current {
            let f = facts(l)
            if !isSkippable(f) { return (f, gap) }
            if f.isBlank { gap += 1 }
            current = step(l)
        }
        return nil
    }

    /// Lines narrower than this may be headings: 60 % of the wrap width, or 30 CJK characters
    /// in a text with a paragraph per line.
    private var shortLimit: Int { profile.isHardWrapped ? profile.modalWidth * 6 / 10 : 60 }

    /// A heading: a Legado pattern, or a short line not ending a sentence whose predecessor
    /// did end one (or was short itself).
    func isHeading(_ f: LineFacts) -> Bool {
        if let h = headingCache[f.line.start] { return h }
        var heading = f.firstSignificant.map { HeadingPattern.canStart(with: text.scalar(at: $0)) && HeadingPattern.matches(f.trimmed(in: text)) } ?? false
        if !heading, f.width < shortLimit, let last = f.lastSignificant {
            let end = text.scalar(at: last)
            if !Self.sentenceEnds.contains(end) && !Self.continues.contains(end) {
                if let p = previousSignificant(before: f.line)?.facts, let pl = p.lastSignificant {
                    heading = Self.sentenceEnds.contains(text.scalar(at: pl)) || p.width < shortLimit
                } else {
                    heading = true
                }
            }
        }
        if headingCache.count >= 16384 { headingCache.removeAll(keepingCapacity: true) }
        headingCache[f.line.start] = heading
        return heading
    }

    static let sentenceEnds = Set("。！？!?；;…”」』）)".unicodeScalars)
    static let continues = Set("，、,：:“‘（《「『【".unicodeScalars)
    static let noLineEnd = Set("“‘（《「『【(".unicodeScalars)

    /// Whether line `n` continues the paragraph of line `l` (`gap` blank lines between them).
    func joins(_ l: LineFacts, _ n: LineFacts, gap: Int) -> Bool {
        guard let lastOffset = l.lastSignificant, let firstOffset = n.firstSignificant else { return false }
        if l.line.start / Self.paragraphBucket != n.line.start / Self.paragraphBucket { return false }
        if isHeading(l) || isHeading(n) { return false }
        if profile.indentMarksParagraphs && n.isIndented { return false }
        let last = text.scalar(at: lastOffset), first = text.scalar(at: firstOffset)
        let separated = profile.isDoubleSpaced ? gap >= 2 : gap >= 1
        if profile.isHardWrapped && !separated {
            return l.width >= profile.modalWidth - 6 || Self.noLineEnd.contains(last)
        }
        let startsText = first.properties.isIdeographic || Self.opening.contains(first)
        return l.width >= 40 && endsMidSentence(lastOffset) && startsText
    }

    static let hardStops = Set("。！？!?；;…".unicodeScalars)
    static let closers = Set("”’」』）)》".unicodeScalars)
    static let opening = Set("“‘（《「『【".unicodeScalars)

    /// The line ending at `offset` stops in mid-sentence: not after 。！？；…, nor after a
    /// closing quote or bracket that follows one (。” ends a sentence; 看” need not).
    func endsMidSentence(_ offset: Int) -> Bool {
        let last = text.scalar(at: offset)
        if Self.hardStops.contains(last) { return false }
        if Self.closers.contains(last) {
            return offset > 0 && !Self.hardStops.contains(text.scalar(at: offset - 1))
        }
        return last.properties.isIdeographic || "，、,".unicodeScalars.contains(last)
    }

    /// A space replaces the line break only between two Latin (non-CJK) characters.
    func needsSpace(_ l: LineFacts, _ n: LineFacts) -> Bool {
        guard let a = l.lastSignificant.map(text.scalar(at:)), let b = n.firstSignificant.map(text.scalar(at:)) else { return false }
        if a == "-" || a == "\u{AD}" { return false }
        return !Self.isCJK(a) && !Self.isCJK(b)
    }

    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        CellWidth.glibc(s.value) == 2 || "“”‘’…—·\u{3000}".unicodeScalars.contains(s)
    }
}
