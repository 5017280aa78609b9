/// Literal search in a file read on demand, in scalar offsets: the bytes are scanned with
/// `ByteSearch` and the hit mapped back, wrapping around the end once.
extension UTF8FileText {
    public enum SearchOutcome: Equatable {
        case found(Range<Int>, wrapped: Bool)
        case notFound
        case cancelled
    }

    /// The first match at or after scalar `from` (backward: the last one before it).
    /// `progress` gets the fraction scanned and returns false to cancel.
    public func search(_ pattern: String, from: Int, backward: Bool = false,
                       progress: (Double) -> Bool = { _ in true }) -> SearchOutcome {
        let bytes = ByteSearch(path: path, pattern: pattern)
        let start = byteOffset(ofScalar: min(max(0, from), max(0, (knownCount ?? from + 1) - 1)))
        var outcome = bytes.find(from: start, backward: backward, lower: self.start, progress: progress)
        var wrapped = false
        if outcome == .notFound {
            wrapped = true
            outcome = backward ? bytes.find(from: byteCount, backward: true, lower: start, progress: progress)
                               : bytes.find(from: self.start, upper: start + bytes.pattern.count, progress: progress)
        }
        switch outcome {
        case .found(let byte):
            let s = scalarOffset(ofByte: byte)
            return .found(s..<s + pattern.unicodeScalars.count, wrapped: wrapped)
        case .notFound: return .notFound
        case .cancelled: return .cancelled
        }
    }
}
