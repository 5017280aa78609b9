/// The shape of a document, measured on its first lines: what reflow and the view choice rely on.
///
/// Measured on at most `sampleLines` lines (or `sampleScalars` scalars), so the cost does not
/// grow with the file. Widths are in cells, because a CJK hard wrap is half as many
/// characters as a Latin one of the same width.
public struct DocumentProfile: Equatable, Sendable {
    public static let sampleLines = 2000
    /// 16 Ki scalars: some 400 lines of a hard-wrapped PDF extraction. (64 Ki took 4–6 ms of
    /// a large file's first screen, PIZHU_TRACE, for the same choices on every seed and test.)
    public static let sampleScalars = 1 << 14

    /// The most common width of non-blank lines, in cells.
    public var modalWidth: Int
    /// At least half the non-blank lines end within a few cells of the modal width.
    public var isHardWrapped: Bool
    /// A blank line after nearly every line (PDF extractions): a single blank line then does
    /// not separate paragraphs.
    public var isDoubleSpaced: Bool
    /// Indented lines are a minority, so an indent marks a paragraph start.
    public var indentMarksParagraphs: Bool
    /// `|` separates words (a segmented corpus).
    public var isSegmented: Bool
    /// Short lines repeated at least three times in the sample (running headers and footers).
    public var runningHeaders: Set<String>
    public var lineEndings: LineEndings
    public var sampledLines: Int

    /// LF, CRLF, CR, or a mix, as counted in the sample.
    public enum LineEndings: String, Sendable { case none, lf, crlf, cr, mixed }

    /// Which view suits the document.
    public var suggestedView: ReadingView {
        isHardWrapped || isDoubleSpaced || isSegmented ? .reflow : .original
    }

    public static func measure(_ text: TextSource, lines: LineIndex) -> DocumentProfile {
        // A file read on demand is measured on a copy of its sample in memory: one bulk decode
        // instead of thousands of small reads through the file's offset index.
        guard text is ScalarText else {
            let sample = ScalarText(text.scalars(in: 0..<sampleScalars))
            return measure(sample, lines: LineIndex(text: sample))
        }
        let index = lines
        var widths: [Int: Int] = [:]
        var facts: [LineFacts] = []
        // A line longer than the whole sample (a single-line file) is measured on the sample alone.
        // Lines are found, not cached: each is looked at once.
        func sampleLine(_ start: Int) -> LineIndex.Line? {
            guard let (end, next) = index.end(ofLineFrom: start, before: start + sampleScalars) else {
                return LineIndex.Line(start: start, contentEnd: start + sampleScalars, next: start + sampleScalars)
            }
            return LineIndex.Line(start: start, contentEnd: end, next: next)
        }
        var line: LineIndex.Line? = text.isEmpty ? nil : sampleLine(0)
        var scalars = 0
        var lf = 0, crlf = 0, cr = 0
        while let l = line, facts.count < sampleLines, scalars < sampleScalars {
            let f = LineFacts(l, text: text)
            facts.append(f)
            if !f.isBlank && f.width >= 10 { widths[f.width, default: 0] += 1 }
            scalars += l.next - l.start
            switch l.next - l.contentEnd {
            case 2: crlf += 1
            case 1: if text.scalar(at: l.contentEnd) == "\r" { cr += 1 } else if text.scalar(at: l.contentEnd) == "\n" { lf += 1 }
            default: break
            }
            line = text.contains(l.next) ? sampleLine(l.next) : nil
        }
        let nonBlank = facts.filter { !$0.isBlank }
        // Mode over widths, smoothed over ±2 cells (a line of CJK plus one narrow mark differs by one).
        var modal = 0, best = 0
        for w in widths.keys {
            let votes = (w - 2...w + 2).reduce(0) { $0 + (widths[$1] ?? 0) }
            if votes > best || (votes == best && w > modal) { best = votes; modal = w }
        }
        let nearModal = nonBlank.filter { $0.width >= modal - 6 && $0.width <= modal + 2 }.count
        let hardWrapped = modal >= 20 && nonBlank.count >= 4 && nearModal * 2 >= nonBlank.count
        let blanks = facts.count - nonBlank.count
        var followedBySingleBlank = 0
        for i in facts.indices where !facts[i].isBlank {
            if i + 2 < facts.count, facts[i + 1].isBlank, !facts[i + 2].isBlank { followedBySingleBlank += 1 }
            else if i + 2 == facts.count, facts[i + 1].isBlank { followedBySingleBlank += 1 }
        }
        let doubleSpaced = nonBlank.count >= 4 && blanks * 100 >= facts.count * 35 && followedBySingleBlank * 10 >= nonBlank.count * 7
        let indented = nonBlank.filter(\.isIndented).count
        let indentMarks = nonBlank.count > 0 && indented * 100 >= nonBlank.count * 3 && indented * 100 <= nonBlank.count * 60
        var repeats: [String: Int] = [:]
        if hardWrapped {
            for f in nonBlank where f.width < modal / 2 && !f.isPageNumber { repeats[f.trimmed(in: text), default: 0] += 1 }
        }
        let headers = Set(repeats.filter { $0.value >= 3 && !HeadingPattern.matches($0.key) }.keys)
        let endings: LineEndings = [lf, crlf, cr].filter { $0 > 0 }.count > 1 ? .mixed
            : crlf > 0 ? .crlf : cr > 0 ? .cr : lf > 0 ? .lf : .none
        return DocumentProfile(modalWidth: modal, isHardWrapped: hardWrapped, isDoubleSpaced: doubleSpaced,
                               indentMarksParagraphs: indentMarks, isSegmented: segmented(text),
                               runningHeaders: headers, lineEndings: endings, sampledLines: facts.count)
    }

    /// `|` makes up at least a tenth of the non-space scalars of the sample.
    static func segmented(_ text: TextSource) -> Bool {
        // Read in place (a copy of the sample was a tenth of the measuring).
        let (bars, other) = text.withScalars(in: 0..<sampleScalars) { sample in
            var bars = 0, other = 0
            for s in sample where !LineFacts.isWhitespace(s) && s != "\n" && s != "\r" {
                if s == "|" { bars += 1 } else { other += 1 }
            }
            return (bars, other)
        }
        return bars >= 20 && bars * 10 >= other + bars
    }
}

/// The two views of a document.
public enum ReadingView: String, Sendable, CaseIterable {
    /// Lines as in the file.
    case original
    /// Hard-wrapped lines joined into paragraphs; page numbers and running headers hidden.
    case reflow
}
