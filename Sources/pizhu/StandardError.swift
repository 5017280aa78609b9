import Foundation

/// Writes a line to standard error (messages never go to the terminal while ncurses runs).
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
