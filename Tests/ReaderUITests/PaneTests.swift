import ScreenCore
import Testing
import TextCore
@testable import ReaderUI

@Suite("panes: library, focus, overlays, help")
struct PaneTests {
    static let library = [
        LibraryEntry(name: "a 甲.txt", path: "/lib/甲.txt", sizeBytes: 2048),
        LibraryEntry(name: "b 乙.txt", path: "/lib/乙.txt", sizeBytes: 10),
    ]

    @Test("the library lists documents; j moves the selection and Enter asks to open")
    func library() {
        let app = TestApp(size: Size(width: 110, height: 12), library: Self.library)
        #expect(app.lines[1].contains("甲.txt"))
        #expect(app.lines[1].contains("2 KB"))
        #expect(app.lines[2].contains("乙.txt"))
        app.press("j<Enter>")
        #expect(app.effects == [.open(path: "/lib/乙.txt")])
    }

    @Test("at 100 columns or more the library sits beside the text")
    func sideBySide() {
        let app = TestApp(size: Size(width: 110, height: 12), library: Self.library, document: ("甲.txt", "正文内容"))
        #expect(app.lines[1].contains("甲.txt"))
        #expect(app.lines[0].contains("正文内容"))
        #expect(app.lines[0].contains("│"))
    }

    @Test("below 100 columns the library is an overlay shown while it has the focus")
    func overlay() {
        let app = TestApp(size: Size(width: 80, height: 12), library: Self.library, document: ("甲.txt", "正文内容"))
        #expect(app.lines[0].contains("正文内容"))
        #expect(!app.lines.contains { $0.contains("乙.txt") })
        app.press("<Esc>")
        #expect(app.lines.contains { $0.contains("乙.txt") })
        #expect(!app.lines[0].contains("正文内容"))
        app.press("<Tab>")
        #expect(app.lines[0].contains("正文内容"))
    }

    @Test("the library pane can be toggled away and back")
    func toggle() {
        let app = TestApp(size: Size(width: 110, height: 12), library: Self.library, document: ("甲.txt", "正文内容"))
        app.press("<F2>")
        #expect(!app.lines.contains { $0.contains("乙.txt") })
        app.press("<F2>")
        #expect(app.lines.contains { $0.contains("乙.txt") })
    }

    @Test("F1 shows help generated from the key map; any other key closes it")
    func help() {
        let app = TestApp(size: Size(width: 100, height: 40), document: ("a.txt", "正文"))
        app.press("<F1>")
        let screen = app.lines.joined(separator: "\n")
        #expect(screen.contains("Ctrl-D"))
        #expect(screen.contains(Command.halfPageDown.help))
        #expect(app.state.helpLines.contains { $0.contains(":goto 37%") })
        app.press("x")
        #expect(!app.lines.joined().contains("Ctrl-D"))
    }

    @Test("q quits, Ctrl-C only cancels, Ctrl-Z asks to suspend")
    func quitKeys() {
        let app = TestApp(document: ("a.txt", "正文"))
        app.press("<C-c>")
        #expect(app.effects.isEmpty)
        #expect(app.statusLine.contains("q"))
        app.press("<C-z>")
        #expect(app.effects == [.suspend])
        app.press("q")
        #expect(app.effects == [.suspend, .quit])
    }

    @Test("S shows and hides the separators of a segmented text; r switches views; Ctrl-L asks for a redraw")
    func segmentsAndViews() {
        let text = String(repeating: "为|疫情|防控|和|经济社会|发展|汇聚|科技|力量|。|", count: 8)
        let app = TestApp(size: Size(width: 80, height: 12), settings: LayoutSettings(measure: 60), document: ("seg.txt", text))
        #expect(!app.lines[0].contains("|"))
        #expect(app.statusLine.contains("重排 reflow"))
        app.press("S")
        #expect(app.lines[0].contains("为|疫情|"))
        #expect(app.statusLine.contains("word separators shown"))
        app.press("k")   // any key clears the message; the status line then names the mode
        #expect(app.statusLine.contains("分词"))
        app.press("S")
        #expect(!app.lines[0].contains("|"))
        app.press("r")
        #expect(app.statusLine.contains("原文 original"))
        app.press("<C-l>")
        #expect(app.effects == [.redraw])
    }

    @Test("S on a text without separators says so")
    func noSegments() {
        let app = TestApp(document: ("a.txt", "正文"))
        app.press("S")
        #expect(app.statusLine.contains("no | word separator"))
    }
}

@Suite("the library: columns, order, filter")
struct LibraryPaneTests {
    static let entries = [
        LibraryEntry(name: "b.txt", path: "/l/b.txt", sizeBytes: 2048, title: "乙文", encoding: "UTF-8", progress: 80, lastRead: 200, annotationCount: 3),
        LibraryEntry(name: "a.txt", path: "/l/a.txt", sizeBytes: 1024, title: "甲文", encoding: "GB18030", progress: 10, lastRead: 300),
        LibraryEntry(name: "c.txt", path: "/l/c.txt", sizeBytes: 10),
    ]

    @Test("s cycles name → recent → progress; / filters as you type; Esc clears the filter")
    func orderAndFilter() {
        let app = TestApp(size: Size(width: 100, height: 12), library: Self.entries)
        #expect(app.state.library.map(\.name) == ["a.txt", "b.txt", "c.txt"])
        app.press("s")
        #expect(app.state.libraryOrder == .recent)
        #expect(app.state.library.map(\.name) == ["a.txt", "b.txt", "c.txt"], "last read 300, 200, never")
        app.press("s")
        #expect(app.state.library.map(\.name) == ["b.txt", "a.txt", "c.txt"])
        app.press("/乙")
        #expect(app.state.library.map(\.name) == ["b.txt"])
        app.press("<Esc>")
        #expect(app.state.library.count == 3)
    }

    @Test("a full-width library shows encoding, progress, last reading and the annotation count")
    func columns() {
        let app = TestApp(size: Size(width: 90, height: 12), library: Self.entries)
        let screen = app.lines.joined(separator: "\n")
        #expect(screen.contains("GB18030") && screen.contains("80%") && screen.contains("批注 3") && screen.contains("乙文"))
    }
}

@Suite("the outline pane")
struct OutlinePaneTests {
    static let text = "第一章 总则\n\n　　正文第一段内容比较长，用来测试。\n\n一、调查方法\n\n　　正文第二段内容。\n\n（一）抽样\n\n　　正文第三段。\n\n第二章 附则\n\n　　最后一段。\n"

    @Test("T lists the headings indented by level; Enter jumps; :goto heading 4 goes to the fourth")
    func outline() {
        let app = TestApp(size: Size(width: 60, height: 14), settings: LayoutSettings(measure: 40), document: ("o.txt", Self.text))
        app.press("T")
        #expect(app.state.focus == .outline)
        let titles = app.state.outline?.map(\.title) ?? []
        #expect(titles == ["第一章 总则", "一、调查方法", "（一）抽样", "第二章 附则"], "\(titles)")
        #expect(app.state.outline?.map(\.level) == [2, 2, 3, 2])
        app.press("jj<Enter>")
        #expect(app.state.focus == .text)
        #expect(app.state.viewport!.document.text.string(in: app.state.viewport!.cursor..<app.state.viewport!.cursor + 4) == "（一）抽")
        app.press("g:goto heading 4<Enter>")
        #expect(app.state.viewport!.document.text.string(in: app.state.viewport!.cursor..<app.state.viewport!.cursor + 3) == "第二章")
    }
}

@Suite("marks and the jump list")
struct JumpListTests {
    @Test("G records a jump; Ctrl-O goes back, Tab forward; a jump into another document asks the host to open it there")
    func jumps() {
        let app = TestApp(size: Size(width: 60, height: 10), settings: LayoutSettings(measure: 40), document: ("a.txt", numberedParagraphs(40)))
        app.press("jjG")
        let end = app.state.viewport!.cursor
        app.press("<C-o>")
        #expect(app.state.viewport!.cursor < end, "back to where G started")
        app.press("<Tab>")
        #expect(app.state.viewport!.cursor == end, "Tab goes forward again")
        app.press("ma")
        app.press("g'a")
        #expect(app.state.viewport!.cursor == end, "mark a")
        app.state.setJumpList([JumpPlace(path: "/elsewhere/b.txt", offset: 42)])
        app.press("<C-o>")
        #expect(app.effects.last == .openAt(path: "/elsewhere/b.txt", offset: 42))
    }
}
