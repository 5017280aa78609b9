import Foundation
import TmuxDriver

/// What the benchmark measures of the running reader itself: keypress-to-redraw latency while
/// scrolling (from its own trace), and peak and private memory (from /proc).
enum ReaderProbe {
    struct Memory {
        var peakRSS: Double
        var privateBytes: Double
    }

    /// p50 and p99 of `keys` presses of `j` (and one page each of Space every tenth press) in `file`, in ms.
    static func latency(file: String, first: String, keys: Int) -> (p50: Double, p99: Double)? {
        let trace = NSTemporaryDirectory() + "pizhu-latency-\(getpid())-\(UInt32.random(in: 0 ... .max))"
        defer { unlink(trace) }
        let s = TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu(Shell.quote(file), environment: "LANG=C.UTF-8 PIZHU_TRACE=\(Shell.quote(trace))"))
        guard s.waitFor(timeout: 60, pollMicroseconds: 1_000, { $0.contains(first) }) != nil else { return nil }
        for i in 0..<keys {
            s.send(keys: i % 10 == 9 ? "Space" : "j")
            if i % 20 == 19 { _ = s.waitFor(timeout: 5) { _ in true } }
        }
        s.send(keys: "q")
        _ = s.exitStatus(timeout: 20)
        let lines = ((try? String(contentsOfFile: trace, encoding: .utf8)) ?? "").split(separator: "\n")
        let times = lines.filter { $0.hasPrefix("key-ms ") }.compactMap { Double($0.dropFirst(7)) }.sorted()
        guard times.count >= keys / 2 else { return nil }
        return (times[times.count / 2], times[min(times.count - 1, Int(Double(times.count) * 0.99))])
    }

    /// Peak resident and private memory of pizhu after opening `file` and going to its end.
    static func memory(file: String, first: String) -> Memory? {
        let s = TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu(Shell.quote(file)))
        guard s.waitFor(timeout: 60, pollMicroseconds: 1_000, { $0.contains(first) }) != nil else { return nil }
        s.send(keys: "G")
        _ = s.waitFor(timeout: 60) { $0.contains("100%") }
        let pane = s.display("#{pane_pid}")
        let pid = Shell.run("pgrep -P \(pane) pizhu | head -1").output.trimmingCharacters(in: .whitespacesAndNewlines)
        defer { s.send(keys: "q"); _ = s.exitStatus(timeout: 20) }
        guard !pid.isEmpty else { return nil }
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let rollup = (try? String(contentsOfFile: "/proc/\(pid)/smaps_rollup", encoding: .utf8)) ?? ""
        func kB(_ text: String, _ key: String) -> Double {
            let line = text.split(separator: "\n").first { $0.hasPrefix(key + ":") } ?? ""
            return Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        }
        return Memory(peakRSS: kB(status, "VmHWM") * 1024, privateBytes: (kB(rollup, "Private_Clean") + kB(rollup, "Private_Dirty")) * 1024)
    }
}
