import Foundation
import Testing
@testable import TextCore

/// The reflowed paragraphs of a text, one string each (a very wide layout puts each on one row).
func reflowed(_ text: String, view: ReadingView = .reflow) -> [String] {
    let views = DocumentViews(text: ScalarText(text))
    return PlainRenderer.lines(of: views.structure(view), settings: LayoutSettings(measure: 100_000), width: 100_000)
        .filter { !$0.isEmpty }
}

func seedText(_ prefix: String) throws -> String {
    let path = try #require(seedPaths().first { ($0 as NSString).lastPathComponent.hasPrefix(prefix) })
    return String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
}

@Suite("reflow: each seed reads as clean paragraphs")
struct SeedReflowTests {
    @Test("000 (segmented corpus): separators hidden, full-width runs start paragraphs")
    func seed000() throws {
        let text = try seedText("000")
        let views = DocumentViews(text: ScalarText(text))
        #expect(views.profile.isSegmented)
        #expect(views.profile.suggestedView == .reflow)
        let paragraphs = reflowed(text)
        #expect(paragraphs.first == "为疫情防控和经济社会发展汇聚科技力量（深入学习贯彻习近平新时代中国特色社会主义思想）")
        #expect(paragraphs.contains("\u{3000}\u{3000}广泛汇聚人才资源"))
        #expect(paragraphs.dropFirst().allSatisfy { $0.hasPrefix("\u{3000}\u{3000}") })
        #expect(paragraphs.count >= 8)
        #expect(!paragraphs.joined().contains("|"))
        #expect(paragraphs.joined().contains("经济社会发展"))
    }

    @Test("001 (hard-wrapped PDF extraction): wrapped lines join, the heading stays alone")
    func seed001() throws {
        let text = try seedText("001")
        let profile = DocumentViews(text: ScalarText(text)).profile
        #expect(profile.isHardWrapped)
        #expect(profile.isDoubleSpaced)
        let paragraphs = reflowed(text)
        #expect(paragraphs.contains { $0.contains("省科学技术协会作为全省广大科技工作者的群众组织") })
        #expect(paragraphs.contains("发挥政治动员力，引导科技工作者投身战疫"))
        #expect(paragraphs[0].hasPrefix(" 习近平总书记在党的十九大报告中强调"))
        #expect(paragraphs[0].hasSuffix("“双胜利”提供了有力的科技支持。"))
        // No paragraph of the body is cut at the old line width any more.
        #expect(paragraphs.filter { $0.count > 60 }.count >= 10)
    }

    @Test("002: paragraphs broken at old page boundaries mid-sentence are joined")
    func seed002() throws {
        let paragraphs = reflowed(try seedText("002"))
        #expect(paragraphs.contains { $0.contains("永葆初心、永担使命") })
        #expect(paragraphs.contains { $0.contains("加快构建以科技创新质量、贡献、绩效") })
        #expect(paragraphs.contains("中国科协机关党委 [2021-06-01]"))
        #expect(paragraphs.contains("(责任编辑 王丽娜)"))
    }

    @Test("003: a break between closing and opening quotes mid-sentence is joined; the title is a heading")
    func seed003() throws {
        let text = try seedText("003")
        let paragraphs = reflowed(text)
        #expect(paragraphs.contains { $0.contains("回答了“怎么看”“怎么办”等重大问题") })
        let views = DocumentViews(text: ScalarText(text))
        let block = views.structure(.reflow).block(containing: 3)
        #expect(block.role == .heading)
    }

    @Test("004: decorated and Markdown headings stay lines of their own")
    func seed004() throws {
        let paragraphs = reflowed(try seedText("004"))
        #expect(paragraphs[0] == "· 科学共同体要闻 ·")
        #expect(paragraphs[1].hasPrefix("## 中国科协党组理论学习中心组专题学习"))
    }

    @Test("every seed's reflow view still partitions the text and maps every cell", arguments: ["000", "001", "002", "003", "004"])
    func partition(prefix: String) throws {
        let text = ScalarText(try seedText(prefix))
        let views = DocumentViews(text: text)
        for view in ReadingView.allCases {
            let layout = DocumentLayout(structure: views.structure(view), settings: LayoutSettings(measure: 40), width: 40)
            var next = 0
            for row in allRows(layout) where !row.isSpacer {
                #expect(row.range.lowerBound == next)
                next = row.range.upperBound
                for cell in row.cells { #expect(row.range.contains(cell.offset)) }
                #expect(row.width <= 40)
            }
            #expect(next == text.count)
        }
    }

    @Test("the original view is the file's lines")
    func original() throws {
        let text = try seedText("001")
        let lines = reflowed(text, view: .original)
        #expect(lines[0] == " 习近平总书记在党的十九大报告中强调弘扬科学精神、普及科学知识。新冠肺炎疫情发生后，习近平")
    }
}

@Suite("reflow rules on small texts")
struct ReflowRuleTests {
    /// Builds a hard-wrapped text: `body` cut into lines of `width` characters.
    func hardWrap(_ body: String, width: Int) -> String {
        var lines: [String] = []
        var current = ""
        for ch in body {
            current.append(ch)
            if current.count == width { lines.append(current); current = "" }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.joined(separator: "\n")
    }

    @Test("the worked example: indents start paragraphs, a page-number line disappears")
    func workedExample() {
        let text = """
        \u{3000}\u{3000}第一章\u{3000}风起
        \u{3000}\u{3000}天色渐渐暗了下来，街上的行人也越来越
        少。他站在窗前，望着远处的灯火，心里想
        着明天的事情。他想了很久很久，没有答案
        。窗外的风越来越大，吹得窗户哗哗作响。
        \u{3000}\u{3000}“你还不睡吗？”母亲在门外问道。他
        没有回答，只是默默地看着窗外的夜色。
        - 12 -
        """
        let paragraphs = reflowed(text)
        #expect(paragraphs[0] == "\u{3000}\u{3000}第一章\u{3000}风起")
        #expect(paragraphs[1] == "\u{3000}\u{3000}天色渐渐暗了下来，街上的行人也越来越少。他站在窗前，望着远处的灯火，心里想着明天的事情。他想了很久很久，没有答案。窗外的风越来越大，吹得窗户哗哗作响。")
        #expect(paragraphs[2] == "\u{3000}\u{3000}“你还不睡吗？”母亲在门外问道。他没有回答，只是默默地看着窗外的夜色。")
        #expect(paragraphs.count == 3)
    }

    @Test("Latin words joined across a line break get one space; CJK gets none")
    func joiners() {
        /// Pads `head + tail` with 字 between them to exactly 80 cells, so every line is full.
        func full(_ head: String, _ tail: String) -> String {
            var middle = ""
            while CellWidth.displayWidth(head + middle + tail) + 2 <= 80 { middle += "字" }
            if CellWidth.displayWidth(head + middle + tail) < 80 { middle += "x" }
            return head + middle + tail
        }
        let lines = [full("开始", "结束"), full("再来", "我们使用Swift is"), full("great for text and", "他说："),
                     full("“好。”然后", "走了"), full("又一行", "完了")]
        let joined = reflowed(lines.joined(separator: "\n"))
        #expect(joined.count == 1)
        #expect(joined[0].contains("Swift is great"))
        #expect(joined[0].contains("他说：“好。”"))
        #expect(joined[0].contains("结束再来"))
    }

    @Test("CRLF and form feeds: page breaks and CRLF terminators are hidden in reflow")
    func crlfAndFormFeed() {
        let body = String(repeating: "科协组织坚持以新时代思想为指导围绕中心服务大局", count: 8)
        let text = hardWrap(body, width: 24).split(separator: "\n").joined(separator: "\r\n") + "\r\n\u{0C}" + "下一页的段落开始了。\r\n"
        let views = DocumentViews(text: ScalarText(text))
        #expect(views.profile.lineEndings == .crlf)
        let paragraphs = reflowed(text)
        #expect(paragraphs[0] == body)
        #expect(!paragraphs.joined().unicodeScalars.contains { $0 == "\r" || $0 == "\u{0C}" })
    }

    @Test("a short heading between blank lines is not joined to the text around it")
    func headingsStay() {
        let line = String(repeating: "文", count: 30)
        let text = [line, line, "", "二、工作要求", "", line, line].joined(separator: "\n")
        let paragraphs = reflowed(text)
        #expect(paragraphs == [line + line, "二、工作要求", line + line])
    }

    @Test("heading patterns", arguments: [
        ("第一章 风起", true), ("第12节", true), ("第三节课的内容很多", false), ("一、调查方法", true),
        ("（一）抽样", true), ("1. 引言", true), ("## 标题", true), ("· 要闻 ·", true), ("序章", true),
        ("这是一个普通的句子。", false), ("3.14是圆周率", false),
        // 40 characters at most, counted as characters, not scalars.
        ("## " + String(repeating: "字", count: 37), true), ("## " + String(repeating: "字", count: 38), false),
        ("## " + String(repeating: "e\u{301}", count: 37), true),
        ("楔子", true), ("后记 写在最后", true), ("十二、附则", true), ("(3) 样本", true), ("• 快讯 •", true),
    ])
    func patterns(line: String, expected: Bool) {
        #expect(HeadingPattern.matches(line) == expected)
        // The cheap test reflow asks first never rules out a heading.
        if expected { #expect(HeadingPattern.canStart(with: line.unicodeScalars.first!)) }
    }

    @Test("page-number lines", arguments: [("12", true), ("- 12 -", true), ("— 3 —", true), ("第 5 页", true), ("3/20", true), ("2021年", false), ("12345", false)])
    func pageNumbers(line: String, expected: Bool) {
        let text = ScalarText(line)
        let facts = LineFacts(LineIndex(text: text).line(startingAt: 0), text: text)
        #expect(facts.isPageNumber == expected)
    }

    @Test("segmented corpora are detected only when | separates words")
    func segmentedDetection() throws {
        #expect(DocumentViews(text: ScalarText(try seedText("000"))).profile.isSegmented)
        for p in ["001", "002", "003", "004"] {
            #expect(!DocumentViews(text: ScalarText(try seedText(p))).profile.isSegmented)
        }
        #expect(!DocumentViews(text: ScalarText("a | b | c")).profile.isSegmented)
    }

    @Test("word boundaries of a segmented text come from its separators")
    func wordBoundaries() {
        let text = ScalarText("我们|正在|使用")
        let structure = SegmentedStructure(text: text, lines: LineIndex(text: text), hiddenScalar: "|")
        #expect(structure.wordBoundaries(in: 0..<text.count) == [3, 6])
    }

    @Test("showing segments draws the separators and counts their width")
    func showSegments() throws {
        let views = DocumentViews(text: ScalarText(try seedText("000")))
        let shown = PlainRenderer.lines(of: views.structure(.reflow, showSegments: true), settings: LayoutSettings(measure: 1000), width: 1000)
        #expect(shown[0].hasPrefix("为|疫情|防控|"))
    }
}
