import AnnotationCore
import TextCore

/// One annotated document prepared for export: its text, its annotations that pass the
/// filters (in text order), and where each sits (line, column, heading, paragraph).
public struct ExportDocument {
    public var path: String
    public var name: String
    public var text: [Unicode.Scalar]
    public var sidecar: Sidecar
    public var items: [ExportItem]
    /// Annotations left out because they are orphans (reported on standard error).
    public var orphansLeftOut: Int

    public init(annotated: AnnotatedDocument, options: ExportOptions) {
        path = annotated.sourcePath
        name = annotated.record.filename
        text = annotated.text
        sidecar = annotated.sidecar
        let live = annotated.annotations
        orphansLeftOut = options.includeOrphans ? 0 : live.filter { $0.anchor.status == .orphan }.count
        let chosen = live.filter(options.accepts)
        let locator = ExportLocator(text: annotated.text)
        items = chosen.map { ExportItem(annotation: $0, location: locator.locate($0.target?.start ?? 0), context: options.context, text: annotated.text) }
    }
}

/// An annotation with what a reviewer needs to find it.
public struct ExportItem {
    public var annotation: Annotation
    public var location: ExportLocation
    /// Up to `context` scalars before and after the passage, in the current text.
    public var before: String
    public var after: String

    init(annotation: Annotation, location: ExportLocation, context: Int, text: [Unicode.Scalar]) {
        self.annotation = annotation
        self.location = location
        let t = annotation.target ?? TextTarget(start: 0, end: 0, exact: "", prefix: "", suffix: "")
        let start = min(t.start, text.count), end = min(max(t.end, start), text.count)
        before = annotation.anchor.status == .orphan ? String(t.prefix.unicodeScalars.suffix(context).map(Character.init))
            : TextTarget.string(text[max(0, start - context)..<start])
        after = annotation.anchor.status == .orphan ? String(t.suffix.unicodeScalars.prefix(context).map(Character.init))
            : TextTarget.string(text[end..<min(text.count, end + context)])
    }

    public var target: TextTarget { annotation.target ?? TextTarget(start: 0, end: 0, exact: "", prefix: "", suffix: "") }
}

/// Line, column, paragraph and heading of an offset.
public struct ExportLocation: Equatable, Sendable {
    public var line: Int
    public var column: Int
    /// 1-based, counting paragraphs of the view that suits the document.
    public var paragraph: Int
    /// The heading the passage falls under, or "" before the first one.
    public var heading: String
}

/// Finds locations in one text (the paragraph starts and headings are computed once).
struct ExportLocator {
    let lines: LineColumns
    let paragraphStarts: [Int]
    let headings: [DocumentOutline.Heading]

    init(text: [Unicode.Scalar]) {
        lines = LineColumns(text)
        let views = DocumentViews(text: ScalarText(text))
        headings = DocumentOutline.headings(of: views)
        let structure = views.structure(views.profile.suggestedView)
        var starts: [Int] = []
        var offset = 0
        while offset < text.count {
            let block = structure.block(containing: offset)
            if block.isParagraphStart && !block.content.isEmpty && block.role == .text
                && text[block.content].contains(where: { !$0.properties.isWhitespace && $0 != "|" }) {
                starts.append(block.content.lowerBound)
            }
            offset = max(block.owned.upperBound, offset + 1)
        }
        paragraphStarts = starts
    }

    func locate(_ offset: Int) -> ExportLocation {
        let (line, column) = lines.position(of: offset)
        let paragraph = max(1, paragraphStarts.lastIndex { $0 <= offset }.map { $0 + 1 } ?? 1)
        let heading = headings.last { $0.offset <= offset }?.title ?? ""
        return ExportLocation(line: line, column: column, paragraph: paragraph, heading: heading)
    }
}
