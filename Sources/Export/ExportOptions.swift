import AnnotationCore

/// What to export and how: filters (parent tags include their children), grouping, context.
public struct ExportOptions: Sendable {
    public enum Grouping: String, Sendable, CaseIterable { case tag, document, position }

    public var tags: [String] = []
    public var color: String?
    public var author: String?
    public var includeOrphans = false
    public var groupBy: Grouping = .position
    /// Scalars of surrounding text shown with each passage.
    public var context = 20
    /// CSV: one row per annotation instead of one per annotation × tag.
    public var oneRowPerAnnotation = false
    /// HTML: append each document's whole text with the annotations highlighted in place.
    public var fullText = false
    /// Add the export time (otherwise the same input always gives the same bytes).
    public var stamp: String?

    public init() {}

    /// True if an annotation passes the filters.
    public func accepts(_ a: Annotation) -> Bool {
        if !includeOrphans && a.anchor.status == .orphan { return false }
        if !tags.isEmpty && !tags.contains(where: { a.hasTag(under: $0) }) { return false }
        if let color, a.color != color { return false }
        if let author, a.creator != author && a.modifiedBy != author { return false }
        return true
    }

    /// The filter in words, for the headers of the reports.
    public var filterDescription: String {
        var parts: [String] = []
        if !tags.isEmpty { parts.append("tags " + tags.joined(separator: ", ")) }
        if let color { parts.append("colour \(color)") }
        if let author { parts.append("author \(author)") }
        if includeOrphans { parts.append("orphans included") }
        return parts.isEmpty ? "none" : parts.joined(separator: "; ")
    }
}
