/// What the user searches for: literal text by default, a regular expression when asked,
/// and Latin case folded unless the pattern has a capital letter (smart case).
public struct SearchQuery: Equatable, Sendable {
    public var pattern: String
    public var isRegex: Bool
    public var foldsCase: Bool

    public init(pattern: String, isRegex: Bool = false, foldsCase: Bool? = nil) {
        self.pattern = pattern
        self.isRegex = isRegex
        self.foldsCase = foldsCase ?? !pattern.unicodeScalars.contains { $0.properties.isUppercase }
    }

    /// A query as typed at the `/` prompt: a leading `\r ` (or `re:`) makes it a regular expression.
    public static func parse(_ typed: String) -> SearchQuery {
        for prefix in ["\\r ", "re:"] where typed.hasPrefix(prefix) {
            return SearchQuery(pattern: String(typed.dropFirst(prefix.count)), isRegex: true)
        }
        return SearchQuery(pattern: typed)
    }
}
