/// 1-based line and column (in scalars) of offsets, for listings and exports. Lines end at
/// LF, CR or CRLF, as in the file; a column counts scalars, not display cells.
public struct LineColumns {
    private var lineStarts: [Int] = [0]

    public init(_ text: [Unicode.Scalar]) {
        var i = 0
        while i < text.count {
            if text[i] == "\n" || (text[i] == "\r" && (i + 1 == text.count || text[i + 1] != "\n")) { lineStarts.append(i + 1) }
            i += 1
        }
    }

    public func position(of offset: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return (lo + 1, offset - lineStarts[lo] + 1)
    }
}
