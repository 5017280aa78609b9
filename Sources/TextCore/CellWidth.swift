import CWidthTable

/// How East Asian Width class A (ambiguous) characters such as “ ” … — · are counted.
///
/// `narrow` is what glibc `wcwidth`, ncurses and tmux use; `wide` matches terminals set to
/// "treat ambiguous as double width".
public enum AmbiguousWidth: String, Sendable, CaseIterable {
    case narrow, wide
}

/// Terminal cell widths of Unicode scalars, as ncursesw will draw them.
///
/// ncursesw measures with glibc `wcwidth`, so the layout must too, or ncurses' cursor
/// bookkeeping and our rows disagree. The answers come from glibc itself under a private
/// `C.UTF-8` locale (CWidthTable, 256 code points at a time as they are first needed), so they
/// hold whatever locale the process runs in.
public enum CellWidth {
    /// glibc's `wcwidth`: 0, 1 or 2, or -1 for a scalar that is not printable (controls,
    /// unassigned code points, noncharacters).
    public static func glibc(_ value: UInt32) -> Int {
        // CJK Unified Ideographs assigned since Unicode 1.1 (most of a Chinese text): wide in
        // every glibc, so their 82 pages of the table need not be filled (about a third of
        // the measuring for a large file's first screen).
        if value >= cjkWide.lowerBound && value <= cjkWide.upperBound { return 2 }
        if value < 0x40000 {
            let width = cwt_width(value)
            return width == -2 ? fallbackWidth(value) : Int(width)
        }
        if (0xE0000...0xE0FFF).contains(value) {
            return value == 0xE0001 || (0xE0020...0xE007F).contains(value) || (0xE0100...0xE01EF).contains(value) ? 0 : -1
        }
        if (0xF0000...0xFFFFD).contains(value) || (0x100000...0x10FFFD).contains(value) { return 1 }
        return -1
    }

    /// Code points `glibc` answers 2 for without asking glibc (a test checks glibc agrees).
    static let cjkWide: ClosedRange<UInt32> = 0x4E00...0x9FA5

    /// The width of a scalar under an ambiguous-width policy; -1 if it is not printable.
    public static func of(_ scalar: Unicode.Scalar, ambiguous: AmbiguousWidth) -> Int {
        let w = glibc(scalar.value)
        if w == 1 && ambiguous == .wide && isAmbiguous(scalar) { return 2 }
        return w
    }

    /// True for East Asian Width class A.
    public static func isAmbiguous(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0xA1 { return false }
        var lo = 0, hi = ambiguousWidthRanges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = ambiguousWidthRanges[mid]
            if v < r.lowerBound { hi = mid - 1 } else if v > r.upperBound { lo = mid + 1 } else { return true }
        }
        return false
    }

    /// Used only when no UTF-8 locale exists at all: a coarse East-Asian-wide estimate.
    private static func fallbackWidth(_ v: UInt32) -> Int {
        guard let s = Unicode.Scalar(v) else { return -1 }
        switch s.properties.generalCategory {
        case .control, .unassigned, .surrogate: return -1
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        let wide: [ClosedRange<UInt32>] = [0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
                                           0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
                                           0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
                                           0x1F900...0x1F9FF, 0x20000...0x3FFFD]
        return wide.contains { $0.contains(v) } ? 2 : 1
    }
}

extension CellWidth {
    /// Cells a string takes on one line (sum over its scalars; non-printables count 0).
    public static func displayWidth(_ string: String, ambiguous: AmbiguousWidth = .narrow) -> Int {
        string.unicodeScalars.reduce(0) { $0 + max(0, of($1, ambiguous: ambiguous)) }
    }
}
