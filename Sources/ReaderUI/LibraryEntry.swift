/// A document listed in the library pane.
public struct LibraryEntry: Equatable, Sendable {
    public var name: String
    public var path: String
    public var sizeBytes: Int

    public init(name: String, path: String, sizeBytes: Int) {
        self.name = name
        self.path = path
        self.sizeBytes = sizeBytes
    }
}
