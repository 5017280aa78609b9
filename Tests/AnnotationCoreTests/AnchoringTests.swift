import Foundation
import Testing
@testable import AnnotationCore

/// The anchoring ladder on edited texts: each case annotates a passage, edits the text, and
/// checks where (and how surely) the passage is found again.
@Suite("Anchoring survives edits")
struct AnchoringTests {
    static let original = """
    一、调查方法
    　　为了解城市居民的阅读习惯，课题组设计了结构化问卷。本研究于二〇二四年十月至十二月间，采用分层随机抽样方法，共收集有效问卷一千二百份，有效回收率为百分之八十六。
    　　问卷回收后由两名研究人员独立录入，并对不一致之处逐条核对。阅读习惯的差异在城乡之间更为明显。

    """

    /// Annotates `quote` (its `nth` occurrence) in `before`, re-anchors in `after`, returns the result.
    func reanchor(_ quote: String, nth: Int = 1, from before: String, to after: String) -> Annotation {
        var annotations = [Fixtures.annotation("a", Fixtures.range(of: quote, in: before, nth: nth), in: before)]
        Anchorer(text: Fixtures.scalars(after)).reanchor(&annotations)
        return annotations[0]
    }

    func slice(_ a: Annotation, _ text: String) -> String {
        let s = Fixtures.scalars(text)
        return TextTarget.string(s[a.target!.start..<a.target!.end])
    }

    @Test("unchanged text: anchored at the same offsets")
    func unchanged() {
        let a = reanchor("分层随机抽样", from: Self.original, to: Self.original)
        #expect(a.anchor.status == .anchored)
        #expect(a.target!.start == Fixtures.range(of: "分层随机抽样", in: Self.original).lowerBound)
    }

    @Test("insertion or deletion before the passage: moved, same text", arguments: [
        ("二〇二五年城市居民阅读习惯调研报告\n\n", ""), ("", "一、调查方法\n"),
    ])
    func editBefore(insert: String, delete: String) {
        let after = insert + Self.original.replacingFirst(delete, with: "")
        let a = reanchor("采用分层随机抽样方法", from: Self.original, to: after)
        #expect(a.anchor.status == .moved)
        #expect(slice(a, after) == "采用分层随机抽样方法")
        #expect(a.target!.start == Fixtures.range(of: "采用分层随机抽样方法", in: after).lowerBound)
    }

    @Test("an edit after the passage leaves it anchored")
    func editAfter() {
        let after = Self.original.replacingFirst("逐条核对", with: "逐条复核并记录")
        #expect(reanchor("分层随机抽样", from: Self.original, to: after).anchor.status == .anchored)
    }

    @Test("an edit inside the passage: a fuzzy match, marked for review, original quote kept")
    func editInside() {
        let quote = "采用分层随机抽样方法，共收集有效问卷一千二百份"
        let after = Self.original.replacingFirst("一千二百份", with: "一千三百份")
        let a = reanchor(quote, from: Self.original, to: after)
        #expect(a.anchor.status == .fuzzy)
        #expect(a.anchor.status.needsReview)
        #expect(a.anchor.originalExact == quote)
        #expect(slice(a, after) == "采用分层随机抽样方法，共收集有效问卷一千三百份")
        #expect(a.anchor.score >= FuzzyAcceptance.minimumScore)
    }

    @Test("a passage deleted outright becomes an orphan with its quote kept")
    func deleted() {
        let after = Self.original.replacingFirst("问卷回收后由两名研究人员独立录入，并对不一致之处逐条核对。", with: "")
        let a = reanchor("问卷回收后由两名研究人员独立录入", from: Self.original, to: after)
        #expect(a.anchor.status == .orphan)
        #expect(a.target!.exact == "问卷回收后由两名研究人员独立录入")
        #expect(!a.deleted)
    }

    @Test("a duplicated quote: the occurrence whose context matches wins, not the first")
    func duplicated() {
        let a = reanchor("阅读习惯", nth: 2, from: Self.original, to: "前言。\n" + Self.original)
        #expect(a.anchor.status == .moved)
        #expect(a.target!.start == Fixtures.range(of: "阅读习惯", in: "前言。\n" + Self.original, nth: 2).lowerBound)
        // The text between the two copies changed too, so no shift applies: context decides.
        let reordered = Self.original.replacingFirst("课题组设计了结构化问卷。", with: "")
        let b = reanchor("阅读习惯", nth: 2, from: Self.original, to: reordered)
        #expect(b.target!.start == Fixtures.range(of: "阅读习惯", in: reordered, nth: 2).lowerBound)
    }

    @Test("one- and two-character quotes re-anchor by context, and do not jump to another copy when their context is gone")
    func shortQuotes() {
        let edited = "补充说明。" + Self.original
        let one = reanchor("录", from: Self.original, to: edited)
        #expect(one.anchor.status == .moved && slice(one, edited) == "录")
        let two = reanchor("城乡", from: Self.original, to: edited)
        #expect(two.anchor.status == .moved && slice(two, edited) == "城乡")
        // hypothesis/h#2798: the annotated copy was rewritten; another copy elsewhere must not inherit it.
        let rewritten = Self.original.replacingFirst("阅读习惯的差异在城乡之间更为明显。", with: "差异显著。")
        let c = reanchor("阅读习惯", nth: 2, from: Self.original, to: rewritten)
        #expect(c.anchor.status == .orphan)
    }

    @Test("equal copies with equal context: ambiguous, the nearest taken")
    func ambiguous() {
        let base = "甲乙丙丁。\n"
        let text = String(repeating: base, count: 20)
        var annotations = [Fixtures.annotation("a", 60..<64, in: text)]
        annotations[0].target!.start = 61 // stale position: the quote no longer sits there
        annotations[0].target!.end = 65
        Anchorer(text: Fixtures.scalars(text)).reanchor(&annotations)
        #expect(annotations[0].anchor.status == .ambiguous)
        #expect(annotations[0].target!.start == 60)
    }

    @Test("emoji and CJK Extension B count one scalar each (not UTF-16 units)")
    func astral() {
        let before = "😀𠀀𠀁 引用的文字在这里。"
        let after = "🎉🎉" + before
        let a = reanchor("引用的文字", from: before, to: after)
        #expect(a.target!.start == 6)
        #expect(a.target!.prefix == "🎉🎉😀𠀀𠀁 ")
    }

    @Test("CRLF files count the CR: offsets and quotes with line breaks survive")
    func crlf() {
        let before = "第一行\r\n第二行内容\r\n第三行\r\n"
        let after = "新增\r\n" + before
        let a = reanchor("内容\r\n第三", from: before, to: after)
        #expect(Fixtures.range(of: "第二行", in: before).lowerBound == 5)
        #expect(a.anchor.status == .moved && a.target!.start == 4 + 8)
    }

    @Test("many annotations after one insertion all move by the same shift")
    func shiftMany() {
        var text = ""
        for i in 0..<300 { text += "第\(i)段：这是一段用于测试的文字，编号\(i)。\n" }
        var annotations = (0..<300).map { i in
            Fixtures.annotation("\(i)", Fixtures.range(of: "编号\(i)。", in: text), in: text)
        }
        let after = "序言。\n" + text
        Anchorer(text: Fixtures.scalars(after)).reanchor(&annotations)
        #expect(annotations.allSatisfy { $0.anchor.status == .moved })
        #expect(annotations.allSatisfy { slice($0, after) == $0.target!.exact })
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, let r = range(of: target) else { return self }
        return replacingCharacters(in: r, with: replacement)
    }
}
