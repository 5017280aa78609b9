/// Lays out a whole text and prints it as lines, without a terminal (`pizhu cat`).
///
/// It uses the same layout engine as the reader, so what `cat` prints is what the screen shows.
public enum PlainRenderer {
    public static func lines(of text: TextSource, settings: LayoutSettings, width: Int) -> [String] {
        lines(of: OriginalStructure(text: text), settings: settings, width: width)
    }

    public static func lines(of structure: TextStructure, settings: LayoutSettings, width: Int) -> [String] {
        let layout = DocumentLayout(structure: structure, settings: settings, width: width)
        var out: [String] = []
        var p: RowPosition? = layout.firstPosition
        while let q = p {
            var line = layout.row(at: q).text
            while line.last == " " { line.removeLast() }
            out.append(line)
            p = layout.next(q)
        }
        return out
    }
}
