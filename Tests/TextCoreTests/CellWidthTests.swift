import Testing
@testable import TextCore

@Suite("cell widths agree with glibc wcwidth")
struct CellWidthTests {
    @Test("known widths from the platform notes", arguments: [
        ("中", 2), ("，", 2), ("\u{3000}", 2), ("Ａ", 2), ("｡", 1), ("𠀀", 2), ("😀", 2),
        ("“", 1), ("…", 1), ("—", 1), ("·", 1), ("a", 1), ("\u{301}", 0), ("\u{200D}", 0), ("\u{1}", -1),
        // Either side of the split between the basic plane and the upper planes.
        ("\u{FFFD}", 1), ("\u{10000}", 1), ("\u{30000}", 2),
    ])
    func known(_ s: String, _ width: Int) {
        #expect(CellWidth.glibc(s.unicodeScalars.first!.value) == width)
    }

    @Test("ambiguous characters are two cells only in wide mode")
    func ambiguous() {
        for s in "“”‘’…—·".unicodeScalars {
            #expect(CellWidth.isAmbiguous(s))
            #expect(CellWidth.of(s, ambiguous: .narrow) == 1)
            #expect(CellWidth.of(s, ambiguous: .wide) == 2)
        }
        #expect(!CellWidth.isAmbiguous("中"))
        #expect(CellWidth.of("a", ambiguous: .wide) == 1)
    }
}
