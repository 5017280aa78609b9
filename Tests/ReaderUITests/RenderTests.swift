import ScreenCore
import Testing
import TextCore
@testable import ReaderUI

@Suite("the reader drawn into an in-memory screen")
struct RenderTests {
    @Test("an open document is centred at its measure, CJK two cells a character")
    func centred() {
        let app = TestApp(size: Size(width: 44, height: 10), settings: LayoutSettings(measure: 20),
                          document: ("a.txt", "中文排版需要遵守行首行尾禁则。"))
        // text pane 44 wide, measure 20: left margin (44 - 20) / 2 = 12
        #expect(app.lines[0] == String(repeating: " ", count: 12) + "中文排版需要遵守行首")
        #expect(app.screen.frame.column(of: "中", inRow: 0) == 12)
        #expect(app.screen.frame.column(of: "要", inRow: 0) == 22)
        #expect(app.textLines[1] == "行尾禁则。")
    }

    @Test("the status line names the document, encoding, position and the help key")
    func status() {
        let app = TestApp(size: Size(width: 60, height: 10), document: ("报告.txt", numberedParagraphs(40)))
        #expect(app.statusLine.contains("报告.txt"))
        #expect(app.statusLine.contains("UTF-8"))
        #expect(app.statusLine.contains("%"))
        #expect(app.statusLine.contains("F1 help"))
        #expect(app.screen.frame[0, 9].style.reverse)
    }

    @Test("j, Space, Ctrl-D, G and g move through the text as less does")
    func scrolling() {
        let app = TestApp(size: Size(width: 60, height: 10), document: ("a.txt", numberedParagraphs(40)))
        #expect(app.textLines[0] == "第1段。")
        app.press("j")
        #expect(app.textLines[0] == "第2段。")
        app.press(" ")            // a page is the pane height (9) minus one
        #expect(app.textLines[0] == "第10段。")
        app.press("<C-d>")        // half a page: 4 rows
        #expect(app.textLines[0] == "第14段。")
        app.press("<PgUp>")       // (b moves by words now: w/b/e)
        #expect(app.textLines[0] == "第6段。")
        app.press("G")
        #expect(app.textLines[8] == "第40段。")
        #expect(app.statusLine.contains("100%"))
        app.press("j")            // cannot scroll past the end
        #expect(app.textLines[8] == "第40段。")
        app.press("g")
        #expect(app.textLines[0] == "第1段。")
        app.press("k")
        #expect(app.textLines[0] == "第1段。")
    }

    @Test("a resize keeps the top source offset on screen")
    func resizeKeepsPlace() {
        let text = String(repeating: "科协组织坚持以新时代思想为指导，围绕中心、服务大局。", count: 30)
        let app = TestApp(size: Size(width: 60, height: 12), settings: LayoutSettings(measure: 40), document: ("a.txt", text))
        app.press("      ")
        let top = app.state.viewport!.topOffset
        app.resize(Size(width: 44, height: 10))
        let after = app.state.viewport!
        #expect(after.visibleRows.first!.1.range.contains(top))
        app.resize(Size(width: 120, height: 40))
        #expect(app.state.viewport!.visibleRows.first!.1.range.contains(top))
    }

    @Test("below 40×10 a notice replaces the panes, and the reader recovers")
    func tooSmall() {
        let app = TestApp(size: Size(width: 60, height: 12), document: ("a.txt", "正文"))
        app.resize(Size(width: 39, height: 12))
        #expect(app.lines[0].contains("window too small"))
        app.resize(Size(width: 60, height: 12))
        #expect(app.textLines[0] == "正文")
    }

    @Test("escape sequences in a document are drawn as dimmed placeholders")
    func placeholders() {
        let app = TestApp(size: Size(width: 60, height: 10), document: ("a.txt", "前\u{1B}]0;pwned\u{7}后"))
        #expect(app.textLines[0] == "前^[]0;pwned^G后")
        let frame = app.screen.frame
        let x = frame.column(of: "^[", inRow: 0)!
        #expect(frame[x, 0].style.dim)
        for cell in frame.cells { #expect(!cell.glyph.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }) }
    }

    @Test("a file name with escape sequences cannot reach the terminal through the library or status line")
    func hostileNames() {
        let app = TestApp(size: Size(width: 110, height: 10),
                          library: [LibraryEntry(name: "bad\u{1B}[2J.txt", path: "/x", sizeBytes: 1)],
                          document: ("bad\u{1B}[2J.txt", "正文"))
        for cell in app.screen.frame.cells { #expect(!cell.glyph.unicodeScalars.contains { $0.value == 0x1B }) }
        #expect(app.lines.contains { $0.contains("bad^[[2J.txt") })
    }

    @Test("no frame splits a wide character at a pane edge")
    func wideEdges() {
        let text = String(repeating: "中", count: 200)
        for width in 40...60 {
            let app = TestApp(size: Size(width: width, height: 10), settings: LayoutSettings(measure: 72), document: ("a.txt", text))
            let frame = app.screen.frame
            for y in 0..<10 {
                for x in 0..<width where frame[x, y].width == 2 {
                    #expect(x + 1 < width && frame[x + 1, y].isContinuation)
                }
            }
        }
    }
}


