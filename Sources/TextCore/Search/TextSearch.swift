/// Finds every match of a query in a view's logical text, as source ranges in text order.
///
/// Literal search compares scalars (case-folded for Latin when the query says so); regular
/// expressions use Swift Regex over the same text. Both stop at `limit` matches.
public enum TextSearch {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case badRegex(String)
        public var description: String {
            switch self { case .badRegex(let why): return "not a valid regular expression: \(why)" }
        }
    }

    public static let limit = 1_000_000

    public static func matches(_ query: SearchQuery, in view: ViewText) throws -> [Range<Int>] {
        guard !query.pattern.isEmpty else { return [] }
        let logical = query.isRegex ? try regexMatches(query, view.scalars) : literalMatches(query, view.scalars)
        return logical.map(view.sourceRange)
    }

    /// Simple case folding: the single-scalar lowercase of letters (Latin, Greek, Cyrillic, full-width).
    @inline(__always) static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.value < 0x80 { return s.value >= 0x41 && s.value <= 0x5A ? Unicode.Scalar(s.value + 0x20)! : s }
        // CJK, kana, hangul and everything above the BMP's letters have no case: skip the property lookup.
        if s.value >= 0x2E80 && (s.value < 0xFF00 || s.value > 0xFFEF) { return s }
        guard s.properties.isUppercase else { return s }
        let lower = s.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first! : s
    }

    static func literalMatches(_ query: SearchQuery, _ text: [Unicode.Scalar]) -> [Range<Int>] {
        var pattern = Array(query.pattern.unicodeScalars)
        if query.foldsCase { pattern = pattern.map(fold) }
        let m = pattern.count
        guard m <= text.count else { return [] }
        var out: [Range<Int>] = []
        text.withUnsafeBufferPointer { t in
            pattern.withUnsafeBufferPointer { p in
                let first = p[0]
                var i = 0
                let last = t.count - m
                while i <= last {
                    let c = query.foldsCase ? fold(t[i]) : t[i]
                    if c == first {
                        var k = 1
                        while k < m && (query.foldsCase ? fold(t[i + k]) : t[i + k]) == p[k] { k += 1 }
                        if k == m {
                            out.append(i..<i + m)
                            if out.count >= limit { return }
                            i += m
                            continue
                        }
                    }
                    i += 1
                }
            }
        }
        return out
    }

    /// Throws if a regular-expression query does not compile (checked before a long search).
    public static func validate(_ query: SearchQuery) throws {
        guard query.isRegex else { return }
        do { _ = try Regex(query.pattern) } catch { throw Failure.badRegex("\(error)") }
    }

    static func regexMatches(_ query: SearchQuery, _ text: [Unicode.Scalar]) throws -> [Range<Int>] {
        var regex: Regex<AnyRegexOutput>
        do { regex = try Regex(query.pattern) } catch { throw Failure.badRegex("\(error)") }
        if query.foldsCase { regex = regex.ignoresCase() }
        regex = regex.matchingSemantics(.unicodeScalar)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: text)
        let string = String(view)
        var out: [Range<Int>] = []
        // Walk the scalar view alongside the matches to turn String indices into scalar offsets.
        var index = string.unicodeScalars.startIndex
        var offset = 0
        func advance(to target: String.Index) {
            while index < target { string.unicodeScalars.formIndex(after: &index); offset += 1 }
        }
        for match in string.matches(of: regex) {
            advance(to: match.range.lowerBound)
            let start = offset
            advance(to: match.range.upperBound)
            if offset > start { out.append(start..<offset) }
            if out.count >= limit { break }
        }
        return out
    }
}
