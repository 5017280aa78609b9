import Glibc

/// Writes a line to standard error (messages never go to the terminal while ncurses runs).
func printError(_ message: String) {
    let bytes = Array((message + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}

/// Writes a progress line to standard error, without a newline: the next one overwrites it.
func printProgress(_ line: String) {
    let bytes = Array(line.utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}
