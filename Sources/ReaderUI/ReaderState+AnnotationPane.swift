import AnnotationCore
import ScreenCore
import TextCore

/// Drawing the annotation pane, the note editor and the annotation part of the status line.
extension ReaderState {
    func drawAnnotationPane(_ buffer: inout ScreenBuffer, _ rect: Rect) {
        buffer.fill(rect)
        let items = annotationPaneItems
        let filter = annotationFilter.map { " · filter \($0)" } ?? ""
        let title = "批注 Annotations (\(items.count))\(filter) — Enter jump · e edit · d delete · f filter · R re-attach · Esc close"
        buffer.put(title, x: rect.x + 1, y: rect.y, style: Theme.title, width: rect.width - 2)
        guard !items.isEmpty else {
            let hint = annotated == nil ? (viewport?.document.annotationProblem ?? "This document cannot be annotated")
                                        : "No annotations yet: select a passage (v, W, s, V), then 1–9, t or c."
            buffer.put(hint, x: rect.x + 1, y: rect.y + 2, style: Theme.dimText, width: rect.width - 2)
            return
        }
        // Rows: the list, with a header line before the first orphan.
        var lines: [(text: String, item: Int?)] = []
        for (i, a) in items.enumerated() {
            if a.anchor.status == .orphan && (i == 0 || items[i - 1].anchor.status != .orphan) {
                lines.append(("── 孤立 Orphans: passages not found in the text (R re-attaches to the selection) ──", nil))
            }
            lines.append((paneLine(a), i))
        }
        let visible = max(1, rect.height - 1)
        let selectedLine = lines.firstIndex { $0.item == annotationPaneIndex } ?? 0
        let first = max(0, min(selectedLine - visible / 2, lines.count - visible))
        for (row, line) in lines.dropFirst(first).prefix(visible).enumerated() {
            let y = rect.y + 1 + row
            let isSelected = line.item == annotationPaneIndex
            let style: Style = isSelected ? Theme.selection : line.item == nil ? Theme.dimText : .plain
            if isSelected { buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: style) }
            buffer.put(line.text, x: rect.x + 1, y: y, style: style, width: rect.width - 2)
        }
    }

    private func paneLine(_ a: Annotation) -> String {
        let quote = "「" + excerpt(a.target?.exact ?? "", 14) + "」"
        var parts = [quote]
        if !a.tags.isEmpty { parts.append(a.tags.map { "#" + $0 }.joined(separator: " ")) }
        if let c = a.color { parts.append(c) }
        if let note = a.note { parts.append("注 " + excerpt(note, 20)) }
        if a.anchor.status != .anchored { parts.append("[\(a.anchor.status.rawValue)]") }
        return parts.joined(separator: "  ")
    }

    /// The note editor's first row on screen (its title line).
    var noteEditorTop: Int { size.height - 1 - noteEditorHeight }
    var noteEditorHeight: Int { min(max(2, (noteEditor?.lines.count ?? 0) + 1), max(2, size.height / 2)) }
    /// The first note line shown (the editor scrolls to keep the insertion line visible).
    var noteEditorFirstLine: Int {
        guard let note = noteEditor else { return 0 }
        return max(0, note.row - (noteEditorHeight - 2))
    }

    func drawNoteEditor(_ buffer: inout ScreenBuffer) {
        guard let note = noteEditor else { return }
        let top = noteEditorTop
        buffer.fill(Rect(x: 0, y: top, width: size.width, height: noteEditorHeight))
        let quote = viewport.map { excerpt($0.document.text.string(in: note.range), 16) } ?? ""
        buffer.put("注 Note on 「\(quote)」 — Enter new line · Ctrl-S save · Esc cancel", x: 0, y: top, style: Theme.status, width: size.width)
        for (i, line) in note.lines.dropFirst(noteEditorFirstLine).prefix(noteEditorHeight - 1).enumerated() {
            buffer.put(line.text, x: 1, y: top + 1 + i, width: size.width - 2)
        }
        if let cursor = cursorPosition {
            let line = note.lines[note.row]
            let glyph = line.cursor < line.characters.count ? String(line.characters[line.cursor]) : " "
            let w = max(1, ClusterCells.cells(of: glyph, ambiguous: settings.ambiguous).count)
            buffer.set(Cell(glyph: glyph, width: w, style: Theme.selection), x: cursor.x, y: cursor.y)
        }
    }

    /// " │ #tag #tag │ 注 note…" for the annotation at the cursor, with the count when they overlap.
    func annotationStatus(_ viewport: TextViewport) -> String {
        if markAnchor != nil, let r = selectedRange { return " │ 选择 \(r.count) chars" }
        guard focus == .text else { return "" }
        let here = annotations(at: viewport.cursor)
        guard let a = here.first else { return "" }
        var parts: [String] = []
        if here.count > 1 { parts.append("\(here.count) here") }
        if !a.tags.isEmpty { parts.append(a.tags.map { "#" + $0 }.joined(separator: " ")) }
        if let c = a.color { parts.append(c) }
        if let note = a.note { parts.append("注 " + excerpt(note, 24)) }
        if a.anchor.status.needsReview { parts.append("[\(a.anchor.status.rawValue)]") }
        return parts.isEmpty ? "" : " │ " + parts.joined(separator: " · ")
    }
}
