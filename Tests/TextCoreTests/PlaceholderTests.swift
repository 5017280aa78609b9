import Testing
@testable import TextCore

@Suite("characters that must not reach the terminal raw")
struct PlaceholderTests {
    @Test("escape sequences show as visible placeholders, mapped to their source offsets")
    func escapes() {
        let text = "a\u{1B}]0;title\u{7}b\u{1B}[2Jc\u{9B}6n"
        let layout = DocumentLayout(text: ScalarText(text), settings: LayoutSettings(measure: 80), width: 80)
        let row = layout.row(at: layout.firstPosition)
        #expect(row.text == "a^[]0;title^Gb^[[2Jc<9B>6n")
        for cell in row.cells {
            for s in cell.glyph.unicodeScalars { #expect(s.value >= 0x20 && s.value != 0x7F && !(0x80..<0xA0).contains(s.value)) }
        }
        let esc = row.cells.filter { $0.kind == .placeholder && $0.offset == 1 }
        #expect(esc.map(\.glyph).joined() == "^[")
    }

    @Test("DEL, zero-width and bidi controls become placeholders")
    func invisibles() {
        #expect(layOut("a\u{7F}b", width: 20) == ["a^?b"])
        #expect(layOut("\u{200B}零\u{FEFF}宽\u{202E}", width: 30) == ["<200B>零<FEFF>宽<202E>"])
    }

    @Test("tabs expand to the next multiple of eight")
    func tabs() {
        #expect(layOut("a\tb\t中", width: 40) == ["a       b       中"])
    }

    @Test("a combining mark at a paragraph start gets a blank base, never a raw zero-width cell")
    func loneCombining() {
        let layout = DocumentLayout(text: ScalarText("\u{301}x"), settings: LayoutSettings(measure: 10), width: 10)
        let row = layout.row(at: layout.firstPosition)
        #expect(row.cells.first?.glyph == " \u{301}")
        #expect(row.width == 2)
    }

    @Test("100,000 combining marks on one base keep at most four per cell, and layout stays bounded")
    func combiningFlood() {
        let text = "a" + String(repeating: "\u{301}", count: 100_000) + "b"
        let layout = DocumentLayout(text: ScalarText(text), settings: LayoutSettings(measure: 10), width: 10)
        let rows = allRows(layout)
        // The block limit cuts the monster cluster into slices: a row per slice, never more.
        #expect(rows.count == 100_002 / OriginalStructure.maxBlockLength + 1)
        #expect(rows[0].cells[0].glyph.unicodeScalars.count == 5)
        #expect(rows.last?.text.hasSuffix("b") == true)
        #expect(rows.allSatisfy { $0.width <= 10 })
    }

}
