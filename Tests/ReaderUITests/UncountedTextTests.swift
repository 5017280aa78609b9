import Testing
import ScreenCore
import TextCore
@testable import ReaderUI

/// A text still being counted, as a large file is while its first screen shows: `count` is
/// what waits for the background count, so asking for it is recorded.
final class UncountedText: TextSource {
    let base: ScalarText
    private(set) var countAsked = 0
    init(_ base: ScalarText = ScalarText(String(repeating: "第一段文字。\n", count: 50))) { self.base = base }
    var count: Int { countAsked += 1; return base.count }
    var knownCount: Int? { nil }
    func contains(_ offset: Int) -> Bool { offset >= 0 && offset < base.count }
    func scalar(at offset: Int) -> Unicode.Scalar { base.scalar(at: offset) }
    func scalars(in range: Range<Int>) -> [Unicode.Scalar] { base.scalars(in: range) }
    func lastTerminator(before offset: Int, notBefore limit: Int) -> Int? { base.lastTerminator(before: offset, notBefore: limit) }
    func firstTerminator(from offset: Int, before limit: Int) -> Int? { base.firstTerminator(from: offset, before: limit) }
}

@Suite("a large file's first screen never waits for its count")
struct UncountedTextTests {
    /// Paragraphs of different lengths, each a line of its own.
    static func text() -> UncountedText {
        let lines = (0..<2_000).map { "\u{3000}\u{3000}第\($0)段：科协组织坚持以新时代思想为指导" + String(repeating: "，围绕中心", count: $0 % 5) + "。\n" }
        return UncountedText(ScalarText(lines.joined()))
    }

    @Test("resuming at a stored position near the top does not ask for the count")
    func resume() {
        let text = Self.text()
        let state = ReaderState(size: Size(width: 80, height: 24), settings: LayoutSettings(measure: 40))
        let document = ReaderDocument(name: "big.txt", path: "/fixtures/big.txt", encoding: "UTF-8", text: text)
        state.open(document, resume: ResumePoint(position: 290, quote: text.string(in: 290..<314), cursor: 290))
        _ = state.render()
        #expect(state.viewport?.visibleRows.first?.1.range.contains(290) == true)
        #expect(text.countAsked == 0)
    }

    @Test("reloading keeps the passage on top without asking for the count")
    func reload() {
        let text = Self.text()
        let state = ReaderState(size: Size(width: 80, height: 24), settings: LayoutSettings(measure: 40))
        state.open(ReaderDocument(name: "big.txt", path: "/fixtures/big.txt", encoding: "UTF-8", text: text))
        state.viewport?.go(toOffset: 580)
        state.reload(ReaderDocument(name: "big.txt", path: "/fixtures/big.txt", encoding: "UTF-8", text: text))
        _ = state.render()
        #expect(state.viewport?.visibleRows.first?.1.range.contains(580) == true)
        #expect(text.countAsked == 0)
    }
}

@Suite("the status line while a large file is counted")
struct CountingStatusTests {
    @Test("the percentage shows …% until the length is known")
    func percentWhileCounting() {
        let state = ReaderState(size: Size(width: 80, height: 12))
        state.open(ReaderDocument(name: "big.txt", path: "/big.txt", encoding: "UTF-8", text: UncountedText()))
        let status = state.render().lines.last ?? ""
        #expect(status.contains("…%"))
        #expect(state.render().lines[0].contains("第一段文字"))
    }
}
