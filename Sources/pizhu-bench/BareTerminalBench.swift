import Foundation
import TextCore
import TmuxDriver

/// First screens on a bare pseudo-terminal (`PtyTiming`), pizhu and `less` interleaved: the
/// programs' own start-up, which the tmux figures bury under tmux's.
enum BareTerminalBench {
    static func run(_ report: inout Report, corpus: Corpus, runs: Int, largest: (label: String, bytes: Int)) throws {
        // Cheap runs (a few ms each): many of them, for medians that hold on a noisy machine.
        let runs = max(21, runs * 3)
        let first = "习近平总书记在党的十九大"
        let pizhu = TmuxSession.binary
        let less = Shell.run("command -v less").output.trimmingCharacters(in: .whitespacesAndNewlines)
        let missing = corpus.directory + "/no-such-file.txt"
        // Start-up alone: both report a missing file and exit.
        compare(&report, "start to a missing-file message, bare pty", runs: runs, text: "o such file",
                pizhu: [pizhu, missing], less: [less, missing])
        let seed = TmuxSession.root + "/seeds/001_eb026acd6131a322.txt"
        compare(&report, "first screen, seed 001 (8 KB), 80×24, bare pty", runs: runs, text: first, pizhu: [pizhu, seed], less: [less, seed], corpus: corpus)
        // Just under the size from which files are read on demand: the largest decoded whole
        // (and hashed, and annotatable in the reader) before the first screen.
        let whole = try corpus.utf8(bytes: DocumentLoader.largeFileBytes - (64 << 10))
        compare(&report, "first screen, 3.9 MB UTF-8 (decoded whole), 80×24, bare pty", runs: runs, text: first,
                pizhu: [pizhu, whole], less: [less, whole], corpus: corpus)
        let big = try corpus.utf8(bytes: largest.bytes)
        compare(&report, "first screen, \(largest.label) UTF-8, 80×24, bare pty", runs: runs, text: first,
                pizhu: [pizhu, "--linebreak", "basic", big], less: [less, big], corpus: corpus)
        // Through a pipe: pizhu reads it to its end first, less shows its start as it comes.
        let piped = try corpus.utf8(bytes: 100 << 20)
        compare(&report, "first screen, 100 MB through a pipe (cat | …), 80×24, bare pty", runs: runs, text: first,
                pizhu: ["/bin/sh", "-c", "cat \(Shell.quote(piped)) | \(Shell.quote(pizhu))"],
                less: ["/bin/sh", "-c", "cat \(Shell.quote(piped)) | \(Shell.quote(less))"], corpus: corpus)
    }

    /// `pizhu` and `less` are whole command lines (a program's path, then its arguments).
    private static func compare(_ report: inout Report, _ name: String, runs: Int, text: String, pizhu: [String], less: [String],
                                corpus: Corpus? = nil) {
        var a: [Double] = [], b: [Double] = []
        for _ in 0..<runs {
            let environment = corpus?.pizhuEnvironment() ?? PtyTiming.environment
            if let t = PtyTiming.firstScreen(pizhu, environment: environment, text: text, width: 80, height: 24) { a.append(t) }
            if let t = PtyTiming.firstScreen(less, environment: PtyTiming.environment, text: text, width: 80, height: 24) { b.append(t) }
        }
        guard a.count * 2 > runs, b.count * 2 > runs else { return report.fail(name) }
        report.add(name, pizhu: Statistics.median(a), baseline: Statistics.median(b), name: "less", unit: "ms")
    }
}
