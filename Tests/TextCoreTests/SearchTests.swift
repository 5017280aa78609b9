import Foundation
import Testing
@testable import TextCore

@Suite("Search on the logical text of a view")
struct SearchTests {
    static func seed(_ name: String) throws -> ScalarText {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("seeds").appendingPathComponent(name)
        return ScalarText(try String(contentsOf: url, encoding: .utf8))
    }

    func find(_ pattern: String, _ text: TextSource, view: ReadingView, regex: Bool = false) throws -> [Range<Int>] {
        let views = DocumentViews(text: text)
        return try TextSearch.matches(SearchQuery(pattern: pattern, isRegex: regex), in: ViewText(structure: views.structure(view)))
    }

    @Test("a phrase the PDF extraction broke across lines is found in the reflow view, not in the original")
    func acrossReflowJoins() throws {
        let text = try Self.seed("001_eb026acd6131a322.txt")
        let hits = try find("省科学技术协会", text, view: .reflow)
        #expect(!hits.isEmpty)
        // The hit's source range spans the line break; its text without line breaks is the phrase.
        let source = text.string(in: hits[0]).filter { $0 != "\n" }
        #expect(source == "省科学技术协会")
        #expect(try find("省科学技术协会", text, view: .original).count < hits.count)
    }

    @Test("segmented text: the | separators are ignored (经济社会发展 matches 经济社会|发展)")
    func segmented() throws {
        let text = try Self.seed("000_8b9b7713cf26d312.txt")
        let hits = try find("经济社会发展", text, view: .reflow)
        #expect(!hits.isEmpty)
        #expect(text.string(in: hits[0]) == "经济社会|发展")
    }

    @Test("Latin case folds unless the pattern has a capital; matches are counted; regex works")
    func caseAndRegex() throws {
        let text = ScalarText("Swift swift SWIFT 斯威夫特 swiftly")
        #expect(try find("swift", text, view: .original).count == 4)
        #expect(try find("Swift", text, view: .original).count == 1)
        #expect(try find("\\bswift\\b", text, view: .original, regex: true).count == 3)
        #expect(try find("斯.夫", text, view: .original, regex: true) == [18..<21])
        #expect(throws: TextSearch.Failure.self) { try find("(", text, view: .original, regex: true) }
        #expect(SearchQuery.parse("re:a+").isRegex && SearchQuery.parse("\\r a+").pattern == "a+")
    }

    @Test("regression (found by fuzzing): a match through the line break a view adds after the last line stays inside the text")
    func matchAtEnd() throws {
        let text = ScalarText("甲乙")
        let hits = try find("乙\n", text, view: .original)
        #expect(hits.allSatisfy { $0.upperBound <= text.count })
    }

    @Test("offsets are scalars: emoji and Extension B before a match")
    func astral() throws {
        let text = ScalarText("😀𠀀 目标")
        #expect(try find("目标", text, view: .original) == [3..<5])
    }
}
