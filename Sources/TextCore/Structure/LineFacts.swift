/// What reflow needs to know about one hard line.
struct LineFacts: Equatable {
    var line: LineIndex.Line
    /// Only whitespace (or nothing).
    var isBlank: Bool
    /// Display width in cells, trailing whitespace excluded, leading indentation included.
    var width: Int
    /// Starts with a space, a tab or U+3000.
    var isIndented: Bool
    /// Offsets of the first and last scalars that are not whitespace (nil if blank).
    var firstSignificant: Int?
    var lastSignificant: Int?
    /// A page-number line: `12`, `- 12 -`, `— 3 —`, `第 5 页`, `3/20` (decided once: reflow
    /// asks it of a line each time it walks past it).
    var isPageNumber: Bool

    private static let pageNumberMarks = Set(" \u{3000}-—–/第页".unicodeScalars)

    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\u{3000}" || s == "\u{A0}" || s == "\u{FEFF}" || s == "\u{0B}"
    }

    /// Long lines: only both ends are looked at; their width is certainly "long".
    static let headCap = 4096

    init(_ line: LineIndex.Line, text: TextSource) {
        let head = min(line.contentEnd, line.start + Self.headCap)
        self = text.withScalars(in: line.start..<head) { LineFacts(line, head: $0, text: text) }
    }

    /// `head`: the line's first scalars (all of them, up to `headCap`).
    private init(_ line: LineIndex.Line, head scalars: UnsafeBufferPointer<Unicode.Scalar>, text: TextSource) {
        self.line = line
        var first: Int?
        var last: Int?
        var width = 0
        let head = line.start + scalars.count
        for (i, s) in scalars.enumerated() {
            if !Self.isWhitespace(s) {
                if first == nil { first = line.start + i }
                last = line.start + i
            }
            width += max(0, CellWidth.glibc(s.value))
        }
        if line.contentEnd > head {
            width += (line.contentEnd - head) * 2
            var e = line.contentEnd - 1
            while e >= head && Self.isWhitespace(text.scalar(at: e)) { e -= 1 }
            if e >= head { last = e }
            if first == nil && e >= head { first = head }
        } else if let l = last {
            // Trailing whitespace does not count.
            for k in (l + 1)..<max(l + 1, line.contentEnd) { width -= max(0, CellWidth.glibc(scalars[k - line.start].value)) }
        }
        firstSignificant = first
        lastSignificant = last
        isBlank = first == nil
        isIndented = !isBlank && line.start < line.contentEnd && Self.isWhitespace(scalars[0])
        self.width = isBlank ? 0 : width
        if let f = first, let l = last, l - f < 24, l < head {
            isPageNumber = Self.isPageNumber(UnsafeBufferPointer(rebasing: scalars[(f - line.start)...(l - line.start)]))
        } else {
            isPageNumber = false
        }
    }

    /// The line without surrounding whitespace, capped at 200 scalars (for patterns and
    /// running headers). Made when asked: most lines are never asked.
    func trimmed(in text: TextSource) -> String {
        guard let f = firstSignificant, let l = lastSignificant else { return "" }
        return text.string(in: f..<min(l + 1, f + 200))
    }

    /// Whether a short line (its `scalars` from the first to the last that is not whitespace) is a page number.
    private static func isPageNumber(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        // Cheap first: only digits, spaces, dashes, / and 第…页 can make one (the string work below is not cheap).
        guard scalars.allSatisfy({ ("0"..."9").contains($0) || pageNumberMarks.contains($0) }) else { return false }
        let t = String(scalars: scalars).filter { $0 != " " && $0 != "\u{3000}" }
        guard !t.isEmpty, t.count <= 12 else { return false }
        let core = t.trimmingPrefixAndSuffix { "-—–".contains($0) }
        if !core.isEmpty && core.allSatisfy(\.isASCIIDigit) && core.count <= 4 { return true }
        if core.hasPrefix("第") && core.hasSuffix("页") && core.dropFirst().dropLast().allSatisfy(\.isASCIIDigit) && core.count > 2 { return true }
        let parts = core.split(separator: "/")
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    func trimmingPrefixAndSuffix(_ drop: (Character) -> Bool) -> String {
        var s = Substring(self)
        while let f = s.first, drop(f) { s = s.dropFirst() }
        while let l = s.last, drop(l) { s = s.dropLast() }
        return String(s)
    }
}
