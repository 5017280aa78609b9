/// When an approximate match is good enough to attach an annotation (and be shown for review)
/// rather than leave it an orphan. Wrong attachments are worse than orphans (hypothesis/h#2798).
public enum FuzzyAcceptance {
    /// Minimum weighted score (50 quote + 20 prefix + 20 suffix + 2 proximity, over 92).
    public static let minimumScore = 0.75
    /// Minimum similarity of the quote itself.
    public static let minimumQuoteSimilarity = 0.7
    /// Quotes shorter than `Anchorer.shortQuote` also need one side of their context this similar.
    public static let minimumShortQuoteContext = 0.8

    public static func accepts(score: Double, quote: Double, prefix: Double, suffix: Double, quoteLength: Int) -> Bool {
        guard score >= minimumScore, quote >= minimumQuoteSimilarity else { return false }
        if quoteLength < Anchorer.shortQuote { return max(prefix, suffix) >= minimumShortQuoteContext }
        return true
    }
}
