import Foundation
import TextCore
import TmuxDriver

/// `swift run -c release pizhu-bench [--quick] [--runs N] [--only PART] [--json PATH]`: pizhu
/// beside a baseline measured in the same run (less, iconv), on corpora generated from `seeds/`.
@main
struct Bench {
    static func main() throws {
        let options: BenchOptions
        do {
            options = try BenchOptions(Array(CommandLine.arguments.dropFirst()))
        } catch {
            FileHandle.standardError.write(Data("pizhu-bench: \(error)\n\(BenchOptions.usage)\n".utf8))
            exit(2)
        }
        if options.help {
            print(BenchOptions.usage)
            return
        }
        var report = Report()
        try measure(options, into: &report)
        if let jsonPath = options.jsonPath { try report.json().write(toFile: jsonPath, atomically: true, encoding: .utf8) }
        if !report.missing.isEmpty {
            print("\npizhu-bench: \(report.missing.count) figure(s) not measured: \(report.missing.joined(separator: "; "))")
            exit(1)
        }
    }

    /// Takes the figures `options` ask for (all, or one `--only` part).
    static func measure(_ options: BenchOptions, into report: inout Report) throws {
        let quick = options.quick
        let runs = options.runsPerRow
        let only = options.only
        let decodingOnly = only == .decoding
        let corpus = try Corpus()
        defer { corpus.remove() }
        print("pizhu-bench\(quick ? " --quick" : ""): medians of \(runs) runs; \(TmuxSession.binary)\n")
        print(Report.header)
        if only == .search {
            try SearchBench.run(&report, corpus: corpus, runs: runs, quick: quick)
            return
        }
        if only == .annotations {
            try AnnotationBench.run(&report, corpus: corpus, runs: runs)
            return
        }

        let sizes: [(String, Int)] = quick ? [("10 MB", 10 << 20), ("100 MB", 100 << 20)]
                                           : [("10 MB", 10 << 20), ("100 MB", 100 << 20), ("1 GB", 1 << 30)]
        if only == .reader {
            try readerFigures(&report, corpus: corpus, sizes: sizes, quick: quick)
            return
        }
        let first = "习近平总书记在党的十九大"
        if only == .pty {
            try BareTerminalBench.run(&report, corpus: corpus, runs: runs, largest: sizes.last!)
            return
        }
        if only == .pagersSearch {
            // Only the search-to-marker figures (and G), for re-measuring them alone.
            for (label, bytes) in sizes {
                pagers(&report, corpus: corpus, label: "\(label) UTF-8", file: try corpus.utf8(bytes: bytes), first: first, runs: runs, sizes: [(80, 24)])
            }
            return
        }
        if !decodingOnly {
        // A seed as shipped (8 KB): start-up cost without any file-size effect.
        let seed = TmuxSession.root + "/seeds/001_eb026acd6131a322.txt"
        for (w, h) in [(80, 24)] {
            let p = PagerTiming(command: { corpus.pizhuCommand(Shell.quote(seed)) }, firstText: first, endText: "智力支持")
            let l = PagerTiming(command: { "env LANG=C.UTF-8 less \(Shell.quote(seed))" }, firstText: first, endText: "智力支持")
            var a: [Double] = [], b: [Double] = []
            for _ in 0..<runs {
                if let r = p.measure(width: w, height: h) { a.append(r.firstScreen) }
                if let r = l.measure(width: w, height: h) { b.append(r.firstScreen) }
            }
            report.add("first screen, seed 001 (8 KB), \(w)×\(h)", pizhu: Statistics.median(a), baseline: Statistics.median(b), name: "less", unit: "ms")
        }
        for (label, bytes) in sizes {
            let file = try corpus.utf8(bytes: bytes)
            pagers(&report, corpus: corpus, label: "\(label) UTF-8", file: file, first: first, runs: runs, sizes: quick ? [(80, 24)] : [(80, 24), (200, 50)])
        }
        let line = try corpus.utf8(bytes: 100 << 20, singleLine: true)
        pagers(&report, corpus: corpus, label: "100 MB single line", file: line, first: first, runs: runs, sizes: [(80, 24)], searching: false)
        try BareTerminalBench.run(&report, corpus: corpus, runs: runs, largest: sizes.last!)
        if only == .pagers { return }
        }

        // Decoding: the whole GB18030 transcode, in process, against the iconv command.
        let gb = corpus.gb18030(from: try corpus.utf8(bytes: 100 << 20))
        let gbBytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: gb)))
        let megabytes = Double(gbBytes.count) / 1e6
        let ours = Statistics.medianOf(runs) {
            let t = Date()
            _ = try? TextDecoder.decode(gbBytes, encoding: "GB18030")
            return megabytes / Date().timeIntervalSince(t)
        }
        let theirs = Statistics.medianOf(runs) {
            let t = Date()
            Shell.run("iconv -f GB18030 -t UTF-8 \(Shell.quote(gb)) > /dev/null")
            return megabytes / Date().timeIntervalSince(t)
        }
        report.add("GB18030 decoding, 100 MB", pizhu: ours, baseline: theirs, name: "iconv", unit: "MB/s", lowerIsBetter: false)

        // Detection of the GB18030 file from its 64 KiB sample.
        let detect = Statistics.medianMilliseconds(runs) {
            _ = EncodingDetector.detect(Array(gbBytes.prefix(EncodingDetector.sampleSize)))
        }
        let catSample = Statistics.medianMilliseconds(runs) {
            Shell.run("head -c 65536 \(Shell.quote(gb)) > /dev/null")
        }
        report.add("detecting GB18030 (64 KiB sample)", pizhu: detect, baseline: catSample, name: "head -c", unit: "ms")

        // Layout and reflow throughput on 10 MB, against reading it with cat.
        let ten = try corpus.utf8(bytes: 10 << 20)
        let tenText = try DocumentLoader.load(path: ten).text
        let tenMB = Double(10 << 20) / 1e6
        for view in ReadingView.allCases {
            let mbps = Statistics.medianOf(max(1, runs / 2)) {
                let t = Date()
                let views = DocumentViews(text: tenText)
                _ = PlainRenderer.lines(of: views.structure(view), settings: LayoutSettings(measure: 72), width: 72)
                return tenMB / Date().timeIntervalSince(t)
            }
            let cat = Statistics.medianOf(max(1, runs / 2)) {
                let t = Date()
                Shell.run("cat \(Shell.quote(ten)) > /dev/null")
                return tenMB / Date().timeIntervalSince(t)
            }
            report.add("layout, \(view.rawValue) view, 10 MB", pizhu: mbps, baseline: cat, name: "cat", unit: "MB/s", lowerIsBetter: false)
        }

        // The background scalar count of a file read on demand (what `G` right after opening
        // waits for), in process from opening to the total, against `wc -m` counting the same
        // file's characters. Warm cache: each file was just read or written.
        if let (label, bytes) = sizes.last {
            let file = try corpus.utf8(bytes: bytes)
            let counted = Statistics.medianMilliseconds(runs) {
                _ = try? DocumentLoader.load(path: file).text.count
            }
            let wc = Statistics.medianMilliseconds(runs) {
                Shell.run("LANG=C.UTF-8 wc -m \(Shell.quote(file)) > /dev/null")
            }
            report.add("scalar count, \(label) UTF-8 (open to total)", pizhu: counted, baseline: wc, name: "wc -m", unit: "ms")
        }

        if !decodingOnly {
            try AnnotationBench.run(&report, corpus: corpus, runs: runs)
            try SearchBench.run(&report, corpus: corpus, runs: runs, quick: quick)
            try readerFigures(&report, corpus: corpus, sizes: sizes, quick: quick)
        }
    }

    /// Keypress-to-redraw latency on the largest file, and memory for each size, against the targets.
    static func readerFigures(_ report: inout Report, corpus: Corpus, sizes: [(String, Int)], quick: Bool) throws {
        let first = "习近平总书记在党的十九大"
        if let (label, bytes) = sizes.last {
            if let l = ReaderProbe.latency(file: try corpus.utf8(bytes: bytes), first: first, keys: quick ? 100 : 300) {
                report.add("keypress to redraw, p50, scrolling \(label)", pizhu: l.p50, baseline: 10, name: "target", unit: "ms")
                report.add("keypress to redraw, p99, scrolling \(label)", pizhu: l.p99, baseline: 10, name: "target", unit: "ms")
            } else {
                report.fail("keypress to redraw, scrolling \(label)")
            }
        }
        for (label, bytes) in sizes {
            guard let m = ReaderProbe.memory(file: try corpus.utf8(bytes: bytes), first: first) else {
                report.fail("memory, \(label) UTF-8")
                continue
            }
            let target = 100 * 1_048_576 + Double(bytes) / 10
            report.add("private memory, \(label) UTF-8", pizhu: m.privateBytes / 1_048_576, baseline: target / 1_048_576, name: "target", unit: "MiB")
            report.add("peak RSS, \(label) UTF-8", pizhu: m.peakRSS / 1_048_576, baseline: target / 1_048_576, name: "target", unit: "MiB")
        }
    }

    static func pagers(_ report: inout Report, corpus: Corpus, label: String, file: String, first: String, runs: Int, sizes: [(Int, Int)],
                       searching: Bool = true) {
        for (w, h) in sizes {
            let pizhu = PagerTiming(command: { corpus.pizhuCommand("--linebreak basic " + Shell.quote(file)) }, firstText: first, endText: Corpus.endMarker)
            let less = PagerTiming(command: { "env LANG=C.UTF-8 less \(Shell.quote(file))" }, firstText: first, endText: Corpus.endMarker)
            var a: [PagerTiming.Result] = []
            var b: [PagerTiming.Result] = []
            for _ in 0..<runs {
                // Interleaved, so load on the machine hits both alike.
                if let r = pizhu.measure(width: w, height: h, searching: searching) { a.append(r) }
                if let r = less.measure(width: w, height: h, searching: searching) { b.append(r) }
            }
            report.add("first screen, \(label), \(w)×\(h)", pizhu: Statistics.median(a.map(\.firstScreen)),
                       baseline: Statistics.median(b.map(\.firstScreen)), name: "less", unit: "ms")
            report.add("G to the end, \(label), \(w)×\(h)", pizhu: Statistics.median(a.compactMap(\.toEnd)),
                       baseline: Statistics.median(b.compactMap(\.toEnd)), name: "less", unit: "ms")
            if searching {
                report.add("search to the end marker, \(label), \(w)×\(h)", pizhu: Statistics.median(a.compactMap(\.search)),
                           baseline: Statistics.median(b.compactMap(\.search)), name: "less", unit: "ms")
            }
        }
    }
}
