import Testing
@testable import TextCore

/// Every row of a layout, in order.
func allRows(_ layout: DocumentLayout) -> [VisualRow] {
    var rows: [VisualRow] = []
    var p: RowPosition? = layout.firstPosition
    while let q = p {
        rows.append(layout.row(at: q))
        p = layout.next(q)
    }
    return rows
}

@Suite("the cell ↔ offset map")
struct CellMapTests {
    static let samples = [
        "中文排版需要遵守行首行尾禁则。",
        "第一行\n第二行\r\n\r\n第四行\r末行",
        "我们使用 Swift 语言，温度是25℃左右。参见supercalifragilisticexpialidocious。",
        "\u{3000}\u{3000}他说：“你好。”\t然后走了……——好\u{1B}[2J\u{7}清屏\u{200B}零宽\u{FEFF}",
        "e\u{301}é 👨‍👩‍👧 𠀀𠀁 😀 ❤️ 🇨🇳 \u{202E}反向\u{202C} end",
        "为|疫情|防控|和|经济社会|发展",
        "",
        "\n\n\n",
    ]

    @Test("rows partition the text: every offset belongs to exactly one row", arguments: samples, [4, 7, 10, 30])
    func partition(text: String, width: Int) {
        let t = ScalarText(text)
        let layout = DocumentLayout(text: t, settings: LayoutSettings(measure: width), width: width)
        let rows = allRows(layout).filter { !$0.isSpacer }
        var next = 0
        for row in rows {
            #expect(row.range.lowerBound == next)
            next = row.range.upperBound
        }
        #expect(next == t.count)
    }

    @Test("each drawn cell maps back to an offset whose row contains it", arguments: samples, [5, 12, 72])
    func cellsMapToTheirRow(text: String, width: Int) {
        let layout = DocumentLayout(text: ScalarText(text), settings: LayoutSettings(measure: width), width: width)
        for row in allRows(layout) {
            #expect(row.width <= width)
            for column in 0..<row.width {
                let offset = row.offset(atColumn: column)!
                #expect(row.range.contains(offset))
                // and back: the offset's column is at or before this cell (wide cells and placeholders span columns)
                let back = row.column(ofOffset: offset)!
                #expect(back <= column)
                #expect(row.offset(atColumn: back) == offset)
            }
        }
    }

    @Test("every offset finds its row and a column in it", arguments: samples)
    func offsetsFindColumns(text: String) {
        let t = ScalarText(text)
        let layout = DocumentLayout(text: t, settings: LayoutSettings(measure: 9), width: 9)
        for offset in 0..<t.count {
            let row = layout.row(at: layout.position(containing: offset))
            #expect(row.range.contains(offset))
            let column = row.column(ofOffset: offset)!
            #expect(column <= row.width)
        }
    }

    @Test("offsets count scalars, not UTF-16 units: an Extension B character is one offset")
    func scalarOffsets() {
        let layout = DocumentLayout(text: ScalarText("𠀀好"), settings: LayoutSettings(measure: 10), width: 10)
        let row = layout.row(at: layout.firstPosition)
        #expect(row.offset(atColumn: 0) == 0)
        #expect(row.offset(atColumn: 1) == 0)
        #expect(row.offset(atColumn: 2) == 1)
        #expect(row.column(ofOffset: 1) == 2)
    }

    @Test("a hidden separator maps to the column of the next visible character")
    func hiddenSeparatorColumn() {
        let structure = OriginalStructure(text: ScalarText("我们|正在"), hiddenScalar: "|")
        let layout = DocumentLayout(structure: structure, settings: LayoutSettings(measure: 20), width: 20)
        let row = layout.row(at: layout.firstPosition)
        #expect(row.text == "我们正在")
        #expect(row.column(ofOffset: 2) == 4)
        #expect(row.column(ofOffset: 3) == 4)
        #expect(row.offset(atColumn: 4) == 3)
    }

    @Test("a CRLF terminator belongs to the row it ends")
    func crlfOwnership() {
        let layout = DocumentLayout(text: ScalarText("甲\r\n乙"), settings: LayoutSettings(measure: 10), width: 10)
        #expect(layout.position(containing: 1) == layout.position(containing: 2))
        #expect(layout.row(at: layout.position(containing: 2)).range == 0..<3)
        #expect(layout.row(at: layout.position(containing: 3)).text == "乙")
    }
}
