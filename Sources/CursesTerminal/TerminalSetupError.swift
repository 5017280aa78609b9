/// Why the terminal could not be set up; each has a message a user can act on.
public enum TerminalSetupError: Error, CustomStringConvertible, Equatable {
    case noUTF8Locale
    case unknownTerminal(String?)
    case notATerminal

    public var description: String {
        switch self {
        case .noUTF8Locale:
            return "pizhu: no UTF-8 locale is available (tried the environment's locale and C.UTF-8). "
                + "Install one (Debian: apt-get install locales) or set LANG to a UTF-8 locale."
        case .unknownTerminal(let term):
            let t = term.map { "'\($0)'" } ?? "(TERM is not set)"
            return "pizhu: unknown terminal type \(t). Set TERM to one your system knows, e.g. TERM=xterm-256color."
        case .notATerminal:
            return "pizhu: standard output must be a terminal, and keys must come from one (standard input or /dev/tty). "
                + "To print a document, use: pizhu cat FILE"
        }
    }
}
