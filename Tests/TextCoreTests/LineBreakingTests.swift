import Testing
@testable import TextCore

/// Lays out `text` at `width` and returns the drawn rows (trailing blanks trimmed).
func layOut(_ text: String, width: Int, _ configure: (inout LayoutSettings) -> Void = { _ in }) -> [String] {
    var settings = LayoutSettings(measure: width)
    configure(&settings)
    return PlainRenderer.lines(of: ScalarText(text), settings: settings, width: width)
}

/// The cell width of each row as laid out.
func rowWidths(_ text: String, width: Int, _ configure: (inout LayoutSettings) -> Void = { _ in }) -> [Int] {
    var settings = LayoutSettings(measure: width)
    configure(&settings)
    let layout = DocumentLayout(text: ScalarText(text), settings: settings, width: width)
    return layout.rows(from: layout.firstPosition, count: 1000).map { $0.1.width }
}

@Suite("clreq line breaking: the T1–T17 cases from the notes")
struct ClreqCaseTests {
    @Test("T1 plain CJK takes two cells per character")
    func t1() {
        #expect(layOut("中文排版需要遵守行首行尾禁则。", width: 10) == ["中文排版需", "要遵守行首", "行尾禁则。"])
        #expect(rowWidths("中文排版需要遵守行首行尾禁则。", width: 10) == [10, 10, 10])
    }

    @Test("T2 a comma never starts a line: the character before it is pushed down")
    func t2() { #expect(layOut("这是一个测试，试试", width: 12) == ["这是一个测", "试，试试"]) }

    @Test("T3 with hanging on, the comma hangs in the two-cell margin")
    func t3() {
        #expect(layOut("这是一个测试，试试", width: 12) { $0.hanging = true } == ["这是一个测试，", "试试"])
        #expect(rowWidths("这是一个测试，试试", width: 12) { $0.hanging = true } == [14, 4])
    }

    @Test("T4 an opening book-title mark never ends a line")
    func t4() { #expect(layOut("这是个测试《红楼梦》很好", width: 12) == ["这是个测试", "《红楼梦》很", "好"]) }

    @Test("T5 a Latin word is not split; the CJK–Latin boundary is breakable")
    func t5() { #expect(layOut("我们使用Swift语言编写", width: 12) == ["我们使用", "Swift语言编", "写"]) }

    @Test("T6 a space at the break is consumed, not carried")
    func t6() { #expect(layOut("我们使用 Swift 语言", width: 12) == ["我们使用", "Swift 语言"]) }

    @Test("T7 an overlong token breaks at the edge (emergency)")
    func t7() {
        #expect(layOut("参见supercalifragilisticexpialidocious", width: 12)
                == ["参见", "supercalifra", "gilisticexpi", "alidocious"])
    }

    @Test("T8 …… is unsplittable and never starts a line (ambiguous wide)")
    func t8() {
        #expect(layOut("这是个测试……试试", width: 10) { $0.ambiguous = .wide } == ["这是个测", "试……试试"])
        #expect(rowWidths("这是个测试……试试", width: 10) { $0.ambiguous = .wide } == [8, 10])
    }

    @Test("T8b the same break with ambiguous narrow")
    func t8b() {
        #expect(layOut("这是个测试……试试", width: 10) == ["这是个测", "试……试试"])
        #expect(rowWidths("这是个测试……试试", width: 10) == [8, 8])
    }

    @Test("T9 —— may start a line at basic, not at strict")
    func t9() {
        #expect(layOut("这是个测试——试试", width: 10) { $0.ambiguous = .wide } == ["这是个测试", "——试试"])
        #expect(layOut("这是个测试——试试", width: 10) { $0.ambiguous = .wide; $0.strictness = .strict }
                == ["这是个测", "试——试试"])
    }

    @Test("T10 an opening quote never ends a line; 。” never starts one")
    func t10() {
        #expect(layOut("他说：“你好。”然后走了", width: 10) { $0.ambiguous = .wide } == ["他说：“你", "好。”然后", "走了"])
    }

    @Test("T11 a U+3000 first-line indent is kept; continuation lines are flush left")
    func t11() {
        #expect(layOut("\u{3000}\u{3000}第一段文字很长需要换行", width: 10) == ["\u{3000}\u{3000}第一段", "文字很长需", "要换行"])
    }

    @Test("T12 a wide character never goes into the last single cell")
    func t12() {
        #expect(layOut("abc中文", width: 4) == ["abc", "中文"])
        #expect(rowWidths("abc中文", width: 4) == [3, 4])
    }

    @Test("T13 a number stays with its unit")
    func t13() { #expect(layOut("温度是25℃左右", width: 8) == ["温度是", "25℃左右"]) }

    @Test("T14 a percent sign stays with its number")
    func t14() { #expect(layOut("共计100%的人", width: 8) == ["共计100%", "的人"]) }

    @Test("T15 clusters are never split; width is the wcwidth sum ncurses draws")
    func t15() {
        let rows = layOut("我❤️你👨‍👩‍👧好", width: 6)
        #expect(rows.count == 3)
        #expect(rows[0] == "我❤️你")
        #expect(rows[2] == "好")
        #expect(rowWidths("我❤️你👨‍👩‍👧好", width: 6) == [5, 6, 2])
    }

    @Test("T16 a hidden | separator takes no cells")
    func t16() {
        let structure = OriginalStructure(text: ScalarText("我们|正在|使用|分词|文本"), hiddenScalar: "|")
        #expect(PlainRenderer.lines(of: structure, settings: LayoutSettings(measure: 6), width: 6) == ["我们正", "在使用", "分词文", "本"])
    }

    @Test("T17 a chain of closers forces an early push")
    func t17() { #expect(layOut("他看完了《三体》。”接着", width: 8) == ["他看完了", "《三", "体》。”", "接着"]) }
}

@Suite("grapheme clusters for layout")
struct ClusterSegmentationTests {
    @Test("cutting runs of CJK and ASCII one scalar a cluster gives String's grapheme clusters, marks, joiners and flags included")
    func agreesWithString() {
        let pieces: [String] = ["中", "文", "。", "，", "\u{3000}", "a", "B", " ", "1", "（", "）", "\u{302A}", "\u{0301}", "\u{200D}",
                                "👍", "🏽", "🇨", "🇳", "\r", "\n", "\u{0600}", "\u{1100}", "\u{1161}", "\u{11A8}", "e", "\u{FE0F}",
                                "\u{0E33}", "ก", "\u{093F}", "क", "\u{0C}", "|", "\u{FF01}", "“", "”", "…", "—", "·", "\u{A0}", "é",
                                "\u{AD}", "‰", "\u{2028}", "\u{200B}", String(TextStructureMarks.hidden)]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let string = (0..<Int.random(in: 1...24, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let scalars = Array(string.unicodeScalars)
            var ours: [Int] = []
            ParagraphLayout.forEachCluster(scalars) { ours.append($0.count) }
            let strings = string.map { $0.unicodeScalars.count }
            #expect(ours == strings, "\(scalars.map { String($0.value, radix: 16) })")
            // Cut a piece at a time (as a long block is, just ahead of its rows): the same clusters.
            var pieces: [Int] = []
            var at = 0
            while at < scalars.count {
                let next = ParagraphLayout.forEachCluster(scalars, from: at, until: at + Int.random(in: 1...6, using: &rng)) { pieces.append($0.count) }
                #expect(next > at)
                at = next
            }
            #expect(pieces == strings, "in pieces: \(scalars.map { String($0.value, radix: 16) })")
        }
    }
}
