import Glibc

/// Writes a line to standard error (messages never go to the terminal while ncurses runs).
func printError(_ message: String) {
    let bytes = Array((message + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}
