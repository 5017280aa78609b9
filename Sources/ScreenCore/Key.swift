/// A key press, decoded from the terminal (or parsed from a test's key string).
public enum Key: Hashable, Sendable {
    case char(Character)
    /// Ctrl plus a letter, given in lower case: `.ctrl("d")`.
    case ctrl(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, pageUp, pageDown, home, end
    case function(Int)
    /// The terminal was resized.
    case resize

    /// Parses a key string in the notation of the help screen and tests:
    /// `"jj<C-d>:goto 50%<Enter>"`. Unknown `<…>` names are taken literally.
    public static func parse(_ string: String) -> [Key] {
        var keys: [Key] = []
        var rest = Substring(string)
        while let ch = rest.first {
            if ch == "<", let close = rest.firstIndex(of: ">"), close > rest.index(after: rest.startIndex),
               let key = named(String(rest[rest.index(after: rest.startIndex)..<close])) {
                keys.append(key)
                rest = rest[rest.index(after: close)...]
                continue
            }
            keys.append(.char(ch))
            rest = rest.dropFirst()
        }
        return keys
    }

    private static func named(_ name: String) -> Key? {
        switch name {
        case "Enter", "CR": return .enter
        case "Esc": return .escape
        case "Tab": return .tab
        case "S-Tab": return .backTab
        case "BS": return .backspace
        case "Del": return .delete
        case "Up": return .up
        case "Down": return .down
        case "Left": return .left
        case "Right": return .right
        case "PgUp": return .pageUp
        case "PgDn": return .pageDown
        case "Home": return .home
        case "End": return .end
        case "Space": return .char(" ")
        case "lt": return .char("<")
        default: break
        }
        if name.hasPrefix("C-"), name.count == 3, let c = name.last { return .ctrl(Character(c.lowercased())) }
        if name.hasPrefix("F"), let n = Int(name.dropFirst()), (1...12).contains(n) { return .function(n) }
        return nil
    }

    /// The key in the notation `parse` reads, for the help screen.
    public var notation: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + c.uppercased()
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .function(let n): return "F\(n)"
        case .resize: return "(resize)"
        }
    }
}
