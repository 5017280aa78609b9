/// Approximate matching of a quote near where it is expected, for passages that were edited
/// themselves: the best alignment by edit distance (Sellers' algorithm) in a window around the
/// expected start, scored as the Hypothesis client scores candidates, and accepted only above
/// the thresholds in `FuzzyAcceptance`.
struct FuzzyMatcher {
    let text: [Unicode.Scalar]

    /// Scalars searched on each side of the expected place (at least; longer quotes search more).
    static let window = 2_000
    /// Quotes longer than this are not matched approximately (the cost grows with length × window).
    static let longestQuote = 2_000

    func match(quote: [Unicode.Scalar], prefix: [Unicode.Scalar], suffix: [Unicode.Scalar], expectedStart: Int) -> AnchorMatch? {
        guard !quote.isEmpty, quote.count <= Self.longestQuote, !text.isEmpty else { return nil }
        let reach = max(Self.window, 4 * quote.count)
        let lo = max(0, min(text.count, expectedStart) - reach)
        let hi = min(text.count, max(0, expectedStart) + quote.count + reach)
        guard lo < hi, let best = bestAlignment(quote, in: lo..<hi, expected: expectedStart) else { return nil }
        let quoteSimilarity = 1 - Double(best.errors) / Double(quote.count)
        let prefixSimilarity = similarity(prefix, Array(text[max(0, best.range.lowerBound - prefix.count)..<best.range.lowerBound]))
        let suffixSimilarity = similarity(suffix, Array(text[best.range.upperBound..<min(text.count, best.range.upperBound + suffix.count)]))
        let proximity = 1 - Double(abs(best.range.lowerBound - expectedStart)) / Double(max(1, text.count))
        let score = (50 * quoteSimilarity + 20 * prefixSimilarity + 20 * suffixSimilarity + 2 * proximity) / 92
        guard FuzzyAcceptance.accepts(score: score, quote: quoteSimilarity, prefix: prefixSimilarity,
                                      suffix: suffixSimilarity, quoteLength: quote.count) else { return nil }
        return AnchorMatch(range: best.range, status: .fuzzy, score: score)
    }

    /// The substring of `window` with the fewest edits from `pattern` (ties: nearest the expected start).
    func bestAlignment(_ pattern: [Unicode.Scalar], in window: Range<Int>, expected: Int) -> (range: Range<Int>, errors: Int)? {
        let m = pattern.count
        // Column j of the table: cost of the best alignment of pattern[..<i] ending at text j, and where it starts.
        var prevCost = (0...m).map { Int32($0) }, prevStart = [Int32](repeating: Int32(window.lowerBound), count: m + 1)
        var curCost = prevCost, curStart = prevStart
        var best: (range: Range<Int>, errors: Int)?
        pattern.withUnsafeBufferPointer { p in
            for j in window {
                let ch = text[j]
                curCost[0] = 0
                curStart[0] = Int32(j + 1)
                for i in 1...m {
                    var c = prevCost[i - 1] + (p[i - 1] == ch ? 0 : 1), s = prevStart[i - 1]
                    if curCost[i - 1] + 1 < c { c = curCost[i - 1] + 1; s = curStart[i - 1] }
                    if prevCost[i] + 1 < c { c = prevCost[i] + 1; s = prevStart[i] }
                    curCost[i] = c
                    curStart[i] = s
                }
                let errors = Int(curCost[m])
                let range = Int(curStart[m])..<(j + 1)
                if best == nil || errors < best!.errors
                    || (errors == best!.errors && abs(range.lowerBound - expected) < abs(best!.range.lowerBound - expected)) {
                    best = (range, errors)
                }
                swap(&prevCost, &curCost)
                swap(&prevStart, &curStart)
            }
        }
        return best
    }

    /// 1 − edit distance / the longer length (1 for two empty strings).
    func similarity(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
        let n = max(a.count, b.count)
        guard n > 0 else { return 1 }
        return 1 - Double(EditDistance.levenshtein(a, b)) / Double(n)
    }
}
