// Implementation-only, as in CharsetDetection: the system ICU's C types must not meet
// Foundation's private ICU in a client module.
@_implementationOnly import CICU

/// A word of a text as ICU's dictionary-based word break iterator (locale zh) finds it.
public struct WordSpan: Equatable, Sendable {
    /// Scalar offsets into the text given.
    public var range: Range<Int>
    /// True for a word (letters, numbers, ideographs); false for spaces and punctuation.
    public var isWord: Bool

    public init(range: Range<Int>, isWord: Bool) {
        self.range = range
        self.isWord = isWord
    }
}

/// Chinese word segmentation for word motions and selection in text that carries no `|`
/// separators. ICU reports UTF-16 offsets; they are converted to scalar offsets here, so
/// nothing else ever sees a UTF-16 unit.
public enum ICUWordBreaker {
    /// The spans of `scalars`, in order, covering it exactly.
    public static func spans(of scalars: [Unicode.Scalar], locale: String = "zh") -> [WordSpan] {
        guard !scalars.isEmpty else { return [] }
        var utf16: [UInt16] = []
        utf16.reserveCapacity(scalars.count)
        // scalarAt[i]: the scalar offset of UTF-16 unit i (and of the end).
        var scalarAt: [Int] = []
        scalarAt.reserveCapacity(scalars.count + 1)
        for (i, s) in scalars.enumerated() {
            for unit in UTF16.encode(s)! {
                utf16.append(unit)
                scalarAt.append(i)
            }
        }
        scalarAt.append(scalars.count)
        var status = U_ZERO_ERROR
        return utf16.withUnsafeBufferPointer { buffer -> [WordSpan] in
            guard let iterator = cicu_ubrk_open(UBRK_WORD, locale, buffer.baseAddress, Int32(buffer.count), &status),
                  status.rawValue <= 0 else { return [WordSpan(range: 0..<scalars.count, isWord: true)] }
            defer { cicu_ubrk_close(iterator) }
            var spans: [WordSpan] = []
            var start = cicu_ubrk_first(iterator)
            while true {
                let end = cicu_ubrk_next(iterator)
                if end == UBRK_DONE { break }
                // Rule status below 100 (UBRK_WORD_NONE) means spaces or punctuation.
                let isWord = cicu_ubrk_getRuleStatus(iterator) >= 100
                let range = scalarAt[Int(start)]..<scalarAt[Int(end)]
                if !range.isEmpty { spans.append(WordSpan(range: range, isWord: isWord)) }
                start = end
            }
            return spans
        }
    }
}
