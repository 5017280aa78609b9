import CGlibcExtras
import Foundation

/// Times a program's first screen on a bare pseudo-terminal: from spawning it until its output
/// holds a given text, read straight from the pty's master side.
///
/// No tmux: tmux parses and redraws what the program writes and the driver polls it, some 20 ms
/// that both pagers share and that hide a millisecond's difference between them. Here what is
/// left is the spawn, the program, and one read.
enum PtyTiming {
    /// What both programs get: a terminal type whose entry every system has, a UTF-8 locale,
    /// and no history file for less.
    static let environment = ["PATH=/usr/bin:/bin", "TERM=xterm-256color", "LANG=C.UTF-8", "HOME=/tmp", "LESSHISTFILE=-"]

    /// Milliseconds from spawning `arguments` (a path, then its arguments) in a new session on
    /// a new `width`×`height` pty until its output holds `text`; nil if it fails to start or the
    /// text does not come within `timeout` seconds. The program is then ended with SIGTERM
    /// (SIGKILL after 5 s) and waited for, its output drained meanwhile.
    static func firstScreen(_ arguments: [String], environment: [String], text: String, width: Int, height: Int,
                            timeout: Double = 20) -> Double? {
        let master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { return nil }
        defer { close(master) }
        guard grantpt(master) == 0, unlockpt(master) == 0, let name = ptsname(master),
              cge_set_window_size(master, UInt16(height), UInt16(width)) == 0 else { return nil }
        let terminal = String(cString: name)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid, the pty becomes the program's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, terminal, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(CGE_POSIX_SPAWN_SETSID))
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        let wanted = Array(text.utf8)
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp) == 0 else { return nil }
        var elapsed: Double?
        let deadline = start + UInt64(timeout * 1e9)
        while DispatchTime.now().uptimeNanoseconds < deadline {
            var ready = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 100) >= 0 else { break }
            if ready.revents == 0 { continue }
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { break }
            // The text may straddle two reads: look from just before the new bytes.
            let from = max(0, output.count - wanted.count)
            output += buffer[0..<n]
            if output[from...].firstRange(of: wanted) != nil {
                elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                break
            }
        }
        end(pid, draining: master, into: &buffer)
        return elapsed
    }

    /// Ends `pid` and waits for it, reading what it still writes so that it cannot block.
    private static func end(_ pid: pid_t, draining master: Int32, into buffer: inout [UInt8]) {
        kill(pid, SIGTERM)
        let started = DispatchTime.now().uptimeNanoseconds
        var killed = false
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if !killed && DispatchTime.now().uptimeNanoseconds - started > 5_000_000_000 {
                kill(pid, SIGKILL)
                killed = true
            }
            var ready = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&ready, 1, 10) > 0 && ready.revents & Int16(POLLIN) != 0 { _ = read(master, &buffer, buffer.count) }
        }
    }
}
