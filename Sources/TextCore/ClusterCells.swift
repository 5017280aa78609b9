/// Turns one grapheme cluster into the cells ncurses will draw for it.
///
/// A cluster's width is the sum of `wcwidth` over its spacing scalars (what ncurses draws):
/// each spacing scalar gets its own cell, zero-width marks ride on the cell before them (at
/// most four, the `cchar_t` limit), ZWJ and other format characters inside a cluster are
/// dropped (ncurses drops them too), and anything unsafe becomes a placeholder.
public enum ClusterCells {
    static let maxCombining = 4

    /// Cells for a whole string laid on one line with no breaking (UI labels, file names).
    /// Offsets in the cells are scalar offsets into `string`.
    public static func cells(of string: String, ambiguous: AmbiguousWidth) -> [RowCell] {
        let scalars = Array(string.unicodeScalars)
        let settings = LayoutSettings(ambiguous: ambiguous)
        var out: [RowCell] = []
        var pos = 0
        for ch in string {
            let n = ch.unicodeScalars.count
            append(scalars[pos..<(pos + n)], offset: pos, column: out.count, settings: settings, to: &out)
            pos += n
        }
        return out
    }

    /// Appends the cells of the cluster `scalars` (at source `offset`, drawn from `column`) to
    /// `out`: appending, not returning an array, spares the layout an allocation per cluster.
    static func append<Scalars: RandomAccessCollection<Unicode.Scalar>>(_ scalars: Scalars, offset: Int, column: Int,
                                                                      settings: LayoutSettings, to out: inout [RowCell]) {
        guard let first = scalars.first else { return }
        // Fast path: one printable scalar (nearly every cluster of Chinese text).
        if scalars.count == 1, first.value >= 0xA0 || (first.value >= 0x20 && first.value < 0x7F) {
            let w = CellWidth.of(first, ambiguous: settings.ambiguous)
            if w == 1 { out.append(RowCell(glyph: String(first), width: 1, offset: offset, kind: .text)); return }
            if w == 2, first != TextStructureMarks.hidden, Placeholder.text(for: first) == nil {
                out.append(RowCell(glyph: String(first), width: 2, offset: offset, kind: .text))
                out.append(RowCell(glyph: "", width: 0, offset: offset, kind: .continuation))
                return
            }
        }
        out += cells(for: scalars, offset: offset, column: column, settings: settings)
    }

    /// The cells of one cluster, the general case.
    private static func cells<Scalars: RandomAccessCollection<Unicode.Scalar>>(for scalars: Scalars, offset: Int, column: Int,
                                                                             settings: LayoutSettings) -> [RowCell] {
        guard let first = scalars.first else { return [] }
        if first == TextStructureMarks.hidden { return [] }
        if first == "\t" {
            let n = settings.tabWidth - column % settings.tabWidth
            return Array(repeating: RowCell(glyph: " ", width: 1, offset: offset, kind: .text), count: n)
        }
        if let p = Placeholder.text(for: first) { return placeholderCells(p, offset: offset) }
        if CellWidth.glibc(first.value) == 0 {
            // A lone combining mark (paragraph start, or after a control): give it a blank base.
            var glyph = " "
            for s in scalars.prefix(maxCombining) where CellWidth.glibc(s.value) == 0 && !isFormat(s) {
                glyph.unicodeScalars.append(s)
            }
            return [RowCell(glyph: glyph, width: 1, offset: offset, kind: .text)]
        }
        var cells: [RowCell] = []
        var combining = 0
        for s in scalars {
            let w = CellWidth.of(s, ambiguous: settings.ambiguous)
            if w > 0 {
                cells.append(RowCell(glyph: String(s), width: w, offset: offset, kind: .text))
                if w == 2 { cells.append(RowCell(glyph: "", width: 0, offset: offset, kind: .continuation)) }
                combining = 0
            } else if w == 0, !isFormat(s), combining < maxCombining,
                      let last = cells.lastIndex(where: { $0.kind == .text }) {
                cells[last].glyph.unicodeScalars.append(s)
                combining += 1
            }
        }
        return cells
    }

    static func placeholderCells(_ text: String, offset: Int) -> [RowCell] {
        text.unicodeScalars.map { RowCell(glyph: String($0), width: 1, offset: offset, kind: .placeholder) }
    }

    private static func isFormat(_ s: Unicode.Scalar) -> Bool {
        s.properties.generalCategory == .format
    }
}
