/// Random access to the decoded text of a document, in Unicode scalars.
///
/// Every position in pizhu (reading positions, search hits, annotation anchors, cells on
/// screen) is a scalar offset into this text. Layout asks only for the scalars it needs, so an
/// implementation may keep the text in memory or fetch it lazily from a mapped file.
public protocol TextSource: AnyObject {
    /// Number of scalars in the text.
    var count: Int { get }
    /// The scalar at `offset` (`0 <= offset < count`).
    func scalar(at offset: Int) -> Unicode.Scalar
    /// The scalars in `range`, clamped to the text.
    func scalars(in range: Range<Int>) -> [Unicode.Scalar]
    /// Calls `body` with the scalars in `range` (clamped to the text), in place where the text
    /// holds them in memory, else decoded into a buffer first (`scalars(in:)`).
    func withScalars<R>(in range: Range<Int>, _ body: (UnsafeBufferPointer<Unicode.Scalar>) throws -> R) rethrows -> R
    /// Offset of the last line terminator (LF, CR or form feed) before `offset` and at or after
    /// `limit`, or nil. The limit keeps a look-up bounded inside one huge line.
    func lastTerminator(before offset: Int, notBefore limit: Int) -> Int?
    /// Offset of the first line terminator at or after `offset` and before `limit`, or nil.
    /// The limit keeps a look-up bounded on a file that is one huge line.
    func firstTerminator(from offset: Int, before limit: Int) -> Int?
    /// True if `offset` is a scalar of the text (0 ≤ offset < count). A large file answers this
    /// for offsets near its start before it has been counted to its end; `count` may wait.
    func contains(_ offset: Int) -> Bool
    /// `count`, or nil while it is still being established.
    var knownCount: Int? { get }
    /// While `knownCount` is nil, the text's last `maxBytes` or so decoded on their own, from
    /// a line start, with offsets of their own: the end can be shown before it is counted
    /// (`G`). Nil if the text is counted, or cannot do that.
    func uncountedEnd(maxBytes: Int) -> TextSource?
}

/// LF, CR and form feed end lines.
@inline(__always) public func isLineTerminator(_ s: Unicode.Scalar) -> Bool { s == "\n" || s == "\r" || s == "\u{0C}" }

extension TextSource {
    /// Offset of the first line terminator at or after `offset`, or nil.
    public func firstTerminator(from offset: Int) -> Int? { firstTerminator(from: offset, before: Int.max) }
    /// Offset of the last line terminator before `offset`, or nil.
    public func lastTerminator(before offset: Int) -> Int? { lastTerminator(before: offset, notBefore: 0) }
    public func contains(_ offset: Int) -> Bool { offset >= 0 && offset < count }
    public var knownCount: Int? { count }
    public func uncountedEnd(maxBytes: Int) -> TextSource? { nil }
    public func withScalars<R>(in range: Range<Int>, _ body: (UnsafeBufferPointer<Unicode.Scalar>) throws -> R) rethrows -> R {
        try scalars(in: range).withUnsafeBufferPointer(body)
    }
    /// True if the text has no scalars.
    public var isEmpty: Bool { !contains(0) }
    /// `offset` if it is in the text, else the last offset (0 for an empty text).
    public func clampedOffset(_ offset: Int) -> Int { contains(offset) ? max(0, offset) : max(0, count - 1) }

    /// The text in `range` as a Swift string (for tests, quotes and search).
    public func string(in range: Range<Int>) -> String {
        withScalars(in: range, String.init(scalars:))
    }
}

/// A document's text held in memory as an array of scalars.
public final class ScalarText: TextSource {
    public let storage: [Unicode.Scalar]

    public init(_ scalars: [Unicode.Scalar]) { storage = scalars }
    public convenience init(_ string: String) { self.init(Array(string.unicodeScalars)) }

    public var count: Int { storage.count }
    public func scalar(at offset: Int) -> Unicode.Scalar { storage[offset] }
    public func scalars(in range: Range<Int>) -> [Unicode.Scalar] {
        let r = range.clamped(to: 0..<storage.count)
        return Array(storage[r])
    }

    /// In place: no copy of the scalars.
    public func withScalars<R>(in range: Range<Int>, _ body: (UnsafeBufferPointer<Unicode.Scalar>) throws -> R) rethrows -> R {
        let r = range.clamped(to: 0..<storage.count)
        return try storage.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[r])) }
    }

    public func lastTerminator(before offset: Int, notBefore limit: Int) -> Int? {
        var i = min(offset, storage.count) - 1
        while i >= max(0, limit) {
            if isLineTerminator(storage[i]) { return i }
            i -= 1
        }
        return nil
    }

    public func firstTerminator(from offset: Int, before limit: Int) -> Int? {
        var i = max(0, offset)
        let end = min(storage.count, limit)
        while i < end {
            if isLineTerminator(storage[i]) { return i }
            i += 1
        }
        return nil
    }
}
