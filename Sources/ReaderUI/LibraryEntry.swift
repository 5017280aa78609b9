/// A document listed in the library pane, with what the document store remembers of it.
public struct LibraryEntry: Equatable, Sendable {
    public var name: String
    public var path: String
    public var sizeBytes: Int
    /// First heading or line, once the document has been opened (else empty: the name is shown).
    public var title: String
    public var encoding: String
    /// Percent read, nil if never opened.
    public var progress: Int?
    /// Unix time of the last reading in milliseconds, 0 if never.
    public var lastRead: Int
    public var annotationCount: Int

    public init(name: String, path: String, sizeBytes: Int, title: String = "", encoding: String = "", progress: Int? = nil,
                lastRead: Int = 0, annotationCount: Int = 0) {
        self.name = name
        self.path = path
        self.sizeBytes = sizeBytes
        self.title = title
        self.encoding = encoding
        self.progress = progress
        self.lastRead = lastRead
        self.annotationCount = annotationCount
    }
}

/// How the library is ordered (`s` in the library cycles through them).
public enum LibraryOrder: String, CaseIterable, Sendable {
    case name, recent, progress

    var next: LibraryOrder { Self.allCases[(Self.allCases.firstIndex(of: self)! + 1) % Self.allCases.count] }

    func sorted(_ entries: [LibraryEntry]) -> [LibraryEntry] {
        switch self {
        case .name: return entries.sorted { $0.name < $1.name }
        case .recent: return entries.sorted { ($0.lastRead, $1.name) > ($1.lastRead, $0.name) }
        case .progress: return entries.sorted { ($0.progress ?? -1, $1.name) > ($1.progress ?? -1, $0.name) }
        }
    }
}
