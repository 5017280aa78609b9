import CWidthTable
import Dispatch
import Glibc
import Testing
@testable import TextCore

/// glibc's own `wcwidth` (declared only under _XOPEN_SOURCE, which Swift's Glibc module is built without).
@_silgen_name("wcwidth") private func glibcWcwidth(_ c: Int32) -> Int32

/// The width table is read from glibc a page (256 code points) at a time, from any thread.
@Suite("the width table, read as it is used")
struct CellWidthTableTests {
    @Test("every code point below U+40000 has glibc's C.UTF-8 width, page edges and the ideographs answered without the table included (two pages are the other tests')")
    func wholeTable() {
        let values = Array(UInt32(0)..<0x40000).filter { !Self.concurrentPage.contains($0) && !Self.lazyPage.contains($0) }
        let expected = Self.glibcWidths(values)
        let mismatches = zip(values, expected).filter { CellWidth.glibc($0) != $1 }.map(\.0)
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5).map { String($0, radix: 16) })")
    }

    @Test("a width reads only its own page of the table")
    func onePageAtATime() {
        let before = cwt_pages_read()
        _ = CellWidth.glibc(Self.lazyPage.lowerBound + 0x12)
        let after = cwt_pages_read()
        // Other tests may read pages meanwhile, but not hundreds of them within one call.
        #expect(after - before >= 1)
        #expect(after - before < 64)
        let values = Array(Self.lazyPage)
        #expect(values.map { CellWidth.glibc($0) } == Self.glibcWidths(values))
    }

    @Test("threads asking for the same unread page all get its widths")
    func concurrentFirstUse() {
        let values = Array(Self.concurrentPage)
        // Each thread writes its own eighth.
        nonisolated(unsafe) let results = UnsafeMutableBufferPointer<Int>.allocate(capacity: values.count * 8)
        defer { results.deallocate() }
        DispatchQueue.concurrentPerform(iterations: 8) { t in
            for (i, v) in values.enumerated() { results[t * values.count + i] = CellWidth.glibc(v) }
        }
        let expected = Self.glibcWidths(values)
        #expect(expected.contains(2))
        for t in 0..<8 { #expect(Array(results[(t * values.count)..<((t + 1) * values.count)]) == expected) }
    }

    /// Pages no other test reads first: U+2F9xx (CJK Compatibility Ideographs Supplement) and U+3F8xx (unassigned).
    private static let concurrentPage: Range<UInt32> = 0x2F900..<0x2FA00
    private static let lazyPage: Range<UInt32> = 0x3F800..<0x3F900

    /// `wcwidth` under C.UTF-8, asked of glibc directly.
    private static func glibcWidths(_ values: [UInt32]) -> [Int] {
        let utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil)
        let old = uselocale(utf8)
        defer { uselocale(old); freelocale(utf8) }
        return values.map { Int(glibcWcwidth(Int32($0))) }
    }
}
