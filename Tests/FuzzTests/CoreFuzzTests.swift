import AnnotationCore
import Foundation
import Testing
import TextCore

/// Property-based fuzzing of the core: random inputs must never crash, and what comes out must
/// keep the invariants the rest of pizhu relies on. A failure prints the iteration, whose seed
/// replays it (`PIZHU_FUZZ_SEED`).
@Suite("Fuzzing the core with random inputs", .serialized)
struct CoreFuzzTests {
    @Test("decoding random bytes: never a crash; valid UTF-8 decodes to itself; legacy bytes decode without losing count")
    func decoder() {
        FuzzBudget.run { rng, i in
            let n = Int.random(in: 0...2048, using: &rng)
            var bytes = (0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) }
            if i % 3 == 0 { bytes = Array(String(String.UnicodeScalarView(rng.chineseText(maxLength: 400))).utf8) }
            if i % 3 == 1, let gb = try? TextDecoder.decode(bytes, encoding: "GB18030", force: true) { _ = gb.text.count }
            let decoded = try? TextDecoder.decode(bytes, force: true)
            if i % 3 == 0, let decoded, decoded.encoding.name == "UTF-8" {
                #expect(decoded.text.storage == Array(String(decoding: bytes, as: UTF8.self).unicodeScalars) || decoded.hadBOM, "iteration \(i)")
            }
            _ = EncodingDetector.detect(bytes)
        }
    }

    @Test("layout of random text: rows partition the text and every cell maps back into its row")
    func layout() {
        FuzzBudget.run { rng, i in
            let text = ScalarText(rng.chineseText(maxLength: 600))
            guard !text.isEmpty else { return }
            let views = DocumentViews(text: text)
            for view in ReadingView.allCases {
                let layout = DocumentLayout(structure: views.structure(view), settings: LayoutSettings(measure: Int.random(in: 4...40, using: &rng)),
                                            width: Int.random(in: 4...40, using: &rng))
                var covered = 0
                for (_, row) in layout.rows(from: layout.firstPosition, count: 100_000) {
                    #expect(row.range.lowerBound == covered, "iteration \(i), view \(view): rows must be contiguous")
                    covered = row.range.upperBound
                    #expect(row.cells.allSatisfy { row.range.contains($0.offset) }, "iteration \(i)")
                }
                #expect(covered == text.count, "iteration \(i), view \(view)")
            }
        }
    }

    @Test("search on random text: every match reads the pattern once separators and joined breaks are ignored")
    func search() throws {
        try FuzzBudget.run { rng, i in
            let scalars = rng.chineseText(maxLength: 800)
            let text = ScalarText(scalars)
            guard scalars.count > 4 else { return }
            let start = Int.random(in: 0..<(scalars.count - 2), using: &rng)
            let pattern = String(String.UnicodeScalarView(scalars[start..<min(scalars.count, start + Int.random(in: 1...4, using: &rng))]))
            let views = DocumentViews(text: text)
            let view = ViewText(structure: views.structure(.original))
            for r in try TextSearch.matches(SearchQuery(pattern: pattern, foldsCase: false), in: view) {
                #expect(r.lowerBound >= 0 && r.upperBound <= text.count, "iteration \(i)")
            }
            _ = try? TextSearch.matches(SearchQuery(pattern: pattern, isRegex: true), in: view)
        }
    }

    @Test("the sidecar parser on mutated files: an error or a sidecar that re-encodes and re-parses, never a crash")
    func sidecarParser() {
        let text = Array("第一章\n为了解城市居民的阅读习惯，课题组设计了问卷。😀𠀀\r\n结束。".unicodeScalars)
        var sidecar = Sidecar(document: DocumentRecord(filename: "a.txt", sha256: String(repeating: "a", count: 64), sizeBytes: 10,
                                                       encoding: "utf-8", bom: false, newline: "mixed", lengthScalars: text.count))
        sidecar.annotations = [Annotation(id: "x", target: TextTarget(range: 3..<9, in: text), tags: ["a/b"], note: "注\n\"x\"",
                                          creator: "c", created: "2026-01-01T00:00:00Z")]
        let seed = Array(SidecarEncoder.encode(sidecar).utf8)
        FuzzBudget.run { rng, i in
            var bytes = seed
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes[at] = UInt8.random(in: 0...255, using: &rng)
                case 1: bytes.remove(at: at)
                default: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: at)
                }
            }
            if let parsed = try? SidecarDecoder.decode(bytes) {
                let again = SidecarEncoder.bytes(parsed)
                #expect((try? SidecarDecoder.decode(again)) != nil, "iteration \(i): what we write must read back")
            }
        }
    }

    @Test("merging random edits of a sidecar: every id of either side survives, tombstones stay, the result re-parses")
    func merge() {
        let text = Array("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥".unicodeScalars)
        FuzzBudget.run { rng, i in
            var base = Sidecar(document: DocumentRecord(filename: "a", sha256: "", sizeBytes: 0, encoding: "utf-8", bom: false, newline: "none", lengthScalars: text.count))
            base.annotations = (0..<5).map { k in Annotation(id: "b\(k)", target: TextTarget(range: k..<k + 3, in: text), creator: "x", created: "2026-01-01T00:00:00Z") }
            func edit(_ s: Sidecar, _ tag: String, _ rng: inout SplitMix) -> Sidecar {
                var s = s
                for _ in 0..<Int.random(in: 0...6, using: &rng) {
                    let k = Int.random(in: 0..<max(1, s.annotations.count), using: &rng)
                    switch Int.random(in: 0..<4, using: &rng) {
                    case 0: s.upsert(Annotation(id: "\(tag)\(Int.random(in: 0...999, using: &rng))", target: TextTarget(range: 2..<6, in: text), creator: tag, created: "2026-01-02T00:00:00Z"))
                    case 1 where !s.annotations.isEmpty: s.annotations[k].note = "\(tag) 注"; s.annotations[k].modified = "2026-01-0\(Int.random(in: 3...9, using: &rng))T00:00:00Z"
                    case 2 where !s.annotations.isEmpty && !s.annotations[k].deleted: s.upsert(s.annotations[k].tombstone(by: tag, at: "2026-01-05T00:00:00Z"))
                    default: if !s.annotations.isEmpty { s.annotations[k].tags.append(tag) }
                    }
                }
                return s
            }
            let ours = edit(base, "o", &rng), theirs = edit(base, "t", &rng)
            let merged = SidecarMerge.merge(base: base, ours: ours, theirs: theirs)
            let ids = Set(merged.annotations.map(\.id))
            #expect(Set(ours.annotations.map(\.id)).union(theirs.annotations.map(\.id)).isSubset(of: ids), "iteration \(i)")
            #expect(ids.count == merged.annotations.count, "iteration \(i): one entry per id")
            #expect((try? SidecarDecoder.decode(SidecarEncoder.bytes(merged))) != nil)
        }
    }

    @Test("anchoring after random edits: anchored and moved targets read exactly their quote; nothing is lost")
    func anchoring() {
        FuzzBudget.run { rng, i in
            let text = rng.chineseText(maxLength: 500)
            guard text.count > 20 else { return }
            var annotations: [Annotation] = (0..<Int.random(in: 1...12, using: &rng)).map { k in
                let s = Int.random(in: 0..<(text.count - 2), using: &rng)
                let e = min(text.count, s + Int.random(in: 1...12, using: &rng))
                return Annotation(id: "a\(k)", target: TextTarget(range: s..<e, in: text), creator: "x", created: "2026-01-01T00:00:00Z")
            }
            var edited = text
            for _ in 0..<Int.random(in: 0...5, using: &rng) {
                let at = Int.random(in: 0...edited.count, using: &rng)
                if Bool.random(using: &rng) || edited.isEmpty {
                    edited.insert(contentsOf: rng.chineseText(maxLength: 10), at: at)
                } else {
                    edited.removeSubrange(min(at, edited.count - 1)..<min(edited.count, at + Int.random(in: 1...8, using: &rng)))
                }
            }
            let before = annotations.count
            Anchorer(text: edited).reanchor(&annotations)
            #expect(annotations.count == before)
            for a in annotations where a.anchor.status == .anchored || a.anchor.status == .moved || a.anchor.status == .ambiguous {
                let t = a.target!
                #expect(t.end <= edited.count && TextTarget.string(edited[t.start..<t.end]) == t.exact, "iteration \(i)")
            }
        }
    }
}
