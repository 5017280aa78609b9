import AnnotationCore
import Foundation
import ScreenCore
import Testing
import TextCore
import TmuxDriver
@testable import ReaderUI

/// The reading cursor, selections and annotations, drawn into an in-memory screen with a
/// real sidecar in a private folder.
@Suite("Annotating in the reader")
struct AnnotatingTests {
    static let text = "第一句话在这里。第二句话说明问题！第三句。\n\n　　新的段落开始了，这是第二段。"

    func app(_ text: String = text, size: Size = Size(width: 60, height: 12)) throws -> (TestApp, TemporaryDirectory) {
        let tmp = try TemporaryDirectory()
        return (TestApp(size: size, settings: LayoutSettings(measure: 40), document: ("doc.txt", text), annotatedIn: tmp.path), tmp)
    }

    /// The style of the first screen cell showing `glyph`.
    func style(_ app: TestApp, of glyph: String, occurrence: Int = 1) -> Style? {
        var seen = 0
        for y in 0..<app.screen.size.height {
            for x in 0..<app.screen.size.width where app.screen.frame[x, y].glyph == glyph {
                seen += 1
                if seen == occurrence { return app.screen.frame[x, y].style }
            }
        }
        return nil
    }

    @Test("the cursor is a reverse cell; l, w, ), } move it by character, word, sentence, paragraph")
    func cursorMotions() throws {
        let (app, tmp) = try app()
        defer { tmp.remove() }
        #expect(style(app, of: "第")?.reverse == true)
        app.press("l")
        #expect(app.state.viewport?.cursor == 1)
        #expect(style(app, of: "一")?.reverse == true && style(app, of: "第")?.reverse == false)
        app.press(")")
        #expect(app.state.viewport?.cursor == 8, "the second sentence starts after 。")
        app.press(")")
        #expect(app.state.viewport?.cursor == 17, "after ！")
        app.press("}")
        let paragraph = Array(Self.text.unicodeScalars).firstIndex(of: "新")!
        #expect(app.state.viewport?.cursor == paragraph - 2, "the paragraph starts at its full-width indent")
        app.press("(")
        #expect(app.state.viewport?.cursor ?? 0 < paragraph)
        app.press("g")
        app.press("w")
        #expect((app.state.viewport?.cursor ?? 0) > 0)
    }

    @Test("v and motions select (reverse video); 1 highlights; the sidecar holds it; the status line shows it")
    func highlight() throws {
        let (app, tmp) = try app()
        defer { tmp.remove() }
        app.press("vlll")
        #expect(app.state.selectedRange == 0..<4)
        #expect(style(app, of: "一")?.reverse == true)
        app.press("1")
        #expect(app.statusLine.contains("✓"), "\(app.statusLine)")
        let a = try #require(app.state.viewport?.document.annotations?.annotations.first)
        #expect(a.target?.exact == "第一句话" && a.color == "yellow")
        let saved = try SidecarFile(path: tmp.path + "/doc.txt.pizhu.json").read()
        #expect(saved?.live.count == 1)
        // Drawn underlined in yellow; the gutter marks the row.
        app.press("l")
        #expect(style(app, of: "一")?.background == .yellow && style(app, of: "一")?.underline == true)
        #expect(app.lines[0].contains("*"))
        app.press("h")
        #expect(app.statusLine.contains("yellow"))
    }

    @Test("s selects the sentence; t tags it with Chinese tags; c writes a multi-line note; u undoes, Ctrl-R redoes")
    func tagNoteUndo() throws {
        let (app, tmp) = try app()
        defer { tmp.remove() }
        app.press(")s")
        #expect(app.state.selectedRange.map { app.state.viewport!.document.text.string(in: $0) } == "第二句话说明问题！")
        app.press("t政策/科技 经济<Enter>")
        var a = try #require(app.state.viewport?.document.annotations?.annotations.first)
        #expect(a.tags == ["政策/科技", "经济"] && a.target?.exact == "第二句话说明问题！")
        app.press("c第一行<Enter>第二行<C-s>")
        a = try #require(app.state.viewport?.document.annotations?.annotations.first)
        #expect(a.note == "第一行\n第二行")
        #expect(app.state.viewport?.document.annotations?.annotations.count == 1, "the note edits the same annotation")
        app.press("h")
        #expect(app.statusLine.contains("#政策/科技") && app.statusLine.contains("注 第一行"), "\(app.statusLine)")
        app.press("u")
        #expect(app.state.viewport?.document.annotations?.annotations.first?.note == nil)
        app.press("<C-r>")
        #expect(app.state.viewport?.document.annotations?.annotations.first?.note == "第一行\n第二行")
        app.press("D")
        #expect(app.state.viewport?.document.annotations?.annotations.isEmpty == true)
        app.press("u")
        #expect(app.state.viewport?.document.annotations?.annotations.count == 1)
        let saved = try SidecarFile(path: tmp.path + "/doc.txt.pizhu.json").read()
        #expect(saved?.live.first?.tags == ["政策/科技", "经济"])
    }

    @Test("Tab completes a tag from the vocabulary; :tag, :note and :highlight act on the annotation at the cursor")
    func completionAndCommands() throws {
        let (app, tmp) = try app()
        defer { tmp.remove() }
        app.state.libraryTags = ["研究方法/抽样"]
        app.press("W")
        app.press("t研究<Tab><Enter>")
        let first = try #require(app.state.viewport?.document.annotations?.annotations.first)
        #expect(first.tags == ["研究方法/抽样"])
        app.press(":note 要核对<Enter>")
        app.press(":highlight green<Enter>")
        let edited = try #require(app.state.viewport?.document.annotations?.annotations.first)
        #expect(edited.id == first.id && edited.note == "要核对" && edited.color == "green")
    }

    @Test("overlapping annotations: the innermost wins the cell, the gutter shows the count; ]a and [a jump")
    func layered() throws {
        let (app, tmp) = try app()
        defer { tmp.remove() }
        app.press("V1")                     // the whole first paragraph, yellow
        app.press("gllvl3")                 // 句话, blue, inside it
        #expect(style(app, of: "句")?.background == .blue)
        #expect(style(app, of: "第")?.background == .yellow)
        #expect(app.lines[0].contains("2"))
        app.press("G]a")
        #expect(app.state.viewport?.cursor == 0 || app.statusLine.contains("Wrapped"))
        app.press("]a")
        #expect(app.state.viewport?.cursor == 2)
    }

    @Test("o moves the other end of the selection; :next TAG finds a tag or one under it; [a steps back")
    func otherEndNextAndPrevious() throws {
        let (app, tmp) = try app()
        defer { tmp.remove() }
        app.press("vlll")
        #expect(app.state.selectedRange == 0..<4)
        app.press("o")
        #expect(app.state.viewport?.cursor == 0 && app.state.selectedRange == 0..<4)
        app.press("l")
        #expect(app.state.selectedRange == 1..<4, "after o, motions move the start")
        app.press("<Esc>g)s:tag 方法/抽样<Enter>")
        app.press("}W:tag 其他<Enter>")
        let other = try #require(app.state.viewport?.document.annotations?.annotations.first { $0.tags == ["其他"] }?.target?.start)
        app.press("g:next 方法<Enter>")
        #expect(app.state.viewport?.cursor == 8, "方法/抽样 is under 方法")
        app.press(":next 其他<Enter>")
        #expect(app.state.viewport?.cursor == other)
        app.press("[a")
        #expect(app.state.viewport?.cursor == 8)
        app.press(":next 没有<Enter>")
        #expect(app.state.viewport?.cursor == 8)
    }

    @Test("in the annotation pane, e edits the tags and then the note; R re-attaches an orphan to the selection")
    func paneEditAndReattach() throws {
        let (app, tmp) = try app()
        defer { tmp.remove() }
        app.press(")s:tag 旧<Enter>")
        app.press("gA")
        app.press("e<C-u>新 标签<Enter>")
        app.press("备注<C-s>")
        var a = try #require(app.state.viewport?.document.annotations?.annotations.first)
        #expect(a.tags == ["新", "标签"] && a.note == "备注")
        // Make it an orphan, select another passage, and re-attach it there from the pane.
        let annotated = try #require(app.state.viewport?.document.annotations)
        a.anchor = AnchorState(status: .orphan, score: 0)
        annotated.update(a, author: "t")
        #expect(app.state.focus == .text, "the note editor returns to the text")
        app.press("}W")
        let selected = try #require(app.state.selectedRange)
        app.press("A")
        #expect(app.state.annotationPaneItems.first?.anchor.status == .orphan)
        app.press("R")
        let moved = try #require(app.state.viewport?.document.annotations?.annotations.first)
        #expect(moved.id == a.id && moved.anchor.status == .anchored)
        #expect(moved.target?.start == selected.lowerBound && moved.target?.end == selected.upperBound)
        #expect(try SidecarFile(path: tmp.path + "/doc.txt.pizhu.json").read()?.live.first?.target?.start == selected.lowerBound)
    }

    @Test("the annotation pane lists annotations, filters by tag, Enter jumps, d deletes; orphans in their own section")
    func pane() throws {
        let (app, tmp) = try app()
        defer { tmp.remove() }
        app.press(")s:tag 方法<Enter>")
        app.press("}W:tag 其他<Enter>")
        app.press("g")
        app.press("A")
        #expect(app.state.focus == .annotations)
        #expect(app.lines.joined().contains("#方法") && app.lines.joined().contains("#其他"))
        app.press("f方法<Enter>")
        #expect(app.state.annotationPaneItems.count == 1)
        app.press("<Enter>")
        #expect(app.state.focus == .text && app.state.viewport?.cursor == 8)
        app.press("Af<C-u><Enter>jd")
        #expect(app.state.viewport?.document.annotations?.annotations.count == 1)
        // An orphan (its text is gone) is listed under its own heading.
        let annotated = try #require(app.state.viewport?.document.annotations)
        var orphan = annotated.annotations[0]
        orphan.anchor = AnchorState(status: .orphan, score: 0)
        annotated.update(orphan, author: "t")
        app.press("<Esc>A")
        #expect(app.lines.joined().contains("孤立 Orphans"))
    }

    @Test("a sidecar that cannot be written: annotating stops with a message and the annotation stays on screen")
    func unwritable() throws {
        let (app, tmp) = try app()
        defer { tmp.remove() }
        try "not json".write(toFile: tmp.path + "/doc.txt.pizhu.json", atomically: false, encoding: .utf8)
        app.press("W1")
        #expect(app.statusLine.contains("NOT SAVED"))
        #expect(app.state.viewport?.document.annotations?.annotations.count == 1)
        app.press("lW2")
        #expect(app.statusLine.contains(":save"))
        #expect(try String(contentsOfFile: tmp.path + "/doc.txt.pizhu.json", encoding: .utf8) == "not json")
        try FileManager.default.removeItem(atPath: tmp.path + "/doc.txt.pizhu.json")
        app.press(":save<Enter>")
        #expect(try SidecarFile(path: tmp.path + "/doc.txt.pizhu.json").read()?.live.count == 1)
    }
}

/// Search in the reader: incremental, counts, wrap-around, highlights.
@Suite("Searching in the reader")
struct ReaderSearchTests {
    @Test("/ finds as you type, Enter moves the cursor to the match, n and N step with match i/N and wrap")
    func incremental() {
        let text = (1...30).map { "第\($0)段。关键词在这里。" }.joined(separator: "\n")
        let app = TestApp(size: Size(width: 60, height: 10), settings: LayoutSettings(measure: 40), document: ("s.txt", text))
        app.press("/关键")
        #expect(app.state.search?.matches.count == 30)
        app.press("词<Enter>")
        #expect(app.statusLine.contains("match 1/30"))
        let first = app.state.viewport!.cursor
        #expect(app.state.viewport!.document.text.string(in: first..<first + 3) == "关键词")
        app.press("n")
        #expect(app.statusLine.contains("match 2/30"))
        app.press("N")
        #expect(app.statusLine.contains("match 1/30"))
        app.press("N")
        #expect(app.statusLine.contains("match 30/30") && app.statusLine.contains("wrapped"))
        // Every match on screen is drawn as a match; the current one in reverse.
        let current = app.screen.frame.cells.filter { $0.style.reverse && $0.style.underline }
        #expect(!current.isEmpty)
        app.press("G/不存在<Enter>")
        #expect(app.statusLine.contains("Not found"))
    }

    @Test("Esc at the search prompt goes back to where the search started")
    func cancel() {
        let text = (1...40).map { "第\($0)段。" }.joined(separator: "\n") + "\n终点"
        let app = TestApp(size: Size(width: 60, height: 10), settings: LayoutSettings(measure: 40), document: ("s.txt", text))
        app.press("/终点")
        #expect(app.lines.joined().contains("终点"))
        app.press("<Esc>")
        #expect(app.textLines[0] == "第1段。")
    }
}

@Suite("Searching the library")
struct LibraryGrepTests {
    static let seeds = TmuxSession.root + "/seeds"

    @Test(":grep lists matches from every document; Enter asks to open the document at the match")
    func grepPane() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.seeds).filter { $0.hasSuffix(".txt") }.sorted()
        let entries = names.map { LibraryEntry(name: $0, path: Self.seeds + "/" + $0, sizeBytes: 0) }
        let app = TestApp(size: Size(width: 100, height: 20), library: entries)
        app.press(":grep 经济社会发展<Enter>")
        guard case .grep(let query)? = app.effects.last else { Issue.record("no grep effect"); return }
        app.state.showGrepResults(query, hits: LibraryGrep.search(query, in: entries.map(\.path)).hits)
        app.draw()
        #expect(app.state.focus == .results)
        #expect(app.lines.joined().contains("000_8b9b7713cf26d312.txt"))
        app.press("j<Enter>")
        guard case .openAt(let path, let offset)? = app.effects.last else { Issue.record("no open"); return }
        #expect(path.hasSuffix("000_8b9b7713cf26d312.txt"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(String(String.UnicodeScalarView(Array(text.unicodeScalars)[offset..<offset + 7])) == "经济社会|发展")
    }

    @Test("grep finds matches across reflow joins, reports line and column, and rejects files by their bytes first")
    func grepCore() {
        let report = LibraryGrep.search(SearchQuery(pattern: "省科学技术协会"), in: [Self.seeds + "/001_eb026acd6131a322.txt", Self.seeds + "/003_49d197ff665d3f42.txt"])
        #expect(report.hits.count >= 1 && report.hits.allSatisfy { $0.path.hasSuffix("001_eb026acd6131a322.txt") })
        #expect(report.hits.first?.line == 3)
        #expect(LibraryGrep.mayContain(Array("甲乙丙".utf8), "丙甲") && !LibraryGrep.mayContain(Array("甲乙丙".utf8), "丁"))
    }
}

@Suite("Tagging every search match")
struct TagAllTests {
    @Test(":tag-all tags each match of the search, reports the count, and u undoes them all at once")
    func tagAll() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let text = (1...5).map { "第\($0)段提到科技创新。" }.joined(separator: "\n")
        let app = TestApp(size: Size(width: 60, height: 12), settings: LayoutSettings(measure: 40), document: ("t.txt", text), annotatedIn: tmp.path)
        app.press("/科技创新<Enter>:tag-all 科技/创新<Enter>")
        #expect(app.statusLine.contains("Tagged 5"))
        #expect(app.state.viewport?.document.annotations?.annotations.count == 5)
        #expect(try SidecarFile(path: tmp.path + "/t.txt.pizhu.json").read()?.live.count == 5)
        app.press("u")
        #expect(app.state.viewport?.document.annotations?.annotations.isEmpty == true)
        app.press("<C-r>")
        #expect(app.state.viewport?.document.annotations?.annotations.count == 5)
    }
}
