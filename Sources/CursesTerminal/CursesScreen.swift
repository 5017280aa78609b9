import CNCursesW
import CSignalFlag
import Glibc
import ScreenCore
import TextCore

/// The real terminal: copies each `ScreenBuffer` into ncursesw and decodes keys.
///
/// ncurses already diffs frames, so a draw writes every cell and lets `doupdate` send only
/// what changed. This is the only type in pizhu that calls ncurses.
public final class CursesScreen: TerminalScreen {
    private let screen: OpaquePointer
    private let useColor: Bool
    private var pairs: [PairKey: Int16] = [:]
    private var stopped = false

    private struct PairKey: Hashable {
        var foreground: Style.Color?
        var background: Style.Color?
    }

    /// Sets the locale, installs the signal flags and starts ncurses with `newterm`, so a
    /// missing or unknown `TERM` is an error we report instead of ncurses' own exit.
    ///
    /// Keys come from standard input when it is the terminal; when it is not (it brought the
    /// text: `cmd | pizhu`), from the controlling terminal, `/dev/tty`, put in its place.
    public static func start(color: Bool) throws -> CursesScreen {
        guard isatty(1) == 1, isatty(0) == 1 || takeKeysFromControllingTerminal() else { throw TerminalSetupError.notATerminal }
        guard UTF8Locale.activate() else { throw TerminalSetupError.noUTF8Locale }
        let term = getenv("TERM").map { String(cString: $0) }
        guard let term, !term.isEmpty else { throw TerminalSetupError.unknownTerminal(nil) }
        csf_install()
        guard let out = fdopen(1, "w"), let input = fdopen(0, "r"),
              let screen = newterm(term, out, input) else {
            throw TerminalSetupError.unknownTerminal(term)
        }
        _ = set_term(screen)
        return CursesScreen(screen: screen, color: color)
    }

    /// Opens `/dev/tty` as standard input; false if there is no controlling terminal.
    private static func takeKeysFromControllingTerminal() -> Bool {
        let tty = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard tty >= 0 else { return false }
        defer { close(tty) }
        return isatty(tty) == 1 && dup2(tty, 0) == 0
    }

    private init(screen: OpaquePointer, color: Bool) {
        self.screen = screen
        raw()
        noecho()
        nonl()
        _ = keypad(cnc_stdscr(), true)
        _ = curs_set(0)
        // No check for typed-ahead keys while a frame is written: ncurses would flush its
        // buffer before each check, sending a frame as ~30 small writes (30 packets over SSH,
        // 30 wake-ups of tmux) instead of one or two.
        _ = typeahead(-1)
        // Until the screen has once been left and resumed, ncurses flushes its output at every
        // cursor move (its state after newterm is "initial", meant for low-level terminfo
        // programs), so a frame would still go out as one write per row. Leaving and resuming
        // before anything is drawn puts it in its running state: one write per frame.
        _ = endwin()
        _ = doupdate()
        cnc_set_escdelay(25)
        wtimeout(cnc_stdscr(), pollMilliseconds)
        useColor = color && has_colors()
        if useColor {
            start_color()
            use_default_colors()
        }
    }

    public var size: Size { Size(width: Int(cnc_cols()), height: Int(cnc_lines())) }

    public func draw(_ buffer: ScreenBuffer) { draw(buffer, cursor: nil) }

    /// Draws a frame and shows the terminal cursor at a cell (a prompt's insertion point) or
    /// hides it, in one update.
    public func draw(_ buffer: ScreenBuffer, cursor: (x: Int, y: Int)?) {
        let height = min(buffer.size.height, Int(cnc_lines()))
        let width = min(buffer.size.width, Int(cnc_cols()))
        for y in 0..<height {
            var x = 0
            while x < width {
                let cell = buffer[x, y]
                if cell.isContinuation { x += 1; continue }
                put(cell, x: x, y: y)
                x += max(1, cell.width)
            }
        }
        if let p = cursor {
            _ = curs_set(1)
            _ = wmove(cnc_stdscr(), Int32(p.y), Int32(p.x))
        } else {
            _ = curs_set(0)
        }
        _ = wnoutrefresh(cnc_stdscr())
        _ = doupdate()
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        // The glyph's first five scalars (ncurses' limit), NUL-ended, on the stack: a screen is thousands of cells.
        let drawnWidth = withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: 6) { chars -> Int in
            var n = 0
            for scalar in cell.glyph.unicodeScalars {
                chars[n] = wchar_t(bitPattern: scalar.value)
                n += 1
                if n == 5 { break }
            }
            if n == 0 { chars[0] = 0x20; n = 1 }
            chars[n] = 0
            var cc = cchar_t()
            _ = setcchar(&cc, chars.baseAddress!, attributes(cell.style), pair(cell.style), nil)
            _ = mvwadd_wch(cnc_stdscr(), Int32(y), Int32(x), &cc)
            return CellWidth.glibc(UInt32(bitPattern: chars[0]))
        }
        if cell.width == 2 && drawnWidth == 1 {
            // ambiguous = wide: ncurses thinks the glyph is narrow; clear the reserved second cell.
            _ = mvwaddch(cnc_stdscr(), Int32(y), Int32(x + 1), chtype(0x20))
        }
    }

    private func attributes(_ style: Style) -> attr_t {
        var a = cnc_a_normal()
        if style.bold { a |= cnc_a_bold() }
        if style.dim { a |= cnc_a_dim() }
        if style.reverse { a |= cnc_a_reverse() }
        if style.underline { a |= cnc_a_underline() }
        if !useColor && (style.background != nil) && !style.reverse { a |= cnc_a_reverse() }
        return a
    }

    private func pair(_ style: Style) -> Int16 {
        guard useColor, style.foreground != nil || style.background != nil else { return 0 }
        let key = PairKey(foreground: style.foreground, background: style.background)
        if let p = pairs[key] { return p }
        let n = Int16(pairs.count + 1)
        _ = init_pair(n, colorNumber(style.foreground), colorNumber(style.background))
        pairs[key] = n
        return n
    }

    private func colorNumber(_ c: Style.Color?) -> Int16 {
        guard let c else { return -1 }
        return Int16(Style.Color.allCases.firstIndex(of: c)!)   // COLOR_BLACK … COLOR_WHITE are 0…7 in this order
    }

    /// How long `readKey` waits for a key before returning nil (the run loop's idle tick).
    public var pollMilliseconds: Int32 = 250 {
        didSet { if pollMilliseconds != oldValue { wtimeout(cnc_stdscr(), pollMilliseconds) } }
    }

    /// Set once the terminal has gone (its pty hung up or closed) though no SIGHUP came: a
    /// reader started with `setsid` or under a tracer, or whose signal went elsewhere. Every
    /// read would then fail at once, and the run loop would spin.
    public private(set) var terminalGone = false

    /// The next key, or nil if none arrived within the poll interval (or a signal interrupted
    /// the wait, or the terminal has gone: see `terminalGone`).
    public func readKey() -> Key? {
        var ch: wint_t = 0
        let r = wget_wch(cnc_stdscr(), &ch)
        if r == KEY_CODE_YES { return KeyDecoder.functionKey(Int32(ch)) }
        if r == OK { return KeyDecoder.character(UInt32(ch)) }
        var input = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        if poll(&input, 1, 0) > 0 && input.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { terminalGone = true }
        return nil
    }

    /// A key already typed, without waiting (a long search polls this to be cancelled).
    public func pendingKey() -> Key? {
        wtimeout(cnc_stdscr(), 0)
        defer { wtimeout(cnc_stdscr(), pollMilliseconds) }
        return readKey()
    }

    /// Ctrl-Z: hands the terminal back to the shell and stops; redraws fully on `fg`.
    public func suspend() {
        _ = endwin()
        _ = raise(SIGTSTP)
        forceRedraw()
    }

    /// Makes the next draw repaint every cell.
    public func forceRedraw() {
        _ = clearok(cnc_stdscr(), true)
        _ = wrefresh(cnc_stdscr())
    }

    /// Restores the terminal exactly as it was. Safe to call twice.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        _ = curs_set(1)
        _ = endwin()
        delscreen(screen)
    }
}
