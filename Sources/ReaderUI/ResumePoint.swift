import TextCore

/// Where to reopen a document: the offset of the top row and the text that was there, the
/// cursor, and the view. The quote finds the place again after an edit above it; offsets are
/// independent of the window width.
public struct ResumePoint: Equatable, Sendable {
    public var position: Int
    public var quote: String
    public var cursor: Int
    public var view: ReadingView?

    public init(position: Int, quote: String, cursor: Int, view: ReadingView? = nil) {
        self.position = position
        self.quote = quote
        self.cursor = cursor
        self.view = view
    }

    /// Scalars of text kept as the quote.
    public static let quoteLength = 24

    /// The quote for `offset` in `text`.
    public static func quote(at offset: Int, in text: TextSource) -> String {
        text.string(in: offset..<offset + quoteLength)
    }

    /// Where the quote is now: at the stored offset if it still reads the same, else its nearest
    /// occurrence within a window around it (the whole of a small text), else the offset itself.
    public static func locate(_ quote: String, near offset: Int, in text: TextSource) -> Int {
        let q = Array(quote.unicodeScalars)
        guard !q.isEmpty else { return text.clampedOffset(offset) }
        if text.contains(offset), text.scalars(in: offset..<offset + q.count) == q { return offset }
        let window = 1 << 20
        let lo = max(0, offset - window), hi = offset + window
        let slice = text.scalars(in: lo..<hi)
        var best: Int?
        if slice.count >= q.count {
            var i = 0
            while i + q.count <= slice.count {
                if slice[i] == q[0] && Array(slice[i..<i + q.count]) == q {
                    let at = lo + i
                    if best == nil || abs(at - offset) < abs(best! - offset) { best = at }
                }
                i += 1
            }
        }
        return best ?? text.clampedOffset(offset)
    }
}
