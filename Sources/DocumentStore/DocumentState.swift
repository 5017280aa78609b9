/// What pizhu remembers about one document for one user.
public struct DocumentState: Equatable, Sendable {
    /// Row id in the store (0 for a document not stored yet).
    public var id: Int
    /// Absolute path where it was last opened.
    public var path: String
    /// SHA-256 of its bytes when last opened (empty when not hashed, as for huge files).
    public var sha256: String
    public var sizeBytes: Int
    public var title: String
    public var encoding: String
    /// The `--encoding` the user chose for it, if any.
    public var encodingOverride: String?
    /// `original` or `reflow`, when the user switched views.
    public var view: String?
    /// Source offset of the top row, and the text there (to find the place again after edits).
    public var position: Int
    public var positionQuote: String
    /// Source offset of the reading cursor.
    public var cursor: Int
    /// Percent read (the end of the last row seen).
    public var progress: Int
    /// Unix time of the last opening, in milliseconds.
    public var lastOpened: Int
    public var annotationCount: Int
    /// Layout settings chosen for this document with `:set` (`LayoutSettings.text`), if any.
    public var settings: String?

    public init(id: Int = 0, path: String, sha256: String = "", sizeBytes: Int = 0, title: String = "", encoding: String = "",
                encodingOverride: String? = nil, view: String? = nil, position: Int = 0, positionQuote: String = "",
                cursor: Int = 0, progress: Int = 0, lastOpened: Int = 0, annotationCount: Int = 0, settings: String? = nil) {
        self.id = id
        self.path = path
        self.sha256 = sha256
        self.sizeBytes = sizeBytes
        self.title = title
        self.encoding = encoding
        self.encodingOverride = encodingOverride
        self.view = view
        self.position = position
        self.positionQuote = positionQuote
        self.cursor = cursor
        self.progress = progress
        self.lastOpened = lastOpened
        self.annotationCount = annotationCount
        self.settings = settings
    }
}

/// A place marked with `m` and a letter.
public struct Mark: Equatable, Sendable {
    public var letter: String
    public var position: Int
    public var quote: String

    public init(letter: String, position: Int, quote: String) {
        self.letter = letter
        self.position = position
        self.quote = quote
    }
}

/// One entry of the jump list (Ctrl-O / Ctrl-I), across documents.
public struct Jump: Equatable, Sendable {
    public var path: String
    public var position: Int

    public init(path: String, position: Int) {
        self.path = path
        self.position = position
    }
}
