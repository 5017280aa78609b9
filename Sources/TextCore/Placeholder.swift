/// Visible stand-ins for characters that must never reach the terminal raw.
///
/// Control characters start escape sequences (ESC, CSI, OSC, DCS) that could clear the
/// screen, set the window title or write the clipboard; format characters (ZWSP, BOM, bidi
/// overrides) are placed wrongly by ncurses. Each is drawn as short ASCII text instead, dimmed
/// by the renderer, and still mapped to its source offset.
public enum Placeholder {
    /// The placeholder text for a scalar, or nil if the scalar may be drawn as itself.
    public static func text(for scalar: Unicode.Scalar) -> String? {
        if isPlainScalar(scalar) { return nil }   // nearly every scalar, first
        let v = scalar.value
        switch v {
        case 0x00..<0x20: return "^" + String(UnicodeScalar(UInt8(v + 0x40)))
        case 0x7F: return "^?"
        case 0x80..<0xA0: return "<" + hex(v, digits: 2) + ">"
        default: break
        }
        if scalar.properties.generalCategory == .format || isInvisible(v) || CellWidth.glibc(v) < 0 {
            return "<" + hex(v, digits: 4) + ">"
        }
        return nil
    }

    /// Zero-width characters that are not Cf but still draw nothing or misplace the cursor.
    private static func isInvisible(_ v: UInt32) -> Bool {
        v == 0x2028 || v == 0x2029 || v == 0x115F || v == 0x1160 || v == 0x3164 || v == 0xFFA0
    }

    private static func hex(_ v: UInt32, digits: Int) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }
}
