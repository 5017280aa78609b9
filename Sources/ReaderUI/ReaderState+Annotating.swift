import AnnotationCore
import ScreenCore
import TextCore

/// Selecting, highlighting, tagging, noting, deleting, undoing, and moving between annotations.
extension ReaderState {
    var annotated: AnnotatedDocument? { viewport?.document.annotations }

    /// The selected source range, from the anchor to the end of the cluster at the cursor.
    public var selectedRange: Range<Int>? {
        guard let anchor = markAnchor, let viewport else { return nil }
        let lo = min(anchor, viewport.cursor), hi = max(anchor, viewport.cursor)
        return lo..<clusterEnd(hi, in: viewport.document.text)
    }

    /// Live, non-orphan annotations covering `offset`, innermost (shortest) first.
    public func annotations(at offset: Int) -> [Annotation] {
        guard let annotated else { return [] }
        return annotated.annotations.filter { a in
            guard let t = a.target, a.anchor.status != .orphan else { return false }
            return t.start <= offset && offset < max(t.end, t.start + 1)
        }.sorted { ($0.target!.end - $0.target!.start) < ($1.target!.end - $1.target!.start) }
    }

    func clusterEnd(_ offset: Int, in text: TextSource) -> Int {
        var end = offset + 1
        while text.contains(end) {
            let p = text.scalar(at: end).properties
            guard p.generalCategory == .nonspacingMark || p.generalCategory == .enclosingMark || p.generalCategory == .spacingMark
                    || p.isVariationSelector || text.scalar(at: end) == "\u{200D}" else { break }
            end += 1
        }
        return min(end, max(offset + 1, text.knownCount ?? end))
    }

    // MARK: Commands

    func performAnnotating(_ command: Command) -> [Effect] {
        if let colour = command.paletteColour { return act(.colour(colour)) }
        switch command {
        case .cursorLeft: viewport?.moveCursorCharacter(-1)
        case .cursorRight: viewport?.moveCursorCharacter(1)
        case .wordNext: viewport?.moveCursorWord(.nextStart)
        case .wordPrevious: viewport?.moveCursorWord(.previousStart)
        case .wordEnd: viewport?.moveCursorWord(.end)
        case .sentencePrevious: viewport?.moveCursorSentence(forward: false)
        case .sentenceNext: viewport?.moveCursorSentence(forward: true)
        case .paragraphPrevious: viewport?.moveCursorParagraph(forward: false)
        case .paragraphNext: viewport?.moveCursorParagraph(forward: true)
        case .startSelection:
            guard let viewport else { return [] }
            if markAnchor == nil {
                markAnchor = viewport.cursor
                show("选择 selecting: move to extend, then 1–9 highlight, t tag, c note; Esc cancels")
            } else {
                markAnchor = nil
                show("Selection cancelled")
            }
        case .swapSelectionEnds:
            guard let viewport, let anchor = markAnchor else { show("No selection (v starts one)"); return [] }
            markAnchor = viewport.cursor
            viewport.setCursor(anchor)
        case .selectWord: select(viewport?.wordAtCursor, what: "word")
        case .selectSentence:
            guard let viewport else { return [] }
            select(SentenceBoundaries.sentence(containing: viewport.cursor, in: viewport.document.text), what: "sentence")
        case .selectParagraph: select(viewport?.paragraphAtCursor, what: "paragraph")
        case .tagSelection: return openTagPrompt()
        case .noteSelection: return openNoteEditor()
        case .deleteAnnotation:
            if focus == .annotations {
                guard let a = highlightedPaneItem else { return [] }
                return deleteAnnotation(a)
            }
            guard let viewport, let a = annotations(at: viewport.cursor).first else { show("No annotation at the cursor"); return [] }
            return deleteAnnotation(a)
        case .undo: return undoOrRedo(undo: true)
        case .redo: return undoOrRedo(undo: false)
        case .toggleAnnotations:
            if focus == .annotations {
                focus = viewport == nil ? .library : .text
            } else {
                guard viewport != nil else { show("No document is open", error: true); return [] }
                focus = .annotations
                annotationPaneIndex = min(annotationPaneIndex, max(0, annotationPaneItems.count - 1))
            }
        case .nextAnnotationPrefix, .previousAnnotationPrefix:
            pendingPrefix = command == .nextAnnotationPrefix ? .char("]") : .char("[")
        case .setMarkPrefix: pendingPrefix = .char("m")
        case .goToMarkPrefix: pendingPrefix = .char("'")
        case .jumpBack: return jump(back: true)
        case .openResult:
            guard let results = grepResults, results.hits.indices.contains(grepIndex) else { return [] }
            let hit = results.hits[grepIndex]
            focus = viewport == nil ? .library : .text
            let effects = recordJumpFromHere()
            if let viewport, viewport.document.path == hit.path {
                viewport.go(toOffset: hit.range.lowerBound)
                return effects
            }
            return effects + [.openAt(path: hit.path, offset: hit.range.lowerBound)]
        case .closeResults: focus = viewport == nil ? .library : .text
        case .toggleOutline:
            if focus == .outline { focus = viewport == nil ? .library : .text; return [] }
            guard let viewport else { show("No document is open", error: true); return [] }
            let headings = documentOutline()
            guard !headings.isEmpty else { show("No headings found in this document"); return [] }
            outlineIndex = headings.lastIndex { $0.offset <= viewport.cursor } ?? 0
            focus = .outline
        case .jumpToHeading:
            guard let headings = outline, headings.indices.contains(outlineIndex) else { return [] }
            focus = .text
            let effects = recordJumpFromHere()
            viewport?.go(toOffset: headings[outlineIndex].offset)
            return effects
        case .sortLibrary:
            libraryOrder = libraryOrder.next
            refreshLibrary()
            show("书库 sorted by \(libraryOrder.rawValue)")
        case .filterLibrary:
            commandLine = LineEditor(libraryFilter)
            promptKind = .libraryFilter
        case .searchForward: return openSearchPrompt(backward: false)
        case .searchBackward: return openSearchPrompt(backward: true)
        case .searchNext: return searchAgain(reverse: false)
        case .searchPrevious: return searchAgain(reverse: true)
        case .jumpToAnnotation:
            guard let a = highlightedPaneItem, let t = a.target else { return [] }
            focus = .text
            let effects = recordJumpFromHere()
            viewport?.go(toOffset: t.start)
            defer { if a.anchor.status == .orphan { show("孤立 orphan: its passage was not found; shown where it used to be", error: true) } }
            return effects
        case .editAnnotation:
            guard let a = highlightedPaneItem, let t = a.target else { return [] }
            focus = .text
            promptRange = t.start..<t.end
            return openTagPrompt(prefill: a.tags.joined(separator: " "), editing: true)
        case .filterAnnotations:
            commandLine = LineEditor(annotationFilter ?? "")
            promptKind = .filter
        case .reattachOrphan:
            guard let a = highlightedPaneItem, a.anchor.status == .orphan else { show("Highlight an orphan in the list first"); return [] }
            guard let range = selectedRange, let annotated else { show("Select the passage to attach it to first (Esc, v, motions, then A and R)"); return [] }
            guard ensureWritable() else { return [] }
            var moved = a
            moved.target = TextTarget(range: range, in: annotated.text)
            moved.anchor = AnchorState()
            annotated.update(moved, author: author)
            record(AnnotationChange(id: a.id, before: a, after: annotated.sidecar.annotation(id: a.id)))
            markAnchor = nil
            return saved("Re-attached to 「\(excerpt(moved.target!.exact, 16))」")
        default: break
        }
        return []
    }

    private func select(_ range: Range<Int>?, what: String) {
        guard let viewport, let range, !range.isEmpty else { show("No \(what) at the cursor"); return }
        markAnchor = range.lowerBound
        viewport.setCursor(max(range.lowerBound, range.upperBound - 1))
        show("选择 \(what) selected: 1–9 highlight, t tag, c note; Esc cancels")
    }

    func handleSecondKey(_ key: Key, after prefix: Key) -> [Effect] {
        if prefix == .char("m") || prefix == .char("'") {
            guard case .char(let c) = key, c.isLetter || c == "'" || c == "`" else { show("Marks are letters (m a … m z)"); return [] }
            return prefix == .char("m") ? setMark(String(c)) : goToMark(String(c))
        }
        guard key == .char("a") else { show("\(prefix.notation)\(key.notation) does nothing (]a next, [a previous annotation)"); return [] }
        let effects = recordJumpFromHere()
        jumpToAnnotation(forward: prefix == .char("]"), tag: nil)
        return effects
    }

    /// Moves the cursor to the next (previous) annotation, wrapping around, optionally only those with `tag`.
    func jumpToAnnotation(forward: Bool, tag: String?) {
        guard let viewport else { return }
        guard let annotated else { show(viewport.document.annotationProblem ?? "No annotations", error: true); return }
        let starts = annotated.annotations.filter { $0.anchor.status != .orphan && (tag == nil || $0.hasTag(under: tag!)) }
            .compactMap { $0.target?.start }.sorted()
        guard !starts.isEmpty else { show(tag.map { "No passage tagged \($0)" } ?? "No annotations in this document"); return }
        let cursor = viewport.cursor
        if let s = forward ? starts.first(where: { $0 > cursor }) : starts.last(where: { $0 < cursor }) {
            viewport.setCursor(s)
            show("批注 \((starts.firstIndex(of: s) ?? 0) + 1)/\(starts.count)" + (tag.map { " #\($0)" } ?? ""))
        } else {
            viewport.setCursor(forward ? starts[0] : starts[starts.count - 1])
            show("Wrapped around: 批注 \(forward ? 1 : starts.count)/\(starts.count)" + (tag.map { " #\($0)" } ?? ""))
        }
    }

    // MARK: Acting on the selection

    enum Action {
        case colour(String)
        case tags([String])
        /// The whole tag list of the annotation on the range (editing it from the pane).
        case replaceTags([String])
        case note(String)
    }

    /// The passage an action applies to: the selection, else the annotation at the cursor.
    func actionRange() -> Range<Int>? {
        if let r = selectedRange { return r }
        guard let viewport, let a = annotations(at: viewport.cursor).first, let t = a.target else { return nil }
        return t.start..<t.end
    }

    /// False (with a message) when this document cannot be annotated now.
    func ensureWritable() -> Bool {
        guard let viewport else { show("No document is open", error: true); return false }
        guard annotated != nil else {
            show(viewport.document.annotationProblem ?? "This document cannot be annotated", error: true)
            return false
        }
        if let blocked = annotationsBlocked {
            show("NOT SAVED (:save retries): \(blocked)", error: true)
            return false
        }
        return true
    }

    func act(_ action: Action, on fixedRange: Range<Int>? = nil) -> [Effect] {
        guard ensureWritable(), let annotated else { return [] }
        guard let range = fixedRange ?? actionRange() else {
            show("Select a passage first: v and motions, or W word, s sentence, V paragraph", error: true)
            return []
        }
        let before = annotated.annotations.first { $0.target.map { $0.start..<$0.end } == range }
        let result: (annotation: Annotation, created: Bool)
        switch action {
        case .colour(let c): result = annotated.annotate(range: range, color: c, author: author)
        case .tags(let tags): result = annotated.annotate(range: range, tags: tags, author: author)
        case .replaceTags(let tags):
            result = annotated.annotate(range: range, author: author)
            if var a = annotated.sidecar.annotation(id: result.annotation.id), a.tags != tags {
                a.tags = tags
                annotated.update(a, author: author)
            }
        case .note(let text): result = annotated.annotate(range: range, note: text.isEmpty ? nil : text, author: author)
        }
        if case .note(let text) = action, text.isEmpty, var a = annotated.sidecar.annotation(id: result.annotation.id) {
            a.note = nil
            annotated.update(a, author: author)
        }
        record(AnnotationChange(id: result.annotation.id, before: before, after: annotated.sidecar.annotation(id: result.annotation.id)))
        markAnchor = nil
        let what: String
        switch action {
        case .colour(let c): what = "highlighted \(c)"
        case .tags(let tags): what = "tagged " + tags.map { "#" + $0 }.joined(separator: " ")
        case .replaceTags(let tags): what = tags.isEmpty ? "tags removed" : "tags now " + tags.map { "#" + $0 }.joined(separator: " ")
        case .note: what = "note saved"
        }
        return saved("\(result.created ? "批注 added" : "批注 edited"): \(what) 「\(excerpt(result.annotation.target?.exact ?? "", 16))」")
    }

    /// `:tag-all`: tags every match of the current search, as one undo step.
    func tagAllMatches(_ tags: [String]) -> [Effect] {
        guard ensureWritable(), let annotated, let viewport else { return [] }
        guard let search, search.view == viewport.view, !search.matches.isEmpty else {
            show("No search matches to tag: search first with /", error: true)
            return []
        }
        var changes: [AnnotationChange] = []
        for range in search.matches {
            let before = annotated.annotations.first { $0.target.map { $0.start..<$0.end } == range }
            let result = annotated.annotate(range: range, tags: tags, author: author)
            changes.append(AnnotationChange(id: result.annotation.id, before: before, after: annotated.sidecar.annotation(id: result.annotation.id)))
        }
        record(changes)
        return saved("Tagged \(changes.count) matches of \(search.query.pattern) " + tags.map { "#" + $0 }.joined(separator: " ") + " — u undoes all")
    }

    func deleteAnnotation(_ a: Annotation) -> [Effect] {
        guard ensureWritable(), let annotated else { return [] }
        annotated.delete(id: a.id, author: author)
        record(AnnotationChange(id: a.id, before: a, after: nil))
        return saved("Deleted 「\(excerpt(a.target?.exact ?? "", 16))」 — u undoes")
    }

    func record(_ change: AnnotationChange) { record([change]) }

    func record(_ changes: [AnnotationChange]) {
        undoStack.append(changes)
        redoStack.removeAll()
    }

    func undoOrRedo(undo: Bool) -> [Effect] {
        // Nothing done yet is nothing to undo, whether or not the annotations are at hand.
        guard !(undo ? undoStack : redoStack).isEmpty else {
            show(undo ? "Nothing to undo" : "Nothing to redo")
            return []
        }
        guard ensureWritable(), let annotated, let step = (undo ? undoStack.popLast() : redoStack.popLast()) else { return [] }
        for change in undo ? step.reversed() : step {
            let target = undo ? change.before : change.after
            if let target { annotated.update(target, author: author) } else { annotated.delete(id: change.id, author: author) }
        }
        if undo { redoStack.append(step) } else { undoStack.append(step) }
        if let first = step.first, let t = (first.before ?? first.after)?.target { viewport?.setCursor(t.start) }
        let count = step.count > 1 ? " (\(step.count) annotations)" : ""
        return saved((undo ? "Undone" : "Redone") + count + (undo ? " — Ctrl-R redoes" : ""))
    }

    /// Asks the host to save, with the message to show once it has.
    func saved(_ message: String) -> [Effect] {
        pendingSaveMessage = message
        show(message + " …")
        return [.saveAnnotations]
    }

    // MARK: Host calls

    /// The host has read the annotations of the open document (a file read on demand).
    public func attachAnnotations(_ annotations: AnnotatedDocument) {
        viewport?.document.annotations = annotations
        viewport?.document.annotationsOnDemand = false
        let n = annotations.annotations.count
        show("批注 \(n) annotation\(n == 1 ? "" : "s") read")
    }

    /// Does what waited for the annotations to be read (`Effect.loadAnnotations`).
    public func carryOn(_ pending: Effect.Pending) -> [Effect] {
        switch pending {
        case .command(let command): return perform(command)
        case .commandLine(let line): return execute(line)
        }
    }

    /// The host could not read them: why, kept for the next attempt's message.
    public func annotationsUnavailable(_ reason: String) {
        viewport?.document.annotationsOnDemand = false
        viewport?.document.annotationProblem = reason
        show(reason, error: true)
    }

    /// The host saved the sidecar.
    public func annotationsSaved() {
        annotationsBlocked = nil
        show("✓ " + (pendingSaveMessage ?? "saved"))
        pendingSaveMessage = nil
    }

    /// The host could not save: annotating stops until `:save` works; nothing is discarded.
    public func annotationSaveFailed(_ reason: String) {
        annotationsBlocked = reason
        show("NOT SAVED (:save retries; nothing is lost): \(reason)", error: true)
    }

    // MARK: Prompts and the note editor

    /// The host is about to exit (SIGHUP, SIGTERM): a note being typed is kept as it stands.
    public func flushPendingNote() -> [Effect] {
        guard let editor = noteEditor, !editor.text.trimmingNewlines.isEmpty else { return [] }
        noteEditor = nil
        return act(.note(editor.text.trimmingNewlines), on: editor.range)
    }

    /// `editing`: the pane's `e`: the prompt holds the annotation's tags, what it holds when
    /// Enter is pressed replaces them, and the note editor opens next.
    func openTagPrompt(prefill: String = "", editing: Bool = false) -> [Effect] {
        guard ensureWritable() else { return [] }
        guard let range = promptRange ?? actionRange() else {
            show("Select a passage first: v and motions, or W word, s sentence, V paragraph", error: true)
            return []
        }
        promptRange = range
        editingAnnotation = editing
        commandLine = LineEditor(prefill)
        promptKind = .tags
        return []
    }

    func openNoteEditor(range fixed: Range<Int>? = nil) -> [Effect] {
        guard ensureWritable(), let annotated else { return [] }
        guard let range = fixed ?? actionRange() else {
            show("Select a passage first: v and motions, or W word, s sentence, V paragraph", error: true)
            return []
        }
        let existing = annotated.annotations.first { $0.target.map { $0.start..<$0.end } == range }
        noteEditor = NoteEditor(text: existing?.note ?? "", range: range, annotationID: existing?.id)
        show("注 note: Enter new line · Ctrl-S save · Esc cancel")
        return []
    }

    func finishPrompt(_ kind: PromptKind, _ line: String) -> [Effect] {
        defer { promptKind = .command }
        switch kind {
        case .tags:
            let range = promptRange
            promptRange = nil
            let tags = Self.splitTags(line)
            let editing = editingAnnotation
            editingAnnotation = false
            guard editing || !tags.isEmpty else { show("No tag given"); return [] }
            var effects = act(editing ? .replaceTags(tags) : .tags(tags), on: range)
            if editing, let range { effects += openNoteEditor(range: range) }
            return effects
        case .filter:
            annotationFilter = line.isEmpty ? nil : line
            annotationPaneIndex = 0
            focus = .annotations
            show(line.isEmpty ? "All annotations" : "Showing \(annotationPaneItems.count) with \(line)")
        case .libraryFilter:
            show(line.isEmpty ? "All \(library.count) documents" : "\(library.count) documents match \(line)")
        case .command, .search, .searchBackward: break
        }
        return []
    }

    /// Tags as typed: separated by spaces, commas (，,) or 、; `/` kept for hierarchy.
    static func splitTags(_ line: String) -> [String] {
        line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "，" || $0 == "、" || $0 == ";" || $0 == "；" || $0 == "\u{3000}" })
            .compactMap { TagPath.normalized(String($0)) }
    }

    /// Completes the last tag typed from the document's and the library's vocabularies.
    func completeTag(_ editor: LineEditor) -> LineEditor {
        let text = editor.text
        let tokenStart = text.lastIndex(where: { $0 == " " || $0 == "," || $0 == "，" || $0 == "、" }).map { text.index(after: $0) } ?? text.startIndex
        let token = String(text[tokenStart...])
        let vocabulary = Set((annotated?.sidecar.tags.map(\.name) ?? []) + libraryTags)
        let matches = vocabulary.filter { $0.hasPrefix(token) }.sorted()
        guard !matches.isEmpty else { show("No tag starts with \(token)"); return editor }
        var common = matches[0]
        for m in matches.dropFirst() { while !m.hasPrefix(common) { common.removeLast() } }
        if matches.count > 1 { show("Tags: " + matches.prefix(8).joined(separator: "  ")) }
        let completed = String(text[..<tokenStart]) + common + (matches.count == 1 ? " " : "")
        return LineEditor(completed)
    }

    func handleNoteEditor(_ key: Key) -> [Effect] {
        guard var editor = noteEditor else { return [] }
        switch key {
        case .ctrl("s"):
            noteEditor = nil
            return act(.note(editor.text.trimmingNewlines), on: editor.range)
        case .escape, .ctrl("c"), .ctrl("g"):
            noteEditor = nil
            show("Note cancelled")
            return []
        case .enter: editor.newline()
        case .backspace: editor.deleteBackward()
        case .delete, .ctrl("d"): editor.deleteForward()
        case .left, .ctrl("b"): editor.moveLeft()
        case .right, .ctrl("f"): editor.moveRight()
        case .up: editor.moveUp()
        case .down: editor.moveDown()
        case .home, .ctrl("a"): editor.moveHome()
        case .end, .ctrl("e"): editor.moveEnd()
        case .char(let c): editor.insert(c)
        default: break
        }
        noteEditor = editor
        return []
    }

    // MARK: : commands

    func executeAnnotating(_ name: String, _ argument: String) -> [Effect] {
        // Undo and redo concern this session's changes only; everything else needs the annotations.
        if viewport?.document.annotationsOnDemand == true && name != "undo" && name != "redo" {
            return [.loadAnnotations(then: .commandLine(argument.isEmpty ? name : name + " " + argument))]
        }
        switch name {
        case "highlight":
            guard let colour = Palette.colour(named: argument) else {
                show("Usage: :highlight COLOUR (\(Palette.names.joined(separator: " ")))", error: true)
                return []
            }
            return act(.colour(colour.name))
        case "tag":
            let tags = Self.splitTags(argument)
            guard !tags.isEmpty else { show("Usage: :tag 政策/科技 经济", error: true); return [] }
            return act(.tags(tags))
        case "tag-all":
            let tags = Self.splitTags(argument)
            guard !tags.isEmpty else { show("Usage: :tag-all TAG… (tags every match of the current search)", error: true); return [] }
            return tagAllMatches(tags)
        case "note":
            guard !argument.isEmpty else { show("Usage: :note TEXT", error: true); return [] }
            return act(.note(argument))
        case "next":
            guard !argument.isEmpty else { show("Usage: :next TAG", error: true); return [] }
            let effects = recordJumpFromHere()
            jumpToAnnotation(forward: true, tag: argument)
            return effects
        case "annotations": return perform(.toggleAnnotations)
        case "undo": return undoOrRedo(undo: true)
        case "redo": return undoOrRedo(undo: false)
        case "save":
            guard annotated != nil else { show(viewport?.document.annotationProblem ?? "Nothing to save", error: true); return [] }
            pendingSaveMessage = "saved"
            return [.saveAnnotations]
        default: break
        }
        return []
    }

    // MARK: The annotation pane

    /// The pane's rows: anchored annotations in text order (filtered), then orphans.
    public var annotationPaneItems: [Annotation] {
        guard let annotated else { return [] }
        let all = annotated.annotations.filter { a in
            guard let f = annotationFilter else { return true }
            if let colour = Palette.colour(named: f) { return a.color == colour.name }
            return a.hasTag(under: f)
        }
        return all.filter { $0.anchor.status != .orphan } + all.filter { $0.anchor.status == .orphan }
    }

    var highlightedPaneItem: Annotation? {
        let items = annotationPaneItems
        return items.indices.contains(annotationPaneIndex) ? items[annotationPaneIndex] : nil
    }

    func moveInAnnotationPane(_ delta: Int) {
        annotationPaneIndex = min(max(0, annotationPaneIndex + delta), max(0, annotationPaneItems.count - 1))
    }

    func excerpt(_ s: String, _ limit: Int) -> String {
        let flat = s.replacingNewlines
        return flat.count > limit ? String(flat.prefix(limit)) + "…" : flat
    }
}

extension String {
    var trimmingNewlines: String {
        var s = Substring(self)
        while s.last == "\n" || s.last == " " { s = s.dropLast() }
        return String(s)
    }

    var replacingNewlines: String { String(map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" ? " " : $0 }) }
}
