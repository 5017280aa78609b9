@testable import AnnotationCore

/// Small builders shared by the annotation tests.
enum Fixtures {
    static let time = "2026-03-01T02:00:00Z"

    static func record(_ text: String, sha: String = String(repeating: "a", count: 64)) -> DocumentRecord {
        DocumentRecord(filename: "report.txt", sha256: sha, sizeBytes: text.utf8.count, encoding: "utf-8", bom: false,
                       newline: "lf", lengthScalars: text.unicodeScalars.count)
    }

    /// An annotation on `range` of `text`.
    static func annotation(_ id: String, _ range: Range<Int>, in text: String, tags: [String] = [], note: String? = nil,
                           color: String? = nil, by author: String = "alice", at time: String = time) -> Annotation {
        Annotation(id: id, target: TextTarget(range: range, in: Array(text.unicodeScalars)), color: color, tags: tags,
                   note: note, creator: author, created: time)
    }

    /// The range of the `nth` (1-based) occurrence of `quote` in `text`.
    static func range(of quote: String, in text: String, nth: Int = 1) -> Range<Int> {
        let hits = Anchorer(text: Array(text.unicodeScalars)).occurrences(of: Array(quote.unicodeScalars))
        let start = hits[nth - 1]
        return start..<start + quote.unicodeScalars.count
    }

    static func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }
}
