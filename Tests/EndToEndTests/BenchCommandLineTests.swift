import Foundation
import Testing
import TmuxDriver

/// pizhu-bench refuses a command line it cannot run before it generates or times anything
/// (it used to ignore what it did not know and start the full half-hour run).
@Suite("pizhu-bench's command line")
struct BenchCommandLineTests {
    /// The pizhu-bench built beside pizhu.
    static var bench: String {
        Shell.quote(URL(fileURLWithPath: TmuxSession.binary).deletingLastPathComponent().appendingPathComponent("pizhu-bench").path)
    }

    @Test("--help prints the usage and measures nothing")
    func help() {
        let r = Shell.run("\(Self.bench) --help")
        #expect(r.status == 0)
        #expect(r.output.contains("--only PART"))
        #expect(r.output.contains("pagers-search"))
        #expect(!r.output.contains("medians of"), "no run started: \(r.output)")
    }

    @Test("an unknown argument, part or run count is an error with the usage, and nothing runs",
          arguments: [("--frobnicate", "unknown argument --frobnicate"),
                      ("--only pagerz", "--only pagerz: no such part"),
                      ("--runs 0", "--runs needs a positive whole number, not 0"),
                      ("--quick --runs", "--runs needs a value")])
    func refused(arguments: String, message: String) {
        let r = Shell.run("\(Self.bench) \(arguments)")
        #expect(r.status == 2)
        #expect(r.output.contains("pizhu-bench: \(message)"), "\(r.output)")
        #expect(r.output.contains("usage: pizhu-bench"))
        #expect(!r.output.contains("medians of"), "no run started: \(r.output)")
    }
}
