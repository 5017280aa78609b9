/// Finds annotation targets again in a document's current text, by the ladder of the
/// anchoring notes: stored position with a quote check → the position shifted as the
/// annotations before it moved → exact quote search ranked by context and distance → fuzzy
/// match near the expected place, accepted only above `FuzzyAcceptance` → orphan.
public struct Anchorer {
    public let text: [Unicode.Scalar]

    public init(text: [Unicode.Scalar]) { self.text = text }

    /// Quotes shorter than this need their context to agree before a match is accepted
    /// (2–4-hanzi terms recur often in one document).
    public static let shortQuote = 6
    /// Exact occurrences considered at most (a quote of one common character).
    static let candidateLimit = 100_000

    /// Re-anchors every live annotation in place: positions, context and status. Annotations
    /// still valid keep their targets; orphans keep the stored ones.
    public func reanchor(_ annotations: inout [Annotation]) {
        let order = annotations.indices.filter { !annotations[$0].deleted && annotations[$0].target != nil }
            .sorted { annotations[$0].target!.start < annotations[$1].target!.start }
        var delta = 0
        for i in order {
            let target = annotations[i].target!
            let match = locate(target, expectedStart: target.start + delta)
            var anchor = annotations[i].anchor
            if let match {
                if match.range != target.start..<target.end || match.status != .anchored {
                    annotations[i].target = TextTarget(range: match.range, in: text)
                }
                if match.status == .fuzzy, anchor.originalExact == nil { anchor.originalExact = target.exact }
                // A fuzzy match stays under review until someone confirms it (clears originalExact).
                anchor.status = anchor.originalExact != nil && match.status != .ambiguous ? .fuzzy : match.status
                anchor.score = match.score
                // Later annotations are expected to have moved as this one did (an ambiguous match
                // is the candidate nearest the expected place, so it carries the shift too).
                if match.status != .fuzzy { delta = match.range.lowerBound - target.start }
            } else {
                anchor.status = .orphan
                anchor.score = 0
            }
            annotations[i].anchor = anchor
        }
    }

    /// Where `target` is in the text now, or nil for an orphan.
    public func locate(_ target: TextTarget, expectedStart: Int) -> AnchorMatch? {
        let quote = Array(target.exact.unicodeScalars)
        let prefix = Array(target.prefix.unicodeScalars)
        let suffix = Array(target.suffix.unicodeScalars)
        guard !quote.isEmpty else {
            return target.start <= text.count ? AnchorMatch(range: target.start..<target.start, status: .anchored, score: 1) : nil
        }
        if matches(quote, at: target.start) {
            return AnchorMatch(range: target.start..<target.start + quote.count, status: .anchored, score: 1)
        }
        if expectedStart != target.start, matches(quote, at: expectedStart),
           context(prefix, suffix, at: expectedStart, length: quote.count).agrees {
            return AnchorMatch(range: expectedStart..<expectedStart + quote.count, status: .moved, score: 1)
        }
        if let exact = exactSearch(quote, prefix, suffix, originalStart: target.start, expected: expectedStart) { return exact }
        return FuzzyMatcher(text: text).match(quote: quote, prefix: prefix, suffix: suffix, expectedStart: expectedStart)
    }

    /// Every occurrence of the quote, ranked by how well the context agrees, then by distance.
    func exactSearch(_ quote: [Unicode.Scalar], _ prefix: [Unicode.Scalar], _ suffix: [Unicode.Scalar],
                     originalStart: Int, expected: Int) -> AnchorMatch? {
        let hits = occurrences(of: quote)
        guard !hits.isEmpty else { return nil }
        var best: (start: Int, agreement: Double, distance: Int)?
        var tied = false
        for start in hits {
            let c = context(prefix, suffix, at: start, length: quote.count)
            if quote.count < Self.shortQuote && !c.agrees && hits.count > 1 { continue }
            let distance = abs(start - expected)
            if let b = best {
                if c.agreement > b.agreement + 1e-9 {
                    best = (start, c.agreement, distance); tied = false
                } else if abs(c.agreement - b.agreement) <= 1e-9 {
                    tied = true
                    if distance < b.distance { best = (start, c.agreement, distance) }
                }
            } else {
                best = (start, c.agreement, distance)
            }
        }
        guard let b = best else { return nil }
        if quote.count < Self.shortQuote && !context(prefix, suffix, at: b.start, length: quote.count).agrees { return nil }
        let status: AnchorStatus = tied ? .ambiguous : (b.start == originalStart ? .anchored : .moved)
        return AnchorMatch(range: b.start..<b.start + quote.count, status: status, score: 1)
    }

    func matches(_ quote: [Unicode.Scalar], at start: Int) -> Bool {
        guard start >= 0, start + quote.count <= text.count else { return false }
        return text.withUnsafeBufferPointer { t in
            quote.withUnsafeBufferPointer { q in
                for i in 0..<q.count where t[start + i] != q[i] { return false }
                return true
            }
        }
    }

    public func occurrences(of quote: [Unicode.Scalar]) -> [Int] {
        guard quote.count <= text.count else { return [] }
        var hits: [Int] = []
        text.withUnsafeBufferPointer { t in
            quote.withUnsafeBufferPointer { q in
                let first = q[0]
                let last = t.count - q.count
                var i = 0
                outer: while i <= last {
                    if t[i] == first {
                        var k = 1
                        while k < q.count {
                            if t[i + k] != q[k] { i += 1; continue outer }
                            k += 1
                        }
                        hits.append(i)
                        if hits.count >= Self.candidateLimit { return }
                    }
                    i += 1
                }
            }
        }
        return hits
    }

    /// How much of the stored prefix ends right before `start`, and of the suffix starts
    /// right after the passage, each as a fraction of its length.
    func context(_ prefix: [Unicode.Scalar], _ suffix: [Unicode.Scalar], at start: Int, length: Int) -> ContextAgreement {
        var before = 0
        while before < prefix.count, start - 1 - before >= 0, text[start - 1 - before] == prefix[prefix.count - 1 - before] { before += 1 }
        var after = 0
        let end = start + length
        while after < suffix.count, end + after < text.count, text[end + after] == suffix[after] { after += 1 }
        let p = prefix.isEmpty ? (start == 0 ? 1 : 0) : Double(before) / Double(prefix.count)
        let s = suffix.isEmpty ? (end == text.count ? 1 : 0) : Double(after) / Double(suffix.count)
        return ContextAgreement(prefix: p, suffix: s)
    }
}

/// How well the text around a candidate agrees with a target's stored context.
struct ContextAgreement {
    var prefix: Double
    var suffix: Double
    var agreement: Double { prefix + suffix }
    /// At least half of one side matches.
    var agrees: Bool { prefix >= 0.5 || suffix >= 0.5 }
}
