import Foundation
import TmuxDriver

/// Times a pager (pizhu or less) in tmux: start to first screen, then `G` to the end.
///
/// Both programs are driven the same way (start, poll capture-pane every millisecond until
/// the expected text shows), so tmux's own costs are in both figures and the ratio compares
/// the programs.
struct PagerTiming {
    /// The shell command to start, made anew for each run (pizhu's gets fresh state folders).
    var command: () -> String
    var firstText: String
    var endText: String

    struct Result {
        var firstScreen: Double
        var toEnd: Double?
        /// `/` + the end marker + Enter, from the top, until the marker shows.
        var search: Double?
    }

    /// `endTimeout` caps the wait for `G` (less can take minutes on a single-line file).
    func measure(width: Int, height: Int, timeout: Double = 120, endTimeout: Double = 20, searching: Bool = false) -> Result? {
        let shellCommand = command()   // made before the clock starts (pizhu's copies its state folder)
        let start = Date()
        let session = TmuxSession(width: width, height: height, command: shellCommand)
        guard session.waitFor(timeout: timeout, pollMicroseconds: 1_000, { $0.contains(firstText) }) != nil else { return nil }
        let first = Date().timeIntervalSince(start) * 1000
        let sent = Date()
        session.send(keys: "G")
        let end = session.waitFor(timeout: endTimeout, pollMicroseconds: 1_000) { $0.contains(endText) }
        let toEnd = end == nil ? nil : Date().timeIntervalSince(sent) * 1000
        var search: Double?
        if searching && end != nil {
            session.send(keys: "g")
            if session.waitFor(timeout: endTimeout, pollMicroseconds: 1_000, { $0.contains(firstText) && !$0.contains(endText) }) != nil {
                let asked = Date()
                session.send(keys: "/")
                session.type(endText)
                session.send(keys: "Enter")
                // The marker must show in the text, not just in the prompt line that echoes it.
                let inText = { (screen: String) in screen.split(separator: "\n", omittingEmptySubsequences: false).dropLast(2).contains { $0.contains(self.endText) } }
                if session.waitFor(timeout: endTimeout, pollMicroseconds: 1_000, inText) != nil {
                    search = Date().timeIntervalSince(asked) * 1000
                }
            }
        }
        session.send(keys: "q")
        // A pager still busy with `G` (less on a single 100 MB line) would only be waited on:
        // the session's end kills it and waits until it is gone.
        if end != nil { _ = session.exitStatus(timeout: 10) }
        return Result(firstScreen: first, toEnd: toEnd, search: search)
    }
}
