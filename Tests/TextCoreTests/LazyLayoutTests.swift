import Testing
@testable import TextCore

/// A text that counts how many scalars layout asks for.
final class CountingText: TextSource {
    let base: ScalarText
    private(set) var fetched = 0
    private(set) var probed = 0
    private(set) var countAsked = 0
    init(_ base: ScalarText) { self.base = base }
    var count: Int { countAsked += 1; return base.count }
    var knownCount: Int? { nil }
    func contains(_ offset: Int) -> Bool { offset >= 0 && offset < base.count }
    func scalar(at offset: Int) -> Unicode.Scalar { probed += 1; return base.scalar(at: offset) }
    func scalars(in range: Range<Int>) -> [Unicode.Scalar] { fetched += range.count; return base.scalars(in: range) }
    func lastTerminator(before offset: Int, notBefore limit: Int) -> Int? {
        let t = base.lastTerminator(before: offset, notBefore: limit)
        probed += offset - (t ?? max(0, limit))
        return t
    }
    func firstTerminator(from offset: Int, before limit: Int) -> Int? {
        let t = base.firstTerminator(from: offset, before: limit)
        probed += (t ?? min(limit, base.count)) - offset
        return t
    }
}

@Suite("layout is lazy: the cost of a screen does not depend on the document's size")
struct LazyLayoutTests {
    static let paragraph = Array("\u{3000}\u{3000}科协组织坚持以新时代思想为指导，围绕中心、服务大局，以支撑科学防疫的实际成效检验组织的政治性。\n".unicodeScalars)

    @Test("laying out the last screen of a 5-million-scalar document touches a bounded amount of text")
    func lastScreen() {
        var scalars: [Unicode.Scalar] = []
        while scalars.count < 5_000_000 { scalars += Self.paragraph }
        let text = CountingText(ScalarText(scalars))
        let layout = DocumentLayout(text: text, settings: LayoutSettings(measure: 72), width: 72)
        let top = layout.lastPageTop(height: 50)
        let rows = layout.rows(from: top, count: 50)
        #expect(rows.count == 50)
        #expect(rows.last?.1.range.upperBound == text.count)
        #expect(text.fetched < 20_000)
        #expect(text.probed < 20_000)
    }

    @Test("jumping to the middle lays out only the blocks around it")
    func middle() {
        var scalars: [Unicode.Scalar] = []
        while scalars.count < 2_000_000 { scalars += Self.paragraph }
        let text = CountingText(ScalarText(scalars))
        let layout = DocumentLayout(text: text, settings: LayoutSettings(measure: 40), width: 40)
        let p = layout.position(containing: 1_000_000)
        _ = layout.rows(from: p, count: 40)
        #expect(text.fetched < 10_000)
    }

    @Test("the first screen of a single 1-million-scalar line reads neither the line to its end nor the count")
    func hugeLineFirstScreen() {
        let scalars = Array(String(repeating: "科协组织坚持以新时代思想为指导，", count: 62_500).unicodeScalars)
        let text = CountingText(ScalarText(scalars))
        let views = DocumentViews(text: text)
        let layout = DocumentLayout(structure: views.structure(views.profile.suggestedView), settings: LayoutSettings(measure: 72), width: 72)
        let rows = layout.rows(from: layout.firstPosition, count: 24)
        #expect(rows.count == 24)
        #expect(rows.first?.1.range.lowerBound == 0)
        // The profile's sample (read twice: line facts, segmentation) and a few slices; not the line.
        #expect(text.fetched + text.probed < 2 * DocumentProfile.sampleScalars + 8 * OriginalStructure.maxBlockLength, "\(text.fetched) + \(text.probed)")
        #expect(text.countAsked == 0)
    }

    @Test("long lines: every offset finds the same block, blocks partition the text, slices stay within their line")
    func slicesAgreeWhoeverAsks() {
        let m = OriginalStructure.maxBlockLength
        // Lines of many lengths around the slice size, starting at odd places, with CRLF, CR and
        // LF endings, combining marks on slice edges, and a long last line without a terminator.
        var s = ""
        var rng = SystemRandomNumberGenerator()
        for (i, length) in [10, m - 3, m + 5, 3 * m + 1234, 7, 2 * m, 1, 5 * m / 2].enumerated() {
            var line = String(repeating: "科", count: length)
            if i % 3 == 1 { line += "\u{301}\u{301}" }
            s += line + ["\n", "\r\n", "\r"][i % 3]
        }
        s += String(repeating: "技", count: 2 * m + 77)
        let text = ScalarText(s)
        let structure = OriginalStructure(text: text)
        var blocks: [Block] = []
        var o = 0
        while o < text.count {
            let b = structure.block(containing: o)
            #expect(b.owned.lowerBound == o, "blocks partition the text at \(o)")
            #expect(b.content.count <= m + Slicer.maxShift)
            blocks.append(b)
            o = b.owned.upperBound
        }
        #expect(o == text.count)
        for _ in 0..<400 {
            let p = Int.random(in: 0..<text.count, using: &rng)
            let expected = blocks.first { $0.owned.contains(p) }
            #expect(structure.block(containing: p) == expected, "offset \(p)")
        }
        // Slices never cross a line end: no block content holds a line terminator.
        for b in blocks { #expect(!text.scalars(in: b.content).contains { $0 == "\n" || $0 == "\r" }) }
    }

    @Test("a single 1-million-scalar line is laid out in bounded slices")
    func oneHugeLine() {
        let scalars = Array(String(repeating: "科协组织坚持以新时代思想为指导，", count: 62_500).unicodeScalars)
        let text = CountingText(ScalarText(scalars))
        let layout = DocumentLayout(text: text, settings: LayoutSettings(measure: 72), width: 72)
        let rows = layout.rows(from: layout.lastPageTop(height: 24), count: 24)
        #expect(rows.count == 24)
        #expect(rows.last?.1.range.upperBound == text.count)
        // Layout fetched at most two slices, and looked for the line's ends only a few slices around.
        #expect(text.fetched <= 2 * OriginalStructure.maxBlockLength + 64)
        #expect(text.probed < 8 * OriginalStructure.maxBlockLength, "\(text.probed)")
    }
}

/// A block is laid out only as far as the rows asked for, with the same rows as all at once.
@Suite("rows of a long block are made as far as needed")
struct PartialBlockLayoutTests {
    /// One line of 3 × 8,192 scalars (three slices in the original view).
    static let line = Array(String(repeating: "科协组织坚持以新时代思想为指导，围绕中心、服务大局。", count: 1_000).unicodeScalars.prefix(3 * 8_192))

    @Test("the first screen of a long line makes about a screen of rows, not the whole 8,192-scalar slice")
    func firstScreen() {
        let layout = DocumentLayout(text: ScalarText(Self.line), settings: LayoutSettings(measure: 72), width: 72)
        let rows = layout.rows(from: layout.firstPosition, count: 24)
        #expect(rows.count == 24)
        #expect(layout.rowsMade <= 24 + DocumentLayout.rowsPerStep, "\(layout.rowsMade) rows made")
        #expect(layout.rows(ofBlock: 0).count > 200)
    }

    @Test("a long block cut into clusters a stretch at a time breaks every row where cutting it whole does")
    func rowsAcrossStretches() {
        // 12 cells a sentence, 36-cell rows: every full row holds three sentences. One block
        // (under 8,192 scalars), so no slice edge moves the rows.
        let sentence = "中文，测试。"
        let line = Array(String(repeating: sentence, count: 1_300).unicodeScalars)
        let layout = DocumentLayout(text: ScalarText(line), settings: LayoutSettings(measure: 36), width: 36)
        let rows = layout.rows(ofBlock: 0)
        #expect(rows.count == 434)
        for row in rows.dropLast() {
            #expect(row.cells.map(\.glyph).joined() == String(repeating: sentence, count: 3), "row at \(row.range)")
        }
    }

    @Test("rows made a screen at a time, then to the end, equal the rows made all at once, spacer rows included",
          arguments: [false, true])
    func sameRows(spacing: Bool) {
        let text = ScalarText(Self.line + Array("\n短行\n".unicodeScalars) + Self.line)
        let settings = LayoutSettings(measure: 40, paragraphSpacing: spacing)
        let whole = DocumentLayout(text: text, settings: settings, width: 40)
        var expected: [VisualRow] = []
        var start = 0
        while text.contains(start) {
            let rows = whole.rows(ofBlock: start)
            expected += rows
            start = whole.block(startingAt: start).owned.upperBound
        }
        let stepwise = DocumentLayout(text: text, settings: settings, width: 40)
        _ = stepwise.position(containing: 5_000)
        _ = stepwise.rows(from: stepwise.firstPosition, count: 30)
        var got: [VisualRow] = []
        var p: RowPosition? = stepwise.firstPosition
        while let q = p {
            got.append(stepwise.row(at: q))
            p = stepwise.next(q)
        }
        #expect(got.count == expected.count)
        #expect(got.map(\.range) == expected.map(\.range))
        #expect(got.map(\.cells) == expected.map(\.cells))
        #expect(got.map(\.isSpacer) == expected.map(\.isSpacer))
        #expect(stepwise.lastPageTop(height: 10) == whole.lastPageTop(height: 10))
    }
}

/// `pizhu cat` prints through `PlainRenderer.forEachLine`.
@Suite("plain rendering streams")
struct PlainRenderingStreamTests {
    @Test("each line is handed on as it is laid out: the first comes before the rest of the document is read")
    func firstLineEarly() throws {
        var scalars: [Unicode.Scalar] = []
        while scalars.count < 1_000_000 { scalars += LazyLayoutTests.paragraph }
        let text = CountingText(ScalarText(scalars))
        var fetchedAtFirst: Int?
        var lines: [String] = []
        PlainRenderer.forEachLine(of: OriginalStructure(text: text), settings: LayoutSettings(measure: 72), width: 72) { line in
            if fetchedAtFirst == nil { fetchedAtFirst = text.fetched }
            lines.append(line)
        }
        let first = try #require(fetchedAtFirst)
        #expect(first < 1_000, "\(fetchedAtFirst ?? -1) scalars read before the first line")
        #expect(text.fetched > scalars.count * 9 / 10)   // all the lines' content (terminators are not fetched)
        #expect(lines == PlainRenderer.lines(of: ScalarText(scalars), settings: LayoutSettings(measure: 72), width: 72))
    }
}
