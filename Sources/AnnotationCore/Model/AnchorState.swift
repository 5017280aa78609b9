/// How well an annotation's target was found in the current text.
public enum AnchorStatus: String, Sendable, CaseIterable {
    /// At its stored position, quote verified.
    case anchored
    /// The exact quote, found somewhere else (the text changed before it).
    case moved
    /// Several places match equally well; the nearest was taken. Needs review.
    case ambiguous
    /// An approximate match above the acceptance threshold. Needs review.
    case fuzzy
    /// Not found. Kept and listed, never deleted; can be re-attached.
    case orphan

    /// Statuses a user should look at.
    public var needsReview: Bool { self == .fuzzy || self == .ambiguous || self == .orphan }
}

/// The result of the last anchoring of an annotation, as stored in the sidecar.
public struct AnchorState: Equatable, Sendable {
    public var status: AnchorStatus
    /// 1 for an exact match; the fuzzy score otherwise; 0 for an orphan.
    public var score: Double
    /// The quote as first stored, when a fuzzy match replaced it.
    public var originalExact: String?

    public init(status: AnchorStatus = .anchored, score: Double = 1, originalExact: String? = nil) {
        self.status = status
        self.score = score
        self.originalExact = originalExact
    }
}
