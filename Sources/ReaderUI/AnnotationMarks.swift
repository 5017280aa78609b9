import AnnotationCore
import ScreenCore

/// How annotations look on the visible rows: the style of each covered cell (the innermost
/// annotation wins), and the gutter mark of each row (`*`, `#` when tagged, or the count of
/// overlapping annotations).
struct AnnotationMarks {
    private var spans: [(range: Range<Int>, style: Style, tagged: Bool)] = []

    init(annotations: AnnotatedDocument?, visible lower: Int, to upper: Int) {
        guard let annotations else { return }
        let colours = Dictionary(annotations.sidecar.tags.compactMap { t in t.color.map { (t.name, $0) } }, uniquingKeysWith: { a, _ in a })
        for a in annotations.annotations where a.anchor.status != .orphan {
            guard let t = a.target, t.start < upper, t.end > lower else { continue }
            let colour = a.color ?? a.tags.lazy.compactMap { colours[$0] }.first
            spans.append((t.start..<max(t.end, t.start + 1), Self.style(colour: colour), !a.tags.isEmpty))
        }
        // Innermost first, so the first span holding a cell is the one drawn.
        spans.sort { $0.range.count < $1.range.count }
    }

    /// The look of a highlight: its colour as background, always underlined, so it still
    /// shows on a monochrome terminal or under NO_COLOR.
    static func style(colour: String?) -> Style {
        guard let colour else { return Style(underline: true) }
        return Style(foreground: .black, background: terminalColour(colour), underline: true)
    }

    /// The nearest of the eight terminal colours to a palette colour.
    static func terminalColour(_ name: String) -> Style.Color {
        switch name {
        case "green": return .green
        case "blue": return .blue
        case "pink", "purple": return .magenta
        case "red", "orange": return .red
        case "cyan": return .cyan
        case "grey": return .white
        default: return .yellow
        }
    }

    func style(at offset: Int) -> Style? { spans.first { $0.range.contains(offset) }?.style }

    func gutter(for row: Range<Int>) -> String? {
        let here = spans.filter { $0.range.overlaps(row) || (row.isEmpty && $0.range.contains(row.lowerBound)) }
        switch here.count {
        case 0: return nil
        case 1: return here[0].tagged ? "#" : "*"
        case 2...9: return String(here.count)
        default: return "+"
        }
    }
}

extension Style {
    /// This highlight laid over a base style (headings stay bold, placeholders dim).
    func merged(over base: Style) -> Style {
        var s = self
        s.bold = s.bold || base.bold
        s.dim = s.dim || base.dim
        return s
    }
}
