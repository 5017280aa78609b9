import AnnotationCore

/// Everything a key can do. Raw values are the names users see in help and could bind in a config.
public enum Command: String, CaseIterable, Sendable {
    case scrollDown, scrollUp, pageDown, pageUp, halfPageDown, halfPageUp, goToTop, goToBottom
    case toggleView, toggleSegments
    case openSelected, showLibrary, toggleLibrary, cycleFocus
    case showHelp, enterCommandLine, redraw, suspend, interrupt, quit
    case cursorLeft, cursorRight, wordNext, wordPrevious, wordEnd, sentencePrevious, sentenceNext
    case paragraphPrevious, paragraphNext
    case startSelection, swapSelectionEnds, selectWord, selectSentence, selectParagraph
    case highlight1, highlight2, highlight3, highlight4, highlight5, highlight6, highlight7, highlight8, highlight9
    case tagSelection, noteSelection, deleteAnnotation, undo, redo
    case toggleAnnotations, nextAnnotationPrefix, previousAnnotationPrefix
    case jumpToAnnotation, editAnnotation, filterAnnotations, reattachOrphan
    case setMarkPrefix, goToMarkPrefix, jumpBack
    case searchForward, searchBackward, searchNext, searchPrevious
    case openResult, closeResults, sortLibrary, filterLibrary
    case toggleOutline, jumpToHeading

    /// Whether it acts on the document's annotations (and so needs them read first).
    public var needsAnnotations: Bool {
        switch self {
        case .highlight1, .highlight2, .highlight3, .highlight4, .highlight5, .highlight6, .highlight7, .highlight8, .highlight9,
             .tagSelection, .noteSelection, .deleteAnnotation, .toggleAnnotations, .nextAnnotationPrefix, .previousAnnotationPrefix:
            return true
        default:
            return false
        }
    }

    /// One line of help, shown next to the keys in the help overlay.
    public var help: String {
        switch self {
        case .scrollDown: return "down one line (library: next document)"
        case .scrollUp: return "up one line (library: previous document)"
        case .pageDown: return "down one page"
        case .pageUp: return "up one page"
        case .halfPageDown: return "down half a page"
        case .halfPageUp: return "up half a page"
        case .goToTop: return "to the top"
        case .goToBottom: return "to the end"
        case .toggleView: return "switch between the original lines and reflowed paragraphs"
        case .toggleSegments: return "show or hide the | word separators of a segmented text"
        case .openSelected: return "open the selected document (library)"
        case .showLibrary: return "back to the library (text: first cancels a selection)"
        case .toggleLibrary: return "show or hide the library pane"
        case .cycleFocus: return "move focus to the next pane"
        case .showHelp: return "this help"
        case .enterCommandLine: return "command line (:open, :goto, :set, :q)"
        case .redraw: return "redraw the screen"
        case .suspend: return "suspend to the shell (fg resumes)"
        case .interrupt: return "cancel (does not quit)"
        case .quit: return "quit"
        case .cursorLeft: return "cursor to the previous character"
        case .cursorRight: return "cursor to the next character"
        case .wordNext: return "cursor to the next word"
        case .wordPrevious: return "cursor to the previous word"
        case .wordEnd: return "cursor to the end of the word"
        case .sentencePrevious: return "cursor to the start of the sentence (again: the previous one)"
        case .sentenceNext: return "cursor to the next sentence"
        case .paragraphPrevious: return "cursor to the start of the paragraph (again: the previous one)"
        case .paragraphNext: return "cursor to the next paragraph"
        case .startSelection: return "start a selection at the cursor (again, or Esc: cancel); motions extend it"
        case .swapSelectionEnds: return "swap the ends of the selection"
        case .selectWord: return "select the word at the cursor"
        case .selectSentence: return "select the sentence at the cursor"
        case .selectParagraph: return "select the paragraph at the cursor"
        case .highlight1, .highlight2, .highlight3, .highlight4, .highlight5, .highlight6, .highlight7, .highlight8, .highlight9:
            return "highlight the selection (or the annotation at the cursor) in \(paletteColour ?? "")"
        case .tagSelection: return "tag the selection or the annotation at the cursor (Tab completes; several: 政策/科技 经济)"
        case .noteSelection: return "write a note on the selection or the annotation at the cursor (Ctrl-S saves, Esc cancels)"
        case .deleteAnnotation: return "delete the annotation at the cursor (annotation pane: the highlighted one)"
        case .undo: return "undo the last annotation change"
        case .redo: return "redo"
        case .toggleAnnotations: return "show or hide the annotation pane"
        case .nextAnnotationPrefix: return "]a: next annotation"
        case .previousAnnotationPrefix: return "[a: previous annotation"
        case .jumpToAnnotation: return "jump to the highlighted annotation (annotation pane)"
        case .editAnnotation: return "edit its tags, then its note (annotation pane)"
        case .filterAnnotations: return "filter by tag or colour; empty: all (annotation pane)"
        case .reattachOrphan: return "re-attach the highlighted orphan to the selection (annotation pane)"
        case .setMarkPrefix: return "m + letter: mark this place (kept across sessions)"
        case .goToMarkPrefix: return "' + letter: go to the mark; '' back to where the last jump started"
        case .jumpBack: return "back in the jump list, across documents (Tab / Ctrl-I: forward again)"
        case .searchForward: return "search forward as you type (literal; \\r or re: first for a regular expression; lower case matches any case)"
        case .searchBackward: return "search backward"
        case .searchNext: return "next match (wraps around)"
        case .searchPrevious: return "previous match"
        case .openResult: return "open the document at the highlighted result (:grep results)"
        case .closeResults: return "close the :grep results"
        case .toggleOutline: return "show or hide the outline: the document's headings (第X章, 一、, （一）, 1., ##, short lines)"
        case .jumpToHeading: return "jump to the highlighted heading (outline)"
        case .sortLibrary: return "sort the library by name, recent reading or progress (library)"
        case .filterLibrary: return "filter the library as you type (library; Esc clears)"
        }
    }
}

extension Command {
    /// The palette colour a highlight command applies.
    public var paletteColour: String? {
        let all: [Command] = [.highlight1, .highlight2, .highlight3, .highlight4, .highlight5, .highlight6, .highlight7, .highlight8, .highlight9]
        guard let i = all.firstIndex(of: self), i < Palette.colours.count else { return nil }
        return Palette.colours[i].name
    }
}
