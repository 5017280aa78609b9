/// Where the anchoring ladder found a target, and how sure it is.
public struct AnchorMatch: Equatable, Sendable {
    public var range: Range<Int>
    public var status: AnchorStatus
    public var score: Double
}
