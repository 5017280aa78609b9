/// Lays out a whole text and prints it as lines, without a terminal (`pizhu cat`).
///
/// It uses the same layout engine as the reader, so what `cat` prints is what the screen shows.
public enum PlainRenderer {
    public static func lines(of text: TextSource, settings: LayoutSettings, width: Int) -> [String] {
        lines(of: OriginalStructure(text: text), settings: settings, width: width)
    }

    public static func lines(of structure: TextStructure, settings: LayoutSettings, width: Int) -> [String] {
        var out: [String] = []
        forEachLine(of: structure, settings: settings, width: width) { out.append($0) }
        return out
    }

    /// Hands each line to `body` as soon as it is laid out: a document of any size is printed
    /// in the memory of a few screens (the layout keeps only its recent blocks), and its first
    /// lines come out at once.
    public static func forEachLine(of structure: TextStructure, settings: LayoutSettings, width: Int,
                                   _ body: (String) -> Void) {
        let layout = DocumentLayout(structure: structure, settings: settings, width: width)
        var p: RowPosition? = layout.firstPosition
        while let q = p {
            var line = layout.row(at: q).text
            while line.last == " " { line.removeLast() }
            body(line)
            p = layout.next(q)
        }
    }
}
