/// Where an annotation sits: scalar offsets into the decoded text (0-based, end-exclusive)
/// and the quote selector that finds the passage again when the offsets go stale.
///
/// The quote is the truth and the position a hint, as in the W3C Web Annotation model.
public struct TextTarget: Equatable, Sendable {
    public var start: Int
    public var end: Int
    /// The passage itself.
    public var exact: String
    /// Up to `contextLength` scalars before and after the passage.
    public var prefix: String
    public var suffix: String

    /// Scalars of context kept on each side.
    public static let contextLength = 32

    public init(start: Int, end: Int, exact: String, prefix: String, suffix: String) {
        self.start = start
        self.end = end
        self.exact = exact
        self.prefix = prefix
        self.suffix = suffix
    }

    /// The target of `range` in `text`, with its quote and context read from the text.
    public init(range: Range<Int>, in text: [Unicode.Scalar]) {
        let r = range.clamped(to: 0..<text.count)
        start = r.lowerBound
        end = r.upperBound
        exact = Self.string(text[r])
        prefix = Self.string(text[max(0, r.lowerBound - Self.contextLength)..<r.lowerBound])
        suffix = Self.string(text[r.upperBound..<min(text.count, r.upperBound + Self.contextLength)])
    }

    public static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
