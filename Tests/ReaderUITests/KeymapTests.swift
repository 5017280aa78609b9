import ScreenCore
import Testing
@testable import ReaderUI

@Suite("the key map as data")
struct KeymapTests {
    @Test("no key is bound twice in the same pane")
    func noDuplicates() {
        var seen: [String: Command] = [:]
        for binding in Keymap.standard.bindings {
            for key in binding.keys {
                let slot = "\(binding.pane?.rawValue ?? "*") \(key)"
                #expect(seen[slot] == nil, "\(key.notation) bound to both \(seen[slot]!) and \(binding.command)")
                seen[slot] = binding.command
            }
        }
    }

    @Test("every command is reachable from some key and has help")
    func reachable() {
        for command in Command.allCases {
            #expect(Keymap.standard.bindings.contains { $0.command == command }, "\(command) has no key")
            #expect(!command.help.isEmpty)
        }
    }

    @Test("/ and ? search, n and N repeat, as in less and vim")
    func searchKeys() {
        #expect(Keymap.standard.command(for: .char("?"), in: .text) == .searchBackward)
        #expect(Keymap.standard.command(for: .char("/"), in: .text) == .searchForward)
        #expect(Keymap.standard.command(for: .char("n"), in: .text) == .searchNext)
        #expect(Keymap.standard.command(for: .char("N"), in: .text) == .searchPrevious)
    }

    @Test("every key named in the help parses back to itself")
    func notationRoundTrip() {
        for binding in Keymap.standard.bindings {
            for key in binding.keys where key != .resize {
                let text: String
                switch key {
                case .char(let c) where c == " ": text = "<Space>"
                case .char(let c) where c == "<": text = "<lt>"
                case .char(let c): text = String(c)
                case .ctrl(let c): text = "<C-\(c)>"
                case .function(let n): text = "<F\(n)>"
                case .enter: text = "<Enter>"
                case .escape: text = "<Esc>"
                case .tab: text = "<Tab>"
                case .backTab: text = "<S-Tab>"
                case .backspace: text = "<BS>"
                case .delete: text = "<Del>"
                case .up: text = "<Up>"
                case .down: text = "<Down>"
                case .left: text = "<Left>"
                case .right: text = "<Right>"
                case .pageUp: text = "<PgUp>"
                case .pageDown: text = "<PgDn>"
                case .home: text = "<Home>"
                case .end: text = "<End>"
                case .resize: continue
                }
                #expect(Key.parse(text) == [key])
            }
        }
    }
}
