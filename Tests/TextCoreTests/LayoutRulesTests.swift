import Testing
@testable import TextCore

@Suite("more line-breaking cases: mixed scripts, units, indents, measure")
struct LayoutRulesTests {
    @Test("a decimal number is not split at its point")
    func decimal() { #expect(layOut("圆周率约为3.14159吧", width: 12) == ["圆周率约为", "3.14159吧"]) }

    @Test("an English contraction stays whole")
    func contraction() { #expect(layOut("他说don’t worry了", width: 8) == ["他说", "don’t", "worry了"]) }

    @Test("a URL-like token is not split unless longer than the row")
    func url() { #expect(layOut("见https://a.cn/x文", width: 20) == ["见https://a.cn/x文"]) }

    @Test("a currency sign stays with its number")
    func currency() { #expect(layOut("价格是￥100元", width: 8) == ["价格是", "￥100元"]) }

    @Test("an interpunct never starts a line")
    func interpunct() {
        for width in 4...16 {
            for line in layOut("列夫·托尔斯泰是作家", width: width) { #expect(!line.hasPrefix("·")) }
        }
    }

    @Test("a break is offered before an opening quote")
    func quoteBreak() { #expect(layOut("你“好”啊", width: 4) == ["你", "“好”", "啊"]) }

    @Test("a full-width indent is not pushed off the first row and mid-text U+3000 never starts a row")
    func ideographicSpace() {
        for width in 6...14 {
            let lines = layOut("\u{3000}\u{3000}甲乙丙丁\u{3000}戊己庚辛壬癸", width: width)
            #expect(lines[0].hasPrefix("\u{3000}\u{3000}"))
            for line in lines.dropFirst() { #expect(!line.hasPrefix("\u{3000}")) }
        }
    }

    @Test("ambiguous wide counts quotes as two cells")
    func wideQuotes() {
        #expect(rowWidths("“好”", width: 10) { $0.ambiguous = .wide } == [6])
        #expect(rowWidths("“好”", width: 10) == [4])
    }

    @Test("no line-breaking rules at level none: a comma may start a row")
    func levelNone() {
        #expect(layOut("这是一个测试，试试", width: 12) { $0.strictness = .none } == ["这是一个测试", "，试试"])
    }

    @Test("paragraph spacing inserts a blank row between paragraphs")
    func spacing() {
        #expect(layOut("甲\n乙", width: 10) { $0.paragraphSpacing = true } == ["甲", "", "乙"])
        #expect(layOut("甲\n乙", width: 10) == ["甲", "乙"])
    }

    @Test("blank lines are kept as empty rows; a trailing newline adds no row")
    func blankLines() { #expect(layOut("甲\n\n乙\n", width: 10) == ["甲", "", "乙"]) }

    @Test("a row is never wider than the measure", arguments: [4, 5, 9, 13, 40])
    func neverWider(width: Int) {
        let text = "参见supercalifragilistic，“引号”……——《书名》温度25℃\t😀👨‍👩‍👧𠀀e\u{301}\u{1B}[0m结束。"
        #expect(rowWidths(text, width: width).allSatisfy { $0 <= width })
    }
}
