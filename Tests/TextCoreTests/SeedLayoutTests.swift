import Foundation
import Testing
@testable import TextCore

/// The seed documents shipped in `seeds/`.
func seedPaths() -> [String] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let seeds = root.appendingPathComponent("seeds")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? []
    return names.filter { $0.hasSuffix(".txt") }.sorted().map { seeds.appendingPathComponent($0).path }
}

@Suite("every seed reads correctly at 60, 80 and 120 columns")
struct SeedLayoutTests {
    static let forbiddenStarts = Set("，。、；：？！）」』》”")
    static let forbiddenEnds = Set("（「『《“")

    @Test("the five seeds are present")
    func seedsPresent() { #expect(seedPaths().count == 5) }

    /// The measure the reader uses in a terminal of that many columns (default measure 72).
    @Test("no forbidden line starts or ends, no split Latin word", arguments: [58, 72, 118], [false, true])
    func kinsoku(measure: Int, wide: Bool) throws {
        for path in seedPaths() {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            let text = try TextDecoder.decode(bytes).text
            var settings = LayoutSettings(measure: measure)
            settings.ambiguous = wide ? .wide : .narrow
            let layout = DocumentLayout(text: text, settings: settings, width: measure)
            var previous: VisualRow?
            for row in allRows(layout) {
                #expect(row.width <= measure)
                let drawn = row.text
                if !row.isParagraphStart, let first = drawn.first {
                    #expect(!Self.forbiddenStarts.contains(first), "\(path): row starts with \(first): \(drawn)")
                }
                if let last = drawn.trimmingCharacters(in: .whitespaces).last, row.range.upperBound < text.count {
                    let nextStartsParagraph = layout.row(at: layout.position(containing: row.range.upperBound)).isParagraphStart
                    if !nextStartsParagraph {
                        #expect(!Self.forbiddenEnds.contains(last), "\(path): row ends with \(last): \(drawn)")
                    }
                }
                if let p = previous, !row.isParagraphStart, let a = p.text.last, let b = drawn.first,
                   a.isASCII && (a.isLetter || a.isNumber), b.isASCII && (b.isLetter || b.isNumber) {
                    Issue.record("\(path): Latin word split between rows: \(p.text) / \(drawn)")
                }
                previous = row
            }
        }
    }
}
