/// A place in the jump list: a document and an offset in it.
public struct JumpPlace: Equatable, Sendable {
    public var path: String
    public var offset: Int

    public init(path: String, offset: Int) {
        self.path = path
        self.offset = offset
    }
}
