import Foundation
import ScreenCore
import Testing
import TextCore
import TmuxDriver
import WordSegmentation
@testable import ReaderUI

/// Word, sentence and paragraph boundaries, in segmented, unsegmented, mixed and Latin text.
@Suite("Word, sentence and paragraph boundaries")
struct BoundaryTests {
    func words(_ s: String, segmented: Bool) -> [String] {
        let text = ScalarText(s)
        return WordFinder(text: text, segmented: segmented).words(in: 0..<text.count).map { text.string(in: $0) }
    }

    @Test("segmented text: words are the runs between |, punctuation and full-width spaces are not words")
    func segmentedWords() {
        #expect(words("经济社会|发展|，|科技界|　|新冠", segmented: true) == ["经济社会", "发展", "科技界", "新冠"])
    }

    @Test("unsegmented Chinese: ICU finds dictionary words; punctuation is skipped")
    func icuWords() {
        let w = words("科学技术协会在北京召开会议。", segmented: false)
        #expect(w.contains("北京") && w.contains("会议"))
        #expect(!w.contains("。"))
        #expect(w.joined() == "科学技术协会在北京召开会议")
    }

    @Test("mixed and Latin text: Latin words and numbers are words of their own")
    func mixedWords() {
        let w = words("使用Swift 6.3编写pizhu工具", segmented: false)
        #expect(w.contains("Swift") && w.contains("pizhu") && w.contains("6.3"))
        #expect(words("The quick brown fox.", segmented: false) == ["The", "quick", "brown", "fox"])
    }

    @Test("ICU spans report scalar offsets, also after astral characters")
    func astralOffsets() {
        let scalars = Array("😀𠀀北京".unicodeScalars)
        let spans = ICUWordBreaker.spans(of: scalars)
        #expect(spans.map(\.range.upperBound).last == 4)
        #expect(spans.contains { $0.range == 2..<4 && $0.isWord })
    }

    @Test("sentences end at 。！？…, closing quotes stay with them; Latin at . ! ? before a space", arguments: [
        ("他说：“好。”然后走了。", [0, 7]),
        ("真的吗？！是的……我知道。", [0, 5, 9]),
        ("Version 3.14 is out. Next one! Done", [0, 21, 31]),
        ("半角标点也行.下一句!再一句", [0, 7, 11]),
    ])
    func sentences(text: String, starts: [Int]) {
        let t = ScalarText(text)
        var found = [0]
        var o = 0
        while let next = SentenceBoundaries.nextStart(after: o, in: t) { found.append(next); o = next }
        #expect(found == starts)
        for s in starts.dropFirst() { #expect(SentenceBoundaries.start(containing: s + 1, in: t) == s) }
        #expect(SentenceBoundaries.sentence(containing: 1, in: t).lowerBound == 0)
    }

    @Test("paragraph motions: blank lines and full-width indents start paragraphs in the original view")
    func paragraphs() {
        let app = TestApp(size: Size(width: 60, height: 12), settings: LayoutSettings(measure: 40),
                          document: ("p.txt", "第一段第一行\n第一段第二行\n\n第二段\n　　第三段缩进\n"))
        app.press("}")
        #expect(app.state.viewport?.cursor == 15)
        app.press("}")
        #expect(app.state.viewport?.cursor == 19)
        app.press("{")
        #expect(app.state.viewport?.cursor == 15)
        app.press("{")
        #expect(app.state.viewport?.cursor == 0)
    }

    @Test("ICU word break against seed 000's own | segmentation: precision, recall and F1 of word boundaries")
    func segmentationQuality() throws {
        let seed = try String(contentsOfFile: TmuxSession.root + "/seeds/000_8b9b7713cf26d312.txt", encoding: .utf8)
        let quality = SegmentationQuality.measure(segmented: seed)
        print("ICU vs seed 000: precision \(quality.precision), recall \(quality.recall), F1 \(quality.f1) over \(quality.referenceWords) words")
        #expect(quality.f1 > 0.6, "F1 \(quality.f1)")
        #expect(quality.referenceWords > 1000)
    }
}

/// How well ICU's words match a reference segmentation (`|` between words): word spans that
/// agree exactly on both ends count as correct, as in the SIGHAN bakeoff scoring.
enum SegmentationQuality {
    struct Result { var precision: Double; var recall: Double; var f1: Double; var referenceWords: Int }

    static func measure(segmented: String) -> Result {
        var plain: [Unicode.Scalar] = []
        var reference = Set<Range<Int>>()
        var start = 0
        for s in segmented.unicodeScalars {
            if s == "|" {
                if plain.count > start { reference.insert(start..<plain.count) }
                start = plain.count
            } else {
                plain.append(s)
            }
        }
        if plain.count > start { reference.insert(start..<plain.count) }
        let isWordish = { (r: Range<Int>) in plain[r].contains { $0.properties.isAlphabetic || $0.properties.numericType != nil } }
        let ref = reference.filter(isWordish)
        let ours = Set(ICUWordBreaker.spans(of: plain).map(\.range)).filter(isWordish)
        let correct = Double(ref.intersection(ours).count)
        let p = correct / Double(max(1, ours.count)), r = correct / Double(max(1, ref.count))
        return Result(precision: p, recall: r, f1: p + r == 0 ? 0 : 2 * p * r / (p + r), referenceWords: ref.count)
    }
}
