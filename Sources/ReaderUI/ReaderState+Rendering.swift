import AnnotationCore
import Glibc
import ScreenCore
import TextCore

extension ReaderState {
    /// Draws the current state into a new frame.
    public func render() -> ScreenBuffer {
        var buffer = ScreenBuffer(size: size)
        let frame = frame
        if frame.tooSmall {
            drawTooSmall(&buffer)
            return buffer
        }
        layOut()
        drawText(&buffer, frame)
        if let rect = frame.library { drawLibrary(&buffer, rect, overlay: frame.libraryIsOverlay) }
        if focus == .annotations { drawAnnotationPane(&buffer, frame.text) }
        if focus == .outline { drawOutlinePane(&buffer, frame.text) }
        if focus == .results { drawResultsPane(&buffer, Rect(x: 0, y: 0, width: size.width, height: size.height - 1)) }
        if noteEditor != nil { drawNoteEditor(&buffer) }
        drawStatus(&buffer, frame.status)
        if helpVisible { drawHelp(&buffer) }
        return buffer
    }

    /// Where the terminal cursor should sit (the `:` prompt's insertion point), if anywhere.
    public var cursorPosition: (x: Int, y: Int)? {
        if let note = noteEditor {
            let line = note.lines[note.row]
            let width = ClusterCells.cells(of: String(line.characters.prefix(line.cursor)), ambiguous: settings.ambiguous).count
            return (min(width + 1, size.width - 1), noteEditorTop + 1 + note.row - noteEditorFirstLine)
        }
        guard let editor = commandLine else { return nil }
        let before = String(editor.characters.prefix(editor.cursor))
        let width = ClusterCells.cells(of: promptKind.prefix + before, ambiguous: settings.ambiguous).count
        return (min(width, size.width - 1), size.height - 1)
    }

    private func drawTooSmall(_ buffer: inout ScreenBuffer) {
        let lines = ["窗口太小 window too small",
                     "\(size.width)×\(size.height), need \(FrameLayout.minimum.width)×\(FrameLayout.minimum.height)"]
        for (i, line) in lines.enumerated() where i < size.height {
            buffer.put(line, x: 0, y: i, style: i == 0 ? Theme.title : .plain)
        }
    }

    private func drawText(_ buffer: inout ScreenBuffer, _ frame: FrameLayout) {
        guard let viewport else {
            let hint = library.isEmpty ? "No documents here. :open PATH opens a file or folder."
                                       : "Enter opens the selected document. F1 for help."
            buffer.put(hint, x: frame.text.x + 2, y: frame.text.y + 1, style: Theme.dimText, width: frame.text.width - 2)
            return
        }
        let rows = viewport.visibleRows
        let marks = AnnotationMarks(annotations: viewport.document.annotations, visible: rows.first.map { $0.1.range.lowerBound } ?? 0,
                                    to: rows.last.map { $0.1.range.upperBound } ?? 0)
        let selected = selectedRange
        let cursor = focus == .text ? viewport.cursor : nil
        let visible = (rows.first?.1.range.lowerBound ?? 0)..<(rows.last?.1.range.upperBound ?? 0)
        let hits = visibleMatches(in: visible, viewport: viewport)
        for (i, item) in rows.enumerated() {
            var x = frame.textLeft
            let y = frame.text.y + i
            for cell in item.1.cells where cell.kind != .continuation {
                var style: Style = cell.kind == .placeholder ? Theme.placeholder : item.1.isHeading ? Theme.heading : .plain
                if let mark = marks.style(at: cell.offset) { style = mark.merged(over: style) }
                if let hit = hits.first(where: { $0.range.contains(cell.offset) }) { style = hit.current ? Theme.searchCurrent : Theme.searchMatch }
                if selected?.contains(cell.offset) == true { style = Theme.selection }
                if cell.offset == cursor { style = selected == nil ? Theme.cursor : Theme.cursorInSelection }
                buffer.set(Cell(glyph: cell.glyph, width: cell.width, style: style), x: x, y: y, clip: frame.text)
                x += cell.width
            }
            if item.1.cells.isEmpty, let cursor, item.1.range.lowerBound == cursor, !item.1.isSpacer {
                buffer.set(Cell(glyph: " ", width: 1, style: Theme.cursor), x: frame.textLeft, y: y, clip: frame.text)
            }
            if let gutter = marks.gutter(for: item.1.range), frame.textLeft - 2 >= frame.text.x {
                buffer.put(gutter, x: frame.textLeft - 2, y: y, style: Theme.gutter)
            }
        }
    }

    /// Search matches overlapping `visible`, and whether each is the current one.
    private func visibleMatches(in visible: Range<Int>, viewport: TextViewport) -> [(range: Range<Int>, current: Bool)] {
        guard let search, search.view == viewport.view, !search.matches.isEmpty else { return [] }
        var lo = 0, hi = search.matches.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if search.matches[mid].upperBound <= visible.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var out: [(Range<Int>, Bool)] = []
        var i = lo
        while i < search.matches.count && search.matches[i].lowerBound < visible.upperBound {
            out.append((search.matches[i], i == search.current))
            i += 1
        }
        return out
    }

    private func drawLibrary(_ buffer: inout ScreenBuffer, _ rect: Rect, overlay: Bool) {
        buffer.fill(rect)
        let focused = focus == .library
        let order = libraryOrder == .name ? "" : " · by \(libraryOrder.rawValue)"
        let filter = libraryFilter.isEmpty ? "" : " · /\(libraryFilter)"
        let title = "书库 Library · \(libraryTitle) (\(library.count))\(order)\(filter)"
        buffer.put(title, x: rect.x + 1, y: rect.y, style: Theme.title, width: rect.width - 2)
        let listTop = rect.y + 1
        let rows = max(1, rect.height - 1)
        let first = max(0, min(selection - rows / 2, library.count - rows))
        let wide = rect.width >= 70
        for (i, entry) in library.enumerated().dropFirst(first).prefix(rows) {
            let y = listTop + i - first
            let isSelected = i == selection
            let style: Style = isSelected ? (focused ? Theme.selection : Theme.selectionUnfocused) : .plain
            if isSelected { buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: style) }
            let progress = entry.progress.map { "\($0)%" } ?? ""
            var right = [progress, formatSize(entry.sizeBytes)]
            if wide {
                right = [entry.encoding, formatSize(entry.sizeBytes), progress, entry.lastRead > 0 ? formatDate(entry.lastRead) : "",
                         entry.annotationCount > 0 ? "批注 \(entry.annotationCount)" : ""]
            }
            let columns = wide ? right.map { $0.padding(10) }.joined() : right.filter { !$0.isEmpty }.joined(separator: " ")
            let columnsWidth = ClusterCells.cells(of: columns, ambiguous: settings.ambiguous).count
            let nameWidth = max(1, rect.width - columnsWidth - 3)
            let name = wide && !entry.title.isEmpty && entry.title != entry.name ? "\(entry.name)  \(entry.title)" : entry.name
            buffer.put(name, x: rect.x + 1, y: y, style: style, width: nameWidth)
            buffer.put(columns, x: rect.maxX - columnsWidth - 1, y: y, style: style)
        }
        if !overlay {
            for y in rect.y..<rect.maxY { buffer.put("│", x: rect.maxX, y: y, style: Theme.border) }
        }
    }

    private func formatDate(_ milliseconds: Int) -> String {
        var t = time_t(milliseconds / 1000)
        var parts = tm()
        localtime_r(&t, &parts)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
    }

    private func formatSize(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return "\(bytes / 1024) KB" }
        return "\(bytes / (1024 * 1024)) MB"
    }

    private func drawStatus(_ buffer: inout ScreenBuffer, _ rect: Rect) {
        if let editor = commandLine {
            buffer.fill(rect)
            buffer.put(promptKind.prefix + editor.text, x: 0, y: rect.y)
            if let cursor = cursorPosition {
                let glyph = editor.cursor < editor.characters.count ? String(editor.characters[editor.cursor]) : " "
                let w = max(1, ClusterCells.cells(of: glyph, ambiguous: settings.ambiguous).count)
                buffer.set(Cell(glyph: glyph, width: w, style: Theme.selection), x: cursor.x, y: cursor.y)
            }
            return
        }
        let style = Theme.status
        buffer.fill(rect, style: style)
        let helpHint = "F1 help"
        let name = viewport.map { $0.document.name } ?? libraryTitle
        if let message {
            // A message takes the room; the document name and position stay.
            let position = viewport.map { " " + $0.percentLabel } ?? ""
            let x = buffer.put(" \(name)\(position) │ ", x: 0, y: rect.y, style: style, width: rect.width / 3)
            buffer.put(message.text, x: x, y: rect.y, style: message.isError ? Theme.error : style,
                       width: max(0, rect.width - x - helpHint.count - 2))
        } else {
            let left: String
            if let viewport, focus != .library || !libraryVisible || frameIsWide {
                let view = viewport.view == .reflow ? "重排 reflow" : "原文 original"
                let segments = viewport.showsSegments ? " │ 分词 |" : ""
                let pane = focus == .text ? "读 TEXT" : focus == .annotations ? "批注 NOTES" : focus == .results ? "搜 RESULTS" : focus == .outline ? "目录 OUTLINE" : "库 LIBRARY"
                let annotation = annotationStatus(viewport)
                // The annotation at the cursor takes the place of the encoding and view.
                left = annotation.isEmpty ? " \(name) │ \(viewport.document.encoding) │ \(view)\(segments) │ \(viewport.percentLabel) │ \(pane)"
                                          : " \(name) │ \(viewport.percentLabel)" + annotation
            } else {
                left = " \(libraryTitle) │ \(library.count) documents │ 库 LIBRARY"
            }
            buffer.put(left, x: 0, y: rect.y, style: style, width: rect.width - helpHint.count - 1)
        }
        buffer.put(helpHint, x: rect.width - helpHint.count - 1, y: rect.y, style: style)
    }

    private var frameIsWide: Bool { size.width >= FrameLayout.sideBySideWidth }

    /// The help text, generated from the key map and the `:` command table.
    public var helpLines: [String] {
        var lines = ["批注 pizhu — keys", ""]
        for command in Command.allCases {
            let keys = keymap.bindings.filter { $0.command == command }
            guard !keys.isEmpty else { continue }
            let notation = keys.flatMap { b in b.keys.map { $0.notation + (b.pane.map { " (\($0.rawValue))" } ?? "") } }
            lines.append(pad(notation.joined(separator: ", "), 30) + command.help)
        }
        lines += ["", "Commands at the : prompt (↑/↓ history, Esc cancels)", ""]
        for c in ColonCommand.all {
            let names = ([c.name] + c.aliases).map { ":" + $0 }.joined(separator: " ")
            lines.append(pad(c.usage, 20) + c.help + " (" + names + ")")
        }
        lines += ["", "Any other key closes this help."]
        return lines
    }

    private func pad(_ s: String, _ width: Int) -> String {
        let w = ClusterCells.cells(of: s, ambiguous: .narrow).count
        return s + String(repeating: " ", count: max(1, width - w))
    }

    private func drawHelp(_ buffer: inout ScreenBuffer) {
        let rect = Rect(x: 1, y: 0, width: size.width - 2, height: size.height - 1)
        buffer.fill(rect)
        let lines = helpLines
        let first = min(helpScroll, max(0, lines.count - rect.height))
        for (i, line) in lines.dropFirst(first).prefix(rect.height).enumerated() {
            buffer.put(line, x: rect.x + 1, y: rect.y + i, style: i == 0 && first == 0 ? Theme.help : .plain, width: rect.width - 2)
        }
    }
}

extension String {
    /// Right-aligned in `width` cells (columns of the library).
    func padding(_ width: Int) -> String {
        let w = ClusterCells.cells(of: self, ambiguous: .narrow).count
        return String(repeating: " ", count: max(1, width - w)) + self
    }
}
