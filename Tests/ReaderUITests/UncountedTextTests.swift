import Foundation
import Glibc
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

@Suite("G on a large file still being counted")
struct ProvisionalEndTests {
    /// A file of just over one count chunk (4 MiB), held uncounted past its first chunk.
    static func file() throws -> (TemporaryTextFile, UTF8FileText) {
        let lines = (0..<60_000).map { "\u{3000}\u{3000}第\($0)段：科协组织坚持以新时代思想为指导" + String(repeating: "，围绕中心", count: $0 % 5) + "。\n" }
        let file = TemporaryTextFile(lines.joined() + "\n终点标记ENDMARK\n")
        return (file, try UTF8FileText(path: file.path))
    }

    @Test("G shows the last page at once from the file's end, then the real end replaces it with the same rows")
    func provisionalThenReal() throws {
        let (file, text) = try Self.file()
        #expect(text.knownCount == nil)
        let state = ReaderState(size: Size(width: 80, height: 24), settings: LayoutSettings(measure: 40))
        state.open(ReaderDocument(name: "big.txt", path: file.path, encoding: "UTF-8", text: text))
        _ = state.render()
        _ = state.handle(.char("G"))
        let provisional = state.render().lines
        #expect(text.knownCount == nil, "G did not wait for the count")
        #expect(state.viewport?.showsProvisionalEnd == true)
        #expect(provisional.dropLast().contains { $0.contains("终点标记ENDMARK") })
        #expect(provisional.last?.contains("…%") == true)
        #expect(state.awaitsCount)
        #expect(!state.settleCount(), "nothing to settle before the count is done")

        _ = text.count   // the count finishes (the run loop polls settleCount meanwhile)
        #expect(state.settleCount())
        #expect(state.viewport?.showsProvisionalEnd == false)
        let real = state.render().lines
        #expect(real.dropLast() == provisional.dropLast(), "the same last page, now with real offsets")
        #expect(real.last?.contains("100%") == true)
        #expect(!state.awaitsCount)
        let last = state.viewport!.visibleRows.last!.1.range
        #expect(text.string(in: last).contains("终点标记ENDMARK"))
    }

    @Test("a key pressed while the end is provisional waits for the count and acts on the real end")
    func keyWaits() throws {
        let (file, text) = try Self.file()
        let state = ReaderState(size: Size(width: 80, height: 24), settings: LayoutSettings(measure: 40))
        state.open(ReaderDocument(name: "big.txt", path: file.path, encoding: "UTF-8", text: text))
        _ = state.render()
        _ = state.handle(.char("G"))
        #expect(state.viewport?.showsProvisionalEnd == true)
        _ = state.handle(.char("k"))
        #expect(text.knownCount != nil)
        #expect(state.viewport?.showsProvisionalEnd == false)
        let rows = state.viewport!.visibleRows
        #expect(!text.string(in: rows.last!.1.range).contains("ENDMARK"), "scrolled one row up from the real end")
        #expect(rows.first!.1.range.lowerBound > 0 && rows.first!.1.range.lowerBound < ProvisionalEnd.offsetBase)
    }

    @Test("annotations and the cursor are not drawn on a provisional end (its offsets are not the file's)")
    func nothingDrawnOnProvisionalRows() throws {
        let (file, text) = try Self.file()
        let state = ReaderState(size: Size(width: 80, height: 24), settings: LayoutSettings(measure: 40))
        state.open(ReaderDocument(name: "big.txt", path: file.path, encoding: "UTF-8", text: text))
        _ = state.handle(.char("G"))
        for (_, row) in state.viewport!.visibleRows {
            #expect(row.range.lowerBound >= ProvisionalEnd.offsetBase)
            #expect(row.cells.allSatisfy { $0.offset >= ProvisionalEnd.offsetBase })
        }
    }
}

/// A temporary UTF-8 file, removed when the test ends.
final class TemporaryTextFile {
    let path: String
    init(_ text: String) {
        path = NSTemporaryDirectory() + "pizhu-ui-test-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).txt"
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }
    deinit { unlink(path) }
}
