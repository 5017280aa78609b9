/// Where a row sits in a document layout: the block that holds it and its index there.
///
/// A block is a hard line of the source, or a slice of at most `OriginalStructure.maxBlockLength`
/// scalars of a very long one, so that no single layout step depends on the document's size.
public struct RowPosition: Hashable, Sendable {
    public var blockStart: Int
    public var index: Int

    public init(blockStart: Int, index: Int) {
        self.blockStart = blockStart
        self.index = index
    }
}
