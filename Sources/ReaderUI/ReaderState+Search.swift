import ScreenCore
import TextCore

/// Search in the open document: `/` and `?` (incremental as you type), `n` and `N`, every
/// match on screen highlighted, "match 3/17" in the status line, wrap-around with a message.
extension ReaderState {
    /// Files read on demand up to this size are searched as you type.
    static let incrementalFileLimit = 100 << 20

    func openSearchPrompt(backward: Bool) -> [Effect] {
        guard let viewport else { show("No document is open", error: true); return [] }
        searchOrigin = (viewport.topOffset, viewport.cursor)
        commandLine = LineEditor()
        promptKind = backward ? .searchBackward : .search
        return []
    }

    /// Runs the query typed so far and shows its first match (as you type); false if it failed.
    @discardableResult
    func previewSearch(_ typed: String, backward: Bool) -> Bool {
        guard let viewport, let origin = searchOrigin else { return false }
        // A file read on demand is searched as bytes: as you type up to 100 MB, else by the host on Enter.
        if let file = viewport.document.text as? UTF8FileText {
            guard file.byteCount <= Self.incrementalFileLimit, !typed.isEmpty else { return true }
            if case .found(let range, _) = file.search(typed, from: origin.cursor, backward: backward) {
                search = SearchState(query: SearchQuery(pattern: typed, foldsCase: false), matches: [range], current: 0,
                                     view: viewport.view, backward: backward)
                reveal(range)
            } else {
                search = nil
            }
            return true
        }
        guard !typed.isEmpty else {
            search = nil
            viewport.go(toOffset: origin.top)
            viewport.setCursor(origin.cursor)
            return true
        }
        let query = SearchQuery.parse(typed)
        do {
            let matches = try TextSearch.matches(query, in: viewport.viewText)
            var state = SearchState(query: query, matches: matches, current: nil, view: viewport.view, backward: backward)
            if let (i, _) = state.next(after: backward ? origin.cursor : origin.cursor - 1, backward: backward) {
                state.current = i
                reveal(matches[i])
            }
            search = state
            return true
        } catch {
            search = nil
            show("\(error)", error: true)
            return false
        }
    }

    /// Enter at the search prompt: keep the match, move the cursor there, remember the jump.
    func finishSearch(_ typed: String, backward: Bool) -> [Effect] {
        defer { searchOrigin = nil }
        guard !typed.isEmpty else { return [] }
        if let viewport, viewport.isReadOnDemand {
            let query = SearchQuery(pattern: typed, foldsCase: false)
            search = SearchState(query: query, matches: [], current: nil, view: viewport.view, backward: backward)
            show("Searching \(viewport.document.name)… (Esc or Ctrl-C stops)")
            let start = searchOrigin?.cursor ?? viewport.cursor
            viewport.setCursor(start)
            return recordJumpFromHere() + [.searchFile(query, from: start, backward: backward)]
        }
        guard previewSearch(typed, backward: backward), let viewport, let state = search else { return [] }
        if let origin = searchOrigin {
            // The jump list records where the search started.
            viewport.setCursor(origin.cursor)
        }
        let effects = recordJumpFromHere()
        guard let i = state.current else {
            show("Not found: \(state.query.pattern)", error: true)
            if let origin = searchOrigin { viewport.go(toOffset: origin.top); viewport.setCursor(origin.cursor) }
            return effects
        }
        viewport.setCursor(state.matches[i].lowerBound)
        reveal(state.matches[i])
        showMatchCount(wrapped: false)
        return effects
    }

    /// Esc at the search prompt: back to where the search started.
    func cancelSearch() {
        if let viewport, let origin = searchOrigin {
            viewport.go(toOffset: origin.top)
            viewport.setCursor(origin.cursor)
        }
        searchOrigin = nil
        search = nil
    }

    /// `n` (`reverse` false) and `N`.
    func searchAgain(reverse: Bool) -> [Effect] {
        guard let viewport, var state = search else { show("No search yet: / searches forward, ? backward"); return [] }
        if viewport.isReadOnDemand {
            let backward = state.backward != reverse
            show("Searching \(viewport.document.name)… (Esc or Ctrl-C stops)")
            return recordJumpFromHere() + [.searchFile(state.query, from: viewport.cursor + (backward ? 0 : 1), backward: backward)]
        }
        if state.view != viewport.view, let rerun = try? TextSearch.matches(state.query, in: viewport.viewText) {
            state.matches = rerun
            state.view = viewport.view
        }
        let backward = state.backward != reverse
        guard let (i, wrapped) = state.next(after: viewport.cursor, backward: backward) else {
            show("Not found: \(state.query.pattern)", error: true)
            return []
        }
        let effects = recordJumpFromHere()
        state.current = i
        search = state
        viewport.setCursor(state.matches[i].lowerBound)
        reveal(state.matches[i])
        showMatchCount(wrapped: wrapped)
        return effects
    }

    func showMatchCount(wrapped: Bool) {
        guard let state = search, let i = state.current else { return }
        let count = "match \(i + 1)/\(state.matches.count)" + (state.matches.count >= TextSearch.limit ? "+" : "")
        show(wrapped ? "\(count) — search wrapped around" : count)
    }

    /// Scrolls so a match is on screen (a little below the top, so its context shows).
    func reveal(_ range: Range<Int>) {
        guard let viewport else { return }
        let rows = viewport.visibleRows
        if let first = rows.first?.1, let last = rows.last?.1,
           range.lowerBound >= first.range.lowerBound, range.lowerBound < last.range.upperBound { return }
        viewport.go(toOffset: range.lowerBound)
        viewport.moveCursorRows(0)
        viewport.scroll(by: -min(3, viewport.height / 3))
        viewport.setCursor(range.lowerBound)
    }
}

extension ReaderState {
    /// The host searched a file read on demand: `range` is the match found (nil: none).
    public func fileSearchFinished(_ range: Range<Int>?, wrapped: Bool, cancelled: Bool) {
        guard let viewport, var state = search else { return }
        if cancelled { show("Search stopped"); return }
        guard let range else { show("Not found: \(state.query.pattern)", error: true); return }
        state.matches = [range]
        state.current = 0
        search = state
        viewport.setCursor(range.lowerBound)
        reveal(range)
        show((wrapped ? "search wrapped around — " : "") + "found at \(viewport.percentLabel) (n: next, N: previous)")
    }

    /// The host finished a `:grep`: show the results pane.
    public func showGrepResults(_ query: SearchQuery, hits: [GrepHit]) {
        grepResults = (query, hits)
        grepIndex = 0
        focus = .results
        let files = Set(hits.map(\.path)).count
        show(hits.isEmpty ? "Not found in the library: \(query.pattern)" : "\(hits.count) matches in \(files) documents")
    }

    func drawResultsPane(_ buffer: inout ScreenBuffer, _ rect: Rect) {
        buffer.fill(rect)
        guard let results = grepResults else { return }
        let title = "搜索 :grep \(results.query.pattern) — \(results.hits.count) matches — Enter open · Esc close"
        buffer.put(title, x: rect.x + 1, y: rect.y, style: Theme.title, width: rect.width - 2)
        let visible = max(1, rect.height - 1)
        let first = max(0, min(grepIndex - visible / 2, results.hits.count - visible))
        for (row, hit) in results.hits.enumerated().dropFirst(first).prefix(visible) {
            let y = rect.y + 1 + row - first
            let selected = row == grepIndex
            if selected { buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: Theme.selection) }
            let name = hit.path.split(separator: "/").last.map(String.init) ?? hit.path
            let x = buffer.put("\(name):\(hit.line):\(hit.column) ", x: rect.x + 1, y: y, style: selected ? Theme.selection : Theme.dimText, width: rect.width - 2)
            let x2 = buffer.put(hit.before, x: x, y: y, style: selected ? Theme.selection : .plain, width: max(0, rect.maxX - x - 1))
            let x3 = buffer.put(hit.match, x: x2, y: y, style: selected ? Theme.searchCurrent : Theme.searchMatch, width: max(0, rect.maxX - x2 - 1))
            buffer.put(hit.after, x: x3, y: y, style: selected ? Theme.selection : .plain, width: max(0, rect.maxX - x3 - 1))
        }
    }
}
