import Foundation
import Glibc
import TextCore

/// The real pizhu binary in a tmux pane on a private socket, read back with capture-pane.
///
/// Each session has its own socket in its own temporary folder and no user config, so tests
/// never share a server. Waits poll the screen against a deadline; nothing sleeps for a fixed time.
public final class TmuxSession {
    public let directory: String
    private let tmux: String

    /// The pizhu executable built beside this test bundle.
    public static var binary: String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("pizhu").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir.deleteLastPathComponent()
        }
        return exe
    }

    /// The package root (for seeds/).
    public static var root: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// Starts `command` (a shell command line) in a new detached pane of `width`×`height`.
    /// The pane stays after the program exits so its exit status can be read.
    public init(width: Int, height: Int, command: String) {
        var template = Array((NSTemporaryDirectory() + "pizhu-e2e-XXXXXX").utf8CString)
        directory = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
        tmux = "tmux -S \(Shell.quote(directory + "/sock")) -f /dev/null"
        Shell.run("cd \(Shell.quote(Self.root)) && \(tmux) start-server \\; set-option -g remain-on-exit on \\; "
                  + "set-option -g default-terminal tmux-256color \\; "
                  + "new-session -d -s p -x \(width) -y \(height) "
                  + Shell.quote("\(command); echo $? > \(Shell.quote(directory + "/status"))"))
    }

    deinit {
        // End whatever still runs in the pane (a failed test may not have quit it), then the server.
        let pane = display("#{pane_pid}")
        if !pane.isEmpty {
            Shell.run("pkill -TERM -s \(pane)")
            Self.waitUntilGone(session: pane)
        }
        Shell.run("\(tmux) kill-server")
        Shell.run("rm -rf \(Shell.quote(directory))")
    }

    /// Waits (SIGKILL after 2 s, at most 5 s) until no live process is left in the pane's
    /// session. A pager killed in the middle of `G` on a 100 MB line (`less` holds 400 MB by
    /// then) takes a core for tens of milliseconds to exit: returning before that made the next
    /// measurement in the benchmark 8–10 ms slower.
    private static func waitUntilGone(session: String) {
        let start = Date()
        var killed = false
        while Date().timeIntervalSince(start) < 5 {
            let live = Shell.run("ps -o stat= -s \(session)").output.split(separator: "\n").filter { !$0.hasPrefix("Z") }
            if live.isEmpty { return }
            if !killed && Date().timeIntervalSince(start) > 2 {
                Shell.run("pkill -KILL -s \(session)")
                killed = true
            }
            usleep(10_000)
        }
    }

    /// Ends the tmux server: the pane's terminal goes away, as when an SSH link drops.
    public func closeTerminal() {
        Shell.run("\(tmux) kill-server")
    }

    /// The visible screen as text (with SGR attributes if `escapes`).
    public func capture(escapes: Bool = false) -> String {
        Shell.run("\(tmux) capture-pane -p \(escapes ? "-e" : "") -t p").output
    }

    /// The pane's history and screen: what a program printed before it exited. (A line that
    /// exactly fills the pane's width, printed as the pane starts, was seen to go to tmux's
    /// history at once, out of `capture`'s sight.)
    public func scrollback() -> String {
        Shell.run("\(tmux) capture-pane -p -S - -t p").output
    }

    /// Polls the screen until `predicate` holds or `timeout` seconds pass; returns the last screen.
    @discardableResult
    public func waitFor(timeout: Double = 15, pollMicroseconds: UInt32 = 20_000, _ predicate: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let screen = capture()
            if predicate(screen) { return screen }
            if Date() > deadline { return nil }
            usleep(pollMicroseconds)
        }
    }

    @discardableResult
    public func waitFor(text: String, timeout: Double = 15) -> String? {
        waitFor(timeout: timeout) { $0.contains(text) }
    }

    /// Sends tmux key names (`Enter`, `C-z`, `NPage`).
    public func send(keys: String...) {
        Shell.run("\(tmux) send-keys -t p " + keys.map(Shell.quote).joined(separator: " "))
    }

    /// Types literal text, Chinese included.
    public func type(_ text: String) {
        Shell.run("\(tmux) send-keys -t p -l \(Shell.quote(text))")
    }

    public func resize(width: Int, height: Int) {
        Shell.run("\(tmux) resize-window -t p -x \(width) -y \(height)")
    }

    /// A tmux format value for the pane, e.g. `#{pane_pid}`.
    public func display(_ format: String) -> String {
        Shell.run("\(tmux) display-message -p -t p \(Shell.quote(format))").output
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The program's exit status, or nil if it is still running at the deadline.
    ///
    /// The pane's command writes its status to a file: tmux 3.3's `pane_dead_status` was seen
    /// to stay empty when the server had not yet reaped the child.
    public func exitStatus(timeout: Double = 15) -> Int? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: directory + "/status", encoding: .utf8),
               let status = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) { return status }
            usleep(20_000)
        }
        return nil
    }

    /// The process id of the program the pane runs (the child of the wrapping shell).
    public var programPID: String {
        Shell.run("pgrep -P \(display("#{pane_pid}"))").output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The display column of `text` in the first screen line that contains it.
    public func column(of text: String, in screen: String) -> Int? {
        for line in screen.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let r = line.range(of: text) else { continue }
            return line[line.startIndex..<r.lowerBound].unicodeScalars.reduce(0) { $0 + displayWidth($1) }
        }
        return nil
    }

    /// tmux measures with glibc `wcwidth`, as pizhu does.
    private func displayWidth(_ s: Unicode.Scalar) -> Int {
        max(0, CellWidth.glibc(s.value))
    }

    /// Display width of a line in cells, as the terminal counts them.
    public static func width(of line: String) -> Int {
        line.unicodeScalars.reduce(0) { $0 + max(0, CellWidth.glibc($1.value)) }
    }

    /// A command line that runs pizhu with a UTF-8 locale and the given arguments.
    /// Each run gets a private, empty document store and data folder unless `environment`
    /// names its own, so no test sees another's reading positions.
    public static func pizhu(_ arguments: String = "", environment: String = "LANG=C.UTF-8") -> String {
        let privateFolders = ["XDG_STATE_HOME", "XDG_DATA_HOME"].filter { !environment.contains($0 + "=") }
            .map { "\($0)=\"$(mktemp -d)\"" }.joined(separator: " ")
        return "env \(environment) \(privateFolders) \(Shell.quote(binary)) \(arguments)"
    }
}
