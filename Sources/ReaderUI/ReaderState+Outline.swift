import ScreenCore
import TextCore

/// The outline pane: the open document's headings, indented by level.
extension ReaderState {
    /// The headings, found on first use (documents read on demand are not scanned).
    func documentOutline() -> [DocumentOutline.Heading] {
        if let outline { return outline }
        guard let viewport, !viewport.isReadOnDemand else { return [] }
        let headings = DocumentOutline.headings(of: viewport.document.views)
        outline = headings
        return headings
    }

    func drawOutlinePane(_ buffer: inout ScreenBuffer, _ rect: Rect) {
        buffer.fill(rect)
        let headings = outline ?? []
        buffer.put("目录 Outline (\(headings.count)) — Enter jump · Esc close · :goto heading N", x: rect.x + 1, y: rect.y,
                   style: Theme.title, width: rect.width - 2)
        let visible = max(1, rect.height - 1)
        let first = max(0, min(outlineIndex - visible / 2, headings.count - visible))
        for (i, h) in headings.enumerated().dropFirst(first).prefix(visible) {
            let y = rect.y + 1 + i - first
            let style = i == outlineIndex ? Theme.selection : (h.level == 1 ? Theme.heading : .plain)
            if i == outlineIndex { buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: style) }
            let indent = String(repeating: "  ", count: h.level - 1)
            buffer.put("\(indent)\(h.title)", x: rect.x + 1, y: y, style: style, width: rect.width - 2)
        }
    }
}
