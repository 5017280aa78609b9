import AnnotationCore
import TextCore

/// A decoded document handed to the reader by its host.
public struct ReaderDocument {
    public var name: String
    public var path: String
    public var encoding: String
    public var text: TextSource
    /// Invalid byte sequences the decoder replaced, reported in the status line.
    public var invalidSequences: Int
    /// The document's views (original and reflow) and the profile that chose between them.
    public let views: DocumentViews
    /// The document's annotations and sidecar; nil when it cannot be annotated.
    public var annotations: AnnotatedDocument?
    /// Why it cannot be annotated (a corrupt sidecar, a file too large), shown when someone tries.
    public var annotationProblem: String?
    /// A file read on demand whose annotations are read only when first needed (they hold the
    /// whole text in memory): the first command that needs them asks the host with
    /// `Effect.loadAnnotations`. False again once the host has attached them or said why not.
    public var annotationsOnDemand = false

    public init(name: String, path: String, encoding: String, text: TextSource, invalidSequences: Int = 0) {
        self.name = name
        self.path = path
        self.encoding = encoding
        self.text = text
        self.invalidSequences = invalidSequences
        views = DocumentViews(text: text)
    }
}
