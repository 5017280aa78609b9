import Foundation
import TmuxDriver

/// Time from starting a pager in a fresh tmux pane to `expected` showing on its screen.
///
/// Both programs are measured the same way (start, poll capture-pane every millisecond), so
/// tmux's own start-up cost is in both figures and the ratio compares the programs.
struct FirstScreen {
    var label: String
    var command: String
    var expected: String

    func measure(width: Int, height: Int) -> Double? {
        let start = Date()
        let session = TmuxSession(width: width, height: height, command: command)
        guard session.waitFor(timeout: 20, pollMicroseconds: 1_000, { $0.contains(expected) }) != nil else { return nil }
        let elapsed = Date().timeIntervalSince(start) * 1000
        session.send(keys: "q")
        _ = session.exitStatus(timeout: 10)
        return elapsed
    }
}
