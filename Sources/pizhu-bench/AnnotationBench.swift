import AnnotationCore
import Foundation
import TextCore
import TmuxDriver

/// Re-anchoring and sidecar figures: 10,000 annotations on a 10 MB document after edits, and
/// saving and loading a sidecar that holds them, beside Python's json module on the same file.
enum AnnotationBench {
    static let count = 10_000

    static func run(_ report: inout Report, corpus: Corpus, runs: Int) throws {
        let path = try corpus.utf8(bytes: 10 << 20)
        let text = try TextDecoder.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: path)))).text.storage
        let annotations = make(count, in: text)
        let edited = edit(text, annotations: annotations)

        var statuses: [AnchorStatus: Int] = [:]
        let reanchor = Statistics.medianOf(runs) {
            var copy = annotations
            let t = Date()
            Anchorer(text: edited).reanchor(&copy)
            let ms = Date().timeIntervalSince(t) * 1000
            statuses = Dictionary(grouping: copy, by: \.anchor.status).mapValues(\.count)
            return ms
        }
        report.add("re-anchor 10,000 annotations, 10 MB, edited", pizhu: reanchor, baseline: 1000, name: "target", unit: "ms")
        print("    statuses: " + AnchorStatus.allCases.map { "\($0.rawValue) \(statuses[$0] ?? 0)" }.joined(separator: ", "))

        // Save (lock, re-read, merge, encode, read-back, fsync, rename) and load a 10,000-annotation sidecar.
        var sidecar = Sidecar(document: DocumentRecord(filename: "doc.txt", sha256: String(repeating: "0", count: 64), sizeBytes: 10 << 20,
                                                       encoding: "utf-8", bom: false, newline: "lf", lengthScalars: text.count))
        sidecar.annotations = annotations
        let file = SidecarFile(path: corpus.directory + "/doc.txt.pizhu.json")
        // As the reader saves: its base and the file's stamp known from the previous save.
        var last = try file.commit(base: nil, ours: sidecar, user: "bench", host: "bench")
        let save = Statistics.medianOf(runs) {
            var edited = last.sidecar
            edited.annotations[runs].note = "\(Date())"
            let t = Date()
            if let saved = try? file.commit(base: last.sidecar, baseStamp: last.stamp, ours: edited, user: "bench", host: "bench") { last = saved }
            return Date().timeIntervalSince(t) * 1000
        }
        // Another process wrote in between: re-read under the lock and merge by id.
        let merge = Statistics.medianOf(runs) {
            var edited = last.sidecar
            edited.annotations[runs + 1].note = "\(Date())"
            let t = Date()
            if let saved = try? file.commit(base: last.sidecar, ours: edited, user: "bench", host: "bench") { last = saved }
            return Date().timeIntervalSince(t) * 1000
        }
        let load = Statistics.medianMilliseconds(runs) {
            _ = try? file.read()
        }
        let python = pythonTimings(file.path, runs: runs)
        report.add("save sidecar, 10,000 annotations", pizhu: save, baseline: python.save, name: "python json", unit: "ms")
        report.add("save after another writer (re-read, merge)", pizhu: merge, baseline: python.save + python.load, name: "python json", unit: "ms")
        report.add("load sidecar, 10,000 annotations", pizhu: load, baseline: python.load, name: "python json", unit: "ms")
    }

    /// Annotations of 10–40 scalars spread evenly over the text.
    static func make(_ n: Int, in text: [Unicode.Scalar]) -> [Annotation] {
        let step = text.count / (n + 1)
        return (0..<n).map { i in
            let start = step * i + (i % 7)
            return Annotation(id: String(format: "%08d", i), target: TextTarget(range: start..<start + 10 + (i % 31), in: text),
                              tags: ["tag\(i % 20)"], creator: "bench", created: "2026-01-01T00:00:00Z")
        }
    }

    /// The text after three edits: a paragraph inserted near the start, 300 scalars deleted in the
    /// middle, and one character changed inside every hundredth annotation.
    static func edit(_ text: [Unicode.Scalar], annotations: [Annotation]) -> [Unicode.Scalar] {
        var edited = text
        for (i, a) in annotations.enumerated().reversed() where i % 100 == 50 {
            let t = a.target!
            edited[t.start + (t.end - t.start) / 2] = "改"
        }
        let middle = edited.count / 2
        edited.removeSubrange(middle..<middle + 300)
        edited.insert(contentsOf: "新增的一段文字，用来移动后面所有的批注。\n".unicodeScalars, at: edited.count / 100)
        return edited
    }

    /// Python's json.load and json.dump (with fsync) of the same file, timed inside Python.
    static func pythonTimings(_ path: String, runs: Int) -> (load: Double, save: Double) {
        let script = """
        import json, os, sys, time
        loads, saves = [], []
        for _ in range(\(runs)):
            t = time.perf_counter(); d = json.load(open(sys.argv[1], encoding='utf-8')); loads.append(time.perf_counter() - t)
            t = time.perf_counter()
            with open(sys.argv[1] + '.py', 'w', encoding='utf-8') as f:
                json.dump(d, f, ensure_ascii=False, indent=2); f.flush(); os.fsync(f.fileno())
            saves.append(time.perf_counter() - t)
        loads.sort(); saves.sort()
        print(loads[len(loads)//2] * 1000, saves[len(saves)//2] * 1000)
        """
        let out = Shell.run("python3 -c \(Shell.quote(script)) \(Shell.quote(path))").output.split(separator: " ")
        guard out.count == 2, let l = Double(out[0]), let s = Double(out[1].trimmingCharacters(in: .whitespacesAndNewlines)) else { return (.nan, .nan) }
        return (l, s)
    }
}
