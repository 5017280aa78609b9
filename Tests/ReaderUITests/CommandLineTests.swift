import ScreenCore
import Testing
import TextCore
@testable import ReaderUI

@Suite("the : command line")
struct CommandLineTests {
    @Test(":goto 50% puts the middle of the document on top")
    func gotoPercent() {
        let app = TestApp(size: Size(width: 60, height: 10), document: ("a.txt", numberedParagraphs(100)))
        app.press(":goto 50%<Enter>")
        let top = app.state.viewport!.topOffset
        let count = app.state.viewport!.document.text.count
        #expect(abs(top - count / 2) < 10)
    }

    @Test(":set measure 10 re-lays out the text")
    func setMeasure() {
        let app = TestApp(size: Size(width: 60, height: 10), settings: LayoutSettings(measure: 40),
                          document: ("a.txt", "中文排版需要遵守行首行尾禁则。"))
        #expect(app.textLines[0] == "中文排版需要遵守行首行尾禁则。")
        app.press(":set measure 10<Enter>")
        #expect(app.textLines[0] == "中文排版需")
        #expect(app.statusLine.contains("measure = 10"))
    }

    @Test(":set with a bad value explains what it takes")
    func setErrors() {
        let app = TestApp(document: ("a.txt", "正文"))
        app.press(":set ambiguous huge<Enter>")
        #expect(app.statusLine.contains("narrow or wide"))
        app.press(":frobnicate<Enter>")
        #expect(app.statusLine.contains("Unknown command"))
    }

    @Test("Chinese typed at the prompt is edited by character, with history")
    func chineseInput() {
        let app = TestApp(document: ("a.txt", "正文"))
        app.press(":open 报告👨‍👩‍👧.txt")
        #expect(app.statusLine.hasPrefix(":open 报告👨"))   // ncurses drops the ZWJ, so the frame does too
        app.press("<BS><BS><BS><BS><BS>")
        #expect(app.statusLine.hasPrefix(":open 报告"))
        app.press("<Left>书<Enter>")
        #expect(app.effects == [.open(path: "报书告")])
        app.press(":<Up>")
        #expect(app.statusLine.hasPrefix(":open 报书告"))
        app.press("<Esc>")
        #expect(!app.statusLine.hasPrefix(":"))
    }

    @Test(":q quits")
    func quit() {
        let app = TestApp()
        app.press(":q<Enter>")
        #expect(app.effects == [.quit])
    }
}
