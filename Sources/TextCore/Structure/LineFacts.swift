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
    /// The line without surrounding whitespace (capped at 200 scalars; for patterns and headers).
    var trimmed: String

    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\u{3000}" || s == "\u{A0}" || s == "\u{FEFF}" || s == "\u{0B}"
    }

    init(_ line: LineIndex.Line, text: TextSource) {
        self.line = line
        var first: Int?
        var last: Int?
        var width = 0
        var o = line.start
        // Long lines: look at both ends only; their width is certainly "long".
        let cap = 4096
        let head = min(line.contentEnd, line.start + cap)
        let scalars = text.scalars(in: line.start..<head)
        while o < head {
            let s = scalars[o - line.start]
            if !Self.isWhitespace(s) {
                if first == nil { first = o }
                last = o
            }
            width += max(0, CellWidth.glibc(s.value))
            o += 1
        }
        if line.contentEnd > head {
            width += (line.contentEnd - head) * 2
            var e = line.contentEnd - 1
            while e >= head && Self.isWhitespace(text.scalar(at: e)) { e -= 1 }
            if e >= head { last = e }
            if first == nil && e >= head { first = head }
        } else if let l = last {
            // Trailing whitespace does not count.
            var trailing = 0
            for k in (l + 1)..<max(l + 1, line.contentEnd) { trailing += max(0, CellWidth.glibc(scalars[k - line.start].value)) }
            width -= trailing
        }
        firstSignificant = first
        lastSignificant = last
        isBlank = first == nil
        isIndented = !isBlank && line.start < line.contentEnd && Self.isWhitespace(text.scalar(at: line.start))
        self.width = isBlank ? 0 : width
        if let f = first, let l = last {
            trimmed = text.string(in: f..<min(l + 1, f + 200))
        } else {
            trimmed = ""
        }
    }

    /// A page-number line: `12`, `- 12 -`, `— 3 —`, `第 5 页`, `3/20`.
    var isPageNumber: Bool {
        // Cheap first: a page number is a short line (the string work below is not).
        guard let f = firstSignificant, let l = lastSignificant, l - f < 24 else { return false }
        let t = trimmed.filter { $0 != " " && $0 != "\u{3000}" }
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
